// A coupon's use follows its order's status (called by changeOrderStatus, in its transaction, with
// the order row locked): an order cancelled, or marked spam or duplicate, before it was shipped
// gives its use back — the coupon's usedCount and the customer's per-customer count (which counts
// the orders holding the coupon, read-customer-facts.ts). Order.couponId says whether the order
// holds a use: cleared on release, so a second release finds nothing to give back; the order keeps
// its discount rows and couponCode for the record. An order taken back into work (→ UNCONFIRMED)
// takes its use again, with the limit re-checked like at checkout: when the coupon was used up
// meanwhile the move is refused (as when its stock is gone), so a code is never used more than
// it allows.
import { AppError } from "@/lib/errors";
import { Prisma, type DbTransaction } from "@/lib/db";
import type { OrderStatus } from "@/lib/db/generated/enums";
import { BEFORE_SHIPPING_STATUSES } from "@/lib/orders/transitions";

/** Where an unshipped order's coupon use is given back. */
export const COUPON_RELEASING_STATUSES = ["CANCELLED", "SPAM", "DUPLICATE"] as const satisfies readonly OrderStatus[];

const releases = (status: OrderStatus) => (COUPON_RELEASING_STATUSES as readonly OrderStatus[]).includes(status);
const beforeShipping = (status: OrderStatus) => (BEFORE_SHIPPING_STATUSES as readonly OrderStatus[]).includes(status);

export type CouponUseChange = "released" | "retaken" | null;

export async function settleCouponUse(tx: DbTransaction, move: { orderId: string; from: OrderStatus; to: OrderStatus }): Promise<CouponUseChange> {
  if (releases(move.to) && beforeShipping(move.from)) {
    // Clearing the order's coupon and counting the use back is one statement: it happens once per holding.
    const released = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
      WITH held AS (
        SELECT id, "couponId" FROM "Order" WHERE id = ${move.orderId} AND "couponId" IS NOT NULL AND "shippedAt" IS NULL FOR UPDATE
      ), cleared AS (
        UPDATE "Order" o SET "couponId" = NULL FROM held WHERE o.id = held.id RETURNING held."couponId"
      )
      UPDATE "Coupon" c SET "usedCount" = GREATEST(c."usedCount" - 1, 0) FROM cleared WHERE c.id = cleared."couponId" RETURNING c.id`);
    return released.length > 0 ? "released" : null;
  }
  if (move.to === "UNCONFIRMED" && releases(move.from)) {
    const [given] = await tx.$queryRaw<{ couponId: string }[]>(Prisma.sql`
      SELECT d."couponId" FROM "OrderDiscount" d JOIN "Order" o ON o.id = d."orderId"
      WHERE d."orderId" = ${move.orderId} AND d.source = 'COUPON' AND d."couponId" IS NOT NULL AND o."couponId" IS NULL
      ORDER BY d."createdAt", d.id LIMIT 1`);
    if (!given) return null;
    const claimed = await tx.$executeRaw(Prisma.sql`
      UPDATE "Coupon" SET "usedCount" = "usedCount" + 1 WHERE id = ${given.couponId} AND ("maxUses" IS NULL OR "usedCount" < "maxUses")`);
    if (claimed === 0) throw new AppError("CONFLICT", "The order's coupon was used up meanwhile: it cannot be taken back into work with its discount");
    await tx.order.update({ where: { id: move.orderId }, data: { couponId: given.couponId }, select: { id: true } });
    return "retaken";
  }
  return null;
}
