// Closes a batch when its parcels are handed to the post office: every parcel needs its tracking
// number (the f.103 lists them), else the orders without one come back and nothing changes.
// Closing frees the orders' "one open batch" slot and freezes the list.
import { z } from "zod";
import { assertSectionActor, ZSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { BatchOrderProblem } from "./create-shipping-batch";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZCloseShippingBatchInput = z.object({ batchId: z.string().trim().min(1).max(64), actor: ZSectionActor });

export async function closeShippingBatch(input: z.input<typeof ZCloseShippingBatchInput>): Promise<{ ok: true } | { ok: false; problems: BatchOrderProblem[] }> {
  const { batchId, actor: rawActor } = ZCloseShippingBatchInput.parse(input);
  const actor = assertSectionActor(rawActor, "logistics");
  return db.$transaction(async (tx) => {
    const [batch] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM "ShippingBatch" WHERE id = ${batchId} FOR UPDATE`;
    if (!batch) throw new AppError("NOT_FOUND", "Shipping batch not found");
    if (batch.status !== "OPEN") throw new AppError("CONFLICT", "The batch is closed");
    const entries = await tx.shippingBatchOrder.findMany({ where: { batchId }, select: { order: { select: { id: true, number: true, trackingNumber: true } } } });
    const problems = entries
      .filter((entry) => !entry.order.trackingNumber)
      .map((entry) => ({ orderId: entry.order.id, orderNumber: entry.order.number, problem: "trackingMissing" as const }));
    if (problems.length) return { ok: false, problems };
    await tx.shippingBatchOrder.updateMany({ where: { batchId }, data: { openOrderId: null } });
    await tx.shippingBatch.update({ where: { id: batchId }, data: { status: "CLOSED", closedAt: new Date() }, select: { id: true } });
    await recordAudit(tx, { actor: { type: "USER", id: actor.id }, action: "logistics.batch.close", entity: { type: "ShippingBatch", id: batchId } });
    return { ok: true };
  });
}
