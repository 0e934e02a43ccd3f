// Moves several orders at once (the admin list's bulk action). Each order goes through
// changeOrderStatus in its own transaction: an illegal or forbidden move fails alone and is
// reported, the others are done.
import { z } from "zod";
import { OrderStatus } from "@/lib/db/generated/enums";
import { AppError, toAppError, zodFieldErrors } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { changeOrderStatus, ZOrderActor } from "./change-order-status";

export const MAX_BULK_ORDERS = 500;

export const ZBulkChangeOrderStatusInput = z.object({
  orderIds: z.array(z.string().trim().min(1).max(64)).min(1).max(MAX_BULK_ORDERS),
  to: z.enum(OrderStatus),
  actor: ZOrderActor,
  reason: z.string().trim().max(1000).optional(),
});
export type TBulkChangeOrderStatusInput = z.input<typeof ZBulkChangeOrderStatusInput>;

export interface BulkChangeResult {
  id: string;
  ok: boolean;
  /** Set when ok; false when the order already was in the status. */
  changed?: boolean;
  /** Why this order was not moved (the AppError's message). */
  error?: string;
  /** The AppError code of the failure (CONFLICT, FORBIDDEN, NOT_FOUND, …). */
  code?: string;
}

export async function bulkChangeOrderStatus(input: TBulkChangeOrderStatusInput): Promise<{ results: BulkChangeResult[] }> {
  const parsed = ZBulkChangeOrderStatusInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid bulk status change", { fieldErrors: zodFieldErrors(parsed.error) });
  const { orderIds, to, actor, reason } = parsed.data;

  const results: BulkChangeResult[] = [];
  // One after another: the orders often share products, whose stock rows they would fight over.
  for (const id of new Set(orderIds)) {
    try {
      const result = await changeOrderStatus({ orderId: id, to, actor, reason });
      results.push({ id, ok: true, changed: result.changed });
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === "INTERNAL") logger.error({ err: error, orderId: id }, "bulk status change failed for an order");
      results.push({ id, ok: false, code: appError.code, error: appError.code === "INTERNAL" ? "Something went wrong" : appError.message });
    }
  }
  return { results };
}
