// The shipping batches, newest first, with their parcel count and totals (weight, declared value
// per currency, and the postal fees in rubles — postage plus the declared-value fee, with how many
// parcels have no fee yet: no tariff when they were packed), paged by (createdAt, id).
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
    ? await db.shippingBatchOrder.groupBy({
        by: ["batchId", "currency"],
        where: { batchId: { in: items.map((batch) => batch.id) } },
        _sum: { weightGrams: true, declaredValue: true, postageFee: true, declaredValueFee: true },
        _count: { _all: true, postageFee: true },
      })
    : [];
  const last = items.at(-1);
  return {
    items: items.map((batch) => {
      const mine = totals.filter((total) => total.batchId === batch.id);
      const sum = (pick: (total: (typeof mine)[number]) => number | null | undefined) => mine.reduce((all, total) => all + (pick(total) ?? 0), 0);
      return {
        ...batch,
        weightGrams: sum((total) => total._sum.weightGrams),
        declared: mine.map((total) => ({ currency: total.currency, amount: total._sum.declaredValue ?? 0 })),
        /** Kopecks (the tariff is in rubles); null when no parcel has a fee. */
        fees: mine.some((total) => total._sum.postageFee !== null || total._sum.declaredValueFee !== null)
          ? sum((total) => total._sum.postageFee) + sum((total) => total._sum.declaredValueFee)
          : null,
        /** Parcels without postage (packed while no tariff was set). */
        parcelsWithoutFee: sum((total) => total._count._all - total._count.postageFee),
      };
    }),
    nextCursor: rows.length > BATCHES_PAGE_SIZE && last ? encodeOrderCursor(last) : null,
  };
}
