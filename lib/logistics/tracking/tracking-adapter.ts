// What Lavka needs from a carrier's tracking service: the operations of one parcel, and (for cash
// on delivery) the events of the money transfer back to the shop. The Russian Post implementation
// is russian-post-tracking.ts; tests use it against a local HTTP double. Operations are mapped to
// order statuses by orderStatusOfOperation (the carrier's codes stay here, not in the job).
import type { OrderStatus } from "@/lib/db/generated/enums";

export interface CarrierOperation {
  /** "history": an operation on the parcel; "cod": an event of its COD money transfer. */
  source: "history" | "cod";
  type: number;
  attr: number | null;
  typeName: string | null;
  attrName: string | null;
  operatedAt: Date;
  postcode: string | null;
  place: string | null;
}

export interface TrackingAdapter {
  /** A short name for the quota and the logs ("russian-post"). */
  carrier: string;
  getOperationHistory(barcode: string): Promise<CarrierOperation[]>;
  getCodEvents(barcode: string): Promise<CarrierOperation[]>;
}

/** A tracking request that failed (network, HTTP status, SOAP fault): the parcel is retried at its next check. */
export class TrackingRequestError extends Error {
  constructor(
    message: string,
    readonly retryable = true,
  ) {
    super(message);
    this.name = "TrackingRequestError";
  }
}

// Russian Post's codes (tracking.pochta.ru/specification): OperType 2 "Вручение" with these
// attributes hands the parcel back to the SENDER (2 вручение отправителю, 4 через почтомат,
// 7 почтальоном, 9 курьером); every other "Вручение" reaches the addressee.
const HANDED_TO_SENDER_ATTRS = new Set([2, 4, 7, 9]);

/**
 * The order status a Russian Post operation means, or null for one that moves nothing (sorting,
 * transit, storage, a failed delivery attempt …): 1 Приём → SHIPPED; 8 Обработка / 2 Прибыло в
 * место вручения → DELIVERED; 2 Вручение → HANDED (or RETURNED when handed to the sender);
 * 3 Возврат → RETURNED; the COD transfer's EventType 3 "Оплата" (paid out to the shop) → PAID.
 */
export function orderStatusOfOperation(operation: Pick<CarrierOperation, "source" | "type" | "attr">): OrderStatus | null {
  if (operation.source === "cod") return operation.type === 3 ? "PAID" : null;
  switch (operation.type) {
    case 1:
      return "SHIPPED";
    case 8:
      return operation.attr === 2 ? "DELIVERED" : null;
    case 2:
      return operation.attr !== null && HANDED_TO_SENDER_ATTRS.has(operation.attr) ? "RETURNED" : "HANDED";
    case 3:
      return "RETURNED";
    default:
      return null;
  }
}
