// Packs selected orders into a new shipping batch (the f.103 list): a number from a sequence, the
// ship date, who made it, and per order its parcel weight (from the products, else the default),
// declared value (the order total) and postal fees (from the postal tariff; none without one).
// Every order is checked first — known, CONFIRMED or
// SHIPPED, not already in an open batch — and a single refusal writes nothing (the problems come
// back per order). The unique openOrderId column keeps an order in one open batch even when two
// people pack at once.
import { z } from "zod";
import { assertSectionActor, ZSectionActor } from "@/lib/auth/section-actor";
import { db, Prisma } from "@/lib/db";
import type { OrderStatus } from "@/lib/db/generated/enums";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { ZCalendarDay, zonedDay } from "@/lib/reports/resolve-period";
import { BATCHABLE_STATUSES, MAX_BATCH_ORDERS, parcelWeightGrams, type BatchProblem } from "./batch-rules";
import { recordAudit } from "@/lib/audit/record-audit";
import { getPostalTariff, lockPostalTariff, parcelFeesOrNull } from "../fees/postal-tariff";

export const ZCreateShippingBatchInput = z.object({
  orderIds: z.array(z.string().trim().min(1).max(64)).min(1).max(MAX_BATCH_ORDERS),
  shipDate: ZCalendarDay.optional(),
  note: z.string().trim().max(500).optional(),
  actor: ZSectionActor,
});

export interface BatchOrderProblem {
  orderId: string;
  orderNumber?: number;
  problem: BatchProblem;
  batchNumber?: number;
}

export type CreateShippingBatchResult = { ok: true; batchId: string; number: number } | { ok: false; problems: BatchOrderProblem[] };

export async function createShippingBatch(input: z.input<typeof ZCreateShippingBatchInput>, attempt = 0): Promise<CreateShippingBatchResult> {
  const parsed = ZCreateShippingBatchInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid shipping batch", { fieldErrors: zodFieldErrors(parsed.error) });
  const actor = assertSectionActor(parsed.data.actor, "logistics");
  const orderIds = [...new Set(parsed.data.orderIds)];

  const orders = await db.order.findMany({
    where: { id: { in: orderIds } },
    select: {
      id: true,
      number: true,
      status: true,
      total: true,
      currency: true,
      items: { select: { quantity: true, product: { select: { weightGrams: true } } } },
      shippingBatchEntries: { where: { openOrderId: { not: null } }, select: { batch: { select: { number: true } } } },
    },
  });
  const byId = new Map(orders.map((order) => [order.id, order]));
  const problems: BatchOrderProblem[] = [];
  for (const orderId of orderIds) {
    const order = byId.get(orderId);
    if (!order) problems.push({ orderId, problem: "orderUnknown" });
    else if (!(BATCHABLE_STATUSES as readonly OrderStatus[]).includes(order.status)) problems.push({ orderId, orderNumber: order.number, problem: "statusNotBatchable" });
    else if (order.shippingBatchEntries[0]) problems.push({ orderId, orderNumber: order.number, problem: "inOpenBatch", batchNumber: order.shippingBatchEntries[0].batch.number });
  }
  if (problems.length) return { ok: false, problems };

  const ordered = orders.sort((a, b) => a.number - b.number);
  try {
    const batch = await db.$transaction(async (tx) => {
      // Shared lock on the tariff: a tariff saved meanwhile waits for this batch and then recomputes it with the open ones.
      await lockPostalTariff(tx, "share");
      const tariff = await getPostalTariff(tx);
      const created = await tx.shippingBatch.create({
        data: {
          shipDate: new Date(`${parsed.data.shipDate ?? zonedDay(new Date())}T00:00:00Z`),
          note: parsed.data.note || null,
          createdById: actor.id,
          orders: {
            create: ordered.map((order, index) => {
              const parcel = { weightGrams: parcelWeightGrams(order.items), declaredValue: order.total, currency: order.currency };
              const fees = parcelFeesOrNull(tariff, parcel);
              return { orderId: order.id, openOrderId: order.id, position: index + 1, ...parcel, postageFee: fees?.postage ?? null, declaredValueFee: fees?.declaredValue ?? null };
            }),
          },
        },
        select: { id: true, number: true },
      });
      await recordAudit(tx, {
        actor: { type: "USER", id: actor.id },
        action: "logistics.batch.create",
        entity: { type: "ShippingBatch", id: created.id },
        data: { number: created.number, orders: ordered.length },
      });
      return created;
    });
    return { ok: true, batchId: batch.id, number: batch.number };
  } catch (error) {
    // Someone packed one of these orders into another open batch meanwhile: check again (and report it).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && attempt < 2) return createShippingBatch(input, attempt + 1);
    throw error;
  }
}
