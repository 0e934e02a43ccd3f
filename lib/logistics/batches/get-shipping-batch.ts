// A shipping batch with its parcels in f.103 order, for the batch page and its forms.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

const batchSelect = {
  id: true,
  number: true,
  shipDate: true,
  status: true,
  note: true,
  closedAt: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
  orders: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      weightGrams: true,
      declaredValue: true,
      currency: true,
      postageFee: true,
      declaredValueFee: true,
      postageFeeOverridden: true,
      declaredValueFeeOverridden: true,
      order: {
        select: { id: true, number: true, status: true, paymentMethod: true, total: true, currency: true, customerName: true, postcode: true, city: true, trackingNumber: true },
      },
    },
  },
} as const satisfies Prisma.ShippingBatchSelect;

export type ShippingBatchDetail = Prisma.ShippingBatchGetPayload<{ select: typeof batchSelect }>;

export async function getShippingBatchOrThrow(batchId: string, actor: TSectionActor): Promise<ShippingBatchDetail> {
  assertSectionActor(actor, "logistics");
  const batch = /^[A-Za-z0-9_-]{1,64}$/.test(batchId) ? await db.shippingBatch.findUnique({ where: { id: batchId }, select: batchSelect }) : null;
  if (!batch) throw new AppError("NOT_FOUND", "Shipping batch not found");
  return batch;
}
