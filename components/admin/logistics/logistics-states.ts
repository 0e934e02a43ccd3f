// What the logistics section's Server Actions answer, shared with the client forms that show it.
import type { ActionState } from "@/lib/forms/action-state";

/** A row of a tracking-number check, with its reason already in the reader's language. */
export interface TrackingRowView {
  line: number;
  order: string;
  trackingNumber: string;
  orderId?: string;
  ok: boolean;
  /** The localised result (OK, will ship, the problem). */
  result: string;
}

export interface TrackingImportState extends ActionState {
  rows?: TrackingRowView[];
  valid?: number;
  invalid?: number;
  applied?: boolean;
  /** The text to keep in the box after a check. */
  text?: string;
}

export interface BulkState extends ActionState {
  /** Per order (or per refused order) what went wrong, localised. */
  failures?: { id: string; text: string }[];
}

export const initialBulkState: BulkState = { status: "idle" };
export const initialTrackingImportState: TrackingImportState = { status: "idle" };
