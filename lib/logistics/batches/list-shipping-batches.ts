// The shipping batches, newest first, with their parcel count and totals, paged by (createdAt, id).
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { decodeOrderCursor, encodeOrderCursor } from "@/lib/orders/list-orders";

export const BATCHES_PAGE_SIZE = 50;
export const ZListShippingBatchesInput = z.object({ status: z.enum(["OPEN", "CLOSED"]).optional(), cursor: z.string().max(200).optional() });

export async function listShippingBatches(input: z.input<typeof ZListShippingBatchesInput>, actor: TSectionActor) {
  assertSectionActor(actor, "logistics");
  const { status, cursor } = ZListShippingBatchesInput.parse(input);
  const after = cursor ? decodeOrderCursor(cursor) : undefined;
  const rows = await db.shippingBatch.findMany({
    where: {
      ...(status ? { status } : {}),
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: BATCHES_PAGE_SIZE + 1,
    select: { id: true, number: true, shipDate: true, status: true, createdAt: true, createdBy: { select: { name: true } }, _count: { select: { orders: true } } },
  });
  const items = rows.slice(0, BATCHES_PAGE_SIZE);
  const totals = items.length
    ? await db.shippingBatchOrder.groupBy({ by: ["batchId", "currency"], where: { batchId: { in: items.map((batch) => batch.id) } }, _sum: { weightGrams: true, declaredValue: true } })
    : [];
  const last = items.at(-1);
  return {
    items: items.map((batch) => ({
      ...batch,
      weightGrams: totals.filter((total) => total.batchId === batch.id).reduce((sum, total) => sum + (total._sum.weightGrams ?? 0), 0),
      declared: totals.filter((total) => total.batchId === batch.id).map((total) => ({ currency: total.currency, amount: total._sum.declaredValue ?? 0 })),
    })),
    nextCursor: rows.length > BATCHES_PAGE_SIZE && last ? encodeOrderCursor(last) : null,
  };
}
