// Tracking numbers for many orders at once (a pasted list, a CSV import, the queue's bulk action).
// Every row is checked first — order number known, tracking number well-formed with its check
// digit, no number given twice nor already on another order, the order in a status a parcel can
// have — and the problems come back per row with their reason. Only then, and only if the caller
// asked to apply, the rows are written in ONE transaction through changeOrderStatus (the one
// transition function): a CONFIRMED order moves to SHIPPED with its number, a shipped one just
// gets the number. By default a single bad row stops everything ("allOrNothing"); the caller may
// explicitly choose "validRows" to apply the good ones and leave the listed bad ones out.
import { z } from "zod";
import { db } from "@/lib/db";
import type { OrderStatus } from "@/lib/db/generated/enums";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { changeOrderStatus, ZOrderActor } from "@/lib/orders/change-order-status";
import { canRoleSetTrackingNumber } from "@/lib/orders/transitions";
import { MAX_TRACKING_ROWS } from "./read-tracking-rows";
import { parseTrackingNumber } from "./parse-tracking-number";
import { recordAudit } from "@/lib/audit/record-audit";

/** Statuses in which an order may get (or correct) its tracking number. */
export const TRACKABLE_STATUSES = ["CONFIRMED", "SHIPPED", "DELIVERED", "HANDED"] as const satisfies readonly OrderStatus[];

export const TRACKING_ROW_PROBLEMS = [
  "orderInvalid",
  "orderUnknown",
  "empty",
  "format",
  "checkDigit",
  "duplicateTracking",
  "duplicateOrder",
  "usedByOtherOrder",
  "statusNotTrackable",
] as const;
export type TrackingRowProblem = (typeof TRACKING_ROW_PROBLEMS)[number];

export const ZAssignTrackingNumbersInput = z.object({
  rows: z
    .array(z.object({ line: z.number().int().min(1), order: z.string().max(100), trackingNumber: z.string().max(100) }))
    .min(1)
    .max(MAX_TRACKING_ROWS),
  actor: ZOrderActor.extend({ type: z.literal("USER"), id: z.string().min(1).max(64) }),
  /** false: only check (the preview). */
  apply: z.boolean().default(false),
  mode: z.enum(["allOrNothing", "validRows"]).default("allOrNothing"),
  /** Where the numbers came from, for the audit log. */
  source: z.enum(["paste", "csv", "order"]).default("paste"),
});
export type TAssignTrackingNumbersInput = z.input<typeof ZAssignTrackingNumbersInput>;

export interface TrackingRowResult {
  line: number;
  order: string;
  trackingNumber: string;
  orderId?: string;
  orderNumber?: number;
  status?: OrderStatus;
  problem?: TrackingRowProblem;
  /** For duplicates: the other line; for usedByOtherOrder: the other order's number. */
  other?: number;
  /** Valid rows: whether the order moves to SHIPPED (it is CONFIRMED). */
  ships?: boolean;
  /** Valid rows after apply: whether it was written. */
  applied?: boolean;
}

export interface AssignTrackingNumbersResult {
  rows: TrackingRowResult[];
  valid: number;
  invalid: number;
  applied: number;
  shipped: number;
}

