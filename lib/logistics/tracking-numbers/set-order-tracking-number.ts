// The order page's tracking number: one row of assignTrackingNumbers (the same checks, the same
// CONFIRMED → SHIPPED move through the one transition function), refused as a field error with
// the row's reason when it does not pass. The status the page showed is checked too, so a form
// left open while someone else moved the order changes nothing.
import { z } from "zod";
import { db } from "@/lib/db";
import { OrderStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { ORDER_CHANGED_MEANWHILE, ZOrderActor } from "@/lib/orders/change-order-status";
import { assignTrackingNumbers } from "./assign-tracking-numbers";

export const ZSetOrderTrackingNumberInput = z.object({
  orderId: z.string().trim().min(1).max(64),
  trackingNumber: z.string().max(100),
  expectedFrom: z.enum(OrderStatus),
  actor: ZOrderActor.extend({ type: z.literal("USER"), id: z.string().min(1).max(64) }),
});

export async function setOrderTrackingNumber(input: z.input<typeof ZSetOrderTrackingNumberInput>): Promise<{ trackingNumber: string; shipped: boolean }> {
  const { orderId, trackingNumber, expectedFrom, actor } = ZSetOrderTrackingNumberInput.parse(input);
  const order = await db.order.findUnique({ where: { id: orderId }, select: { number: true, status: true } });
  if (!order) throw new AppError("NOT_FOUND", "Order not found");
  if (order.status !== expectedFrom) throw new AppError("CONFLICT", ORDER_CHANGED_MEANWHILE);
  const result = await assignTrackingNumbers({ rows: [{ line: 1, order: String(order.number), trackingNumber }], actor, apply: true, source: "order" });
  const row = result.rows[0]!;
  if (row.problem) {
    throw new AppError("VALIDATION", `Tracking number refused: ${row.problem}`, {
      fieldErrors: { trackingNumber: [`logistics.trackingErrors.${row.problem}`] },
    });
  }
  return { trackingNumber: row.trackingNumber, shipped: Boolean(row.ships) };
}
