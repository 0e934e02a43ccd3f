// When an order may still take a one-click offer from its thank-you page: before it ships
// (UNCONFIRMED, CONFIRMED — the parcel is not packed yet) and when the customer pays on delivery
// (COD, courier). A prepaid order is left alone: its card payment covers the amount it was placed
// with, and a second charge is not what "one click" promises.
import type { OrderStatus, PaymentMethod } from "@/lib/db/generated/enums";
import { BEFORE_SHIPPING_STATUSES } from "@/lib/orders/transitions";

export const POST_ORDER_OFFER_LIMIT = 2;

export function canTakePostOrderOffer(order: { status: OrderStatus; paymentMethod: PaymentMethod }): boolean {
  return (BEFORE_SHIPPING_STATUSES as readonly OrderStatus[]).includes(order.status) && order.paymentMethod !== "PREPAID";
}
