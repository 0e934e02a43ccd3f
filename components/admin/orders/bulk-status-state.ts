import type { OrderStatus } from "@/lib/db/generated/enums";

/** What the bulk status action answers: a summary, and a localised reason per order it could not move. */
export interface BulkStatusState {
  status: "idle" | "success" | "error";
  message?: string;
  to?: OrderStatus;
  /** Each order not moved, by its number (null for an id that names no order). */
  failures?: { id: string; number: number | null; error: string }[];
}

export const initialBulkStatusState: BulkStatusState = { status: "idle" };

/** At most one page of the list at a time. */
export const BULK_MAX_ORDERS = 200;