export async function assignTrackingNumbers(input: TAssignTrackingNumbersInput): Promise<AssignTrackingNumbersResult> {
  const parsed = ZAssignTrackingNumbersInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid tracking number list", { fieldErrors: zodFieldErrors(parsed.error) });
  const { rows, actor, apply, mode, source } = parsed.data;
  if (!actor.role || !canRoleSetTrackingNumber(actor.role)) throw new AppError("FORBIDDEN", "Your role cannot set tracking numbers");

  const results: TrackingRowResult[] = rows.map((row) => ({ line: row.line, order: row.order, trackingNumber: row.trackingNumber }));
  const numbers = new Map<number, TrackingRowResult[]>();
  for (const result of results) {
    const number = /^#?\s*(\d{1,9})$/.exec(result.order.trim())?.[1];
    if (!number || Number(number) === 0) result.problem = "orderInvalid";
    else result.orderNumber = Number(number);
    const tracking = parseTrackingNumber(result.trackingNumber);
    if (tracking.ok) result.trackingNumber = tracking.value;
    else result.problem ??= tracking.problem;
    if (result.orderNumber !== undefined) numbers.set(result.orderNumber, [...(numbers.get(result.orderNumber) ?? []), result]);
  }

  const orders = await db.order.findMany({
    where: { number: { in: [...numbers.keys()] } },
    select: { id: true, number: true, status: true, trackingNumber: true },
  });
  const byNumber = new Map(orders.map((order) => [order.number, order]));
  for (const result of results) {
    if (result.orderNumber === undefined) continue;
    const order = byNumber.get(result.orderNumber);
    if (!order) {
      result.problem ??= "orderUnknown";
      continue;
    }
    result.orderId = order.id;
    result.status = order.status;
    if (!(TRACKABLE_STATUSES as readonly OrderStatus[]).includes(order.status)) result.problem ??= "statusNotTrackable";
  }

  // The same order or the same parcel twice in one list: the later lines point at the first.
  markRepeats(results, (result) => (result.orderNumber === undefined ? undefined : String(result.orderNumber)), "duplicateOrder");
  markRepeats(results, (result) => (parseTrackingNumber(result.trackingNumber).ok ? result.trackingNumber : undefined), "duplicateTracking");

  const candidates = results.filter((result) => !result.problem);
  const taken = candidates.length
    ? await db.order.findMany({
        where: { trackingNumber: { in: candidates.map((result) => result.trackingNumber) }, id: { notIn: candidates.map((result) => result.orderId!) } },
        select: { number: true, trackingNumber: true },
      })
    : [];
  const takenBy = new Map(taken.map((order) => [order.trackingNumber!, order.number]));
  for (const result of candidates) {
    const other = takenBy.get(result.trackingNumber);
    if (other !== undefined) {
      result.problem = "usedByOtherOrder";
      result.other = other;
    }
  }

  const valid = results.filter((result) => !result.problem);
  for (const result of valid) result.ships = result.status === "CONFIRMED";
  const summary = { rows: results, valid: valid.length, invalid: results.length - valid.length, applied: 0, shipped: 0 };
  if (!apply || valid.length === 0 || (mode === "allOrNothing" && summary.invalid > 0)) return summary;

  // One transaction: every valid row is written, or (a row changed meanwhile) none is.
  await db.$transaction(
    async (tx) => {
      for (const result of valid) {
        await changeOrderStatus(
          {
            orderId: result.orderId!,
            to: result.ships ? "SHIPPED" : result.status!,
            expectedFrom: result.status!,
            trackingNumber: result.trackingNumber,
            actor,
            reason: result.ships ? `tracking number ${result.trackingNumber}` : undefined,
          },
          { tx },
        );
        result.applied = true;
      }
      await recordAudit(tx, {
        actor: { type: "USER", id: actor.id },
        action: "logistics.tracking-numbers",
        entity: { type: "Order" },
        data: { source, mode, applied: valid.length, skipped: summary.invalid, orders: valid.map((result) => result.orderNumber!) },
      });
    },
    { timeout: 120_000 },
  );
  return { ...summary, applied: valid.length, shipped: valid.filter((result) => result.ships).length };
}

function markRepeats(results: TrackingRowResult[], keyOf: (result: TrackingRowResult) => string | undefined, problem: TrackingRowProblem) {
  const first = new Map<string, TrackingRowResult>();
  for (const result of results) {
    const key = keyOf(result);
    if (key === undefined) continue;
    const earlier = first.get(key);
    if (!earlier) first.set(key, result);
    else if (!result.problem) {
      result.problem = problem;
      result.other = earlier.line;
    }
  }
}
