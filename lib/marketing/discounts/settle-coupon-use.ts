// A coupon's use follows its order's status (called by changeOrderStatus, in its transaction, with
// the order row locked): an order cancelled, or marked spam or duplicate, before it was shipped
// gives its use back — the coupon's usedCount and the customer's per-customer count (which counts
// the orders holding the coupon, read-customer-facts.ts). Order.couponId says whether the order
// holds a use: cleared on release, so a second release finds nothing to give back; the order keeps
// its discount rows and couponCode for the record. An order placed in a releasing status (a
// DUPLICATE at checkout) holds no use from the start (couponHeldIn). An order taken back into work
// (→ UNCONFIRMED) takes its use again, with both limits re-checked like at checkout — the coupon's
// total, and the customer's, counted under the checkout's contact locks so that no order of theirs
// takes a use meanwhile: when either is reached the move is refused (as when its stock is gone),
// so a code is never used more than it allows. A coupon without a total limit counts no uses on
// its row (reserveStock): its usedCount is left as it is, but the row is still updated, so that
// saveCoupon, setting a limit (FOR UPDATE first), counts the orders holding it only after this
// move has committed.
import { AppError } from "@/lib/errors";
import { advisoryLockSql, contactLockKeys } from "@/lib/customers/customer-dedup";
import { Prisma, type DbTransaction } from "@/lib/db";
import type { OrderStatus } from "@/lib/db/generated/enums";
import { prismaRunner } from "@/lib/db/sql-runner";
import { BEFORE_SHIPPING_STATUSES } from "@/lib/orders/transitions";
import { readCustomerFacts } from "./read-customer-facts";

/** Where an unshipped order's coupon use is given back. */
export const COUPON_RELEASING_STATUSES = ["CANCELLED", "SPAM", "DUPLICATE"] as const satisfies readonly OrderStatus[];

const releases = (status: OrderStatus) => (COUPON_RELEASING_STATUSES as readonly OrderStatus[]).includes(status);
const beforeShipping = (status: OrderStatus) => (BEFORE_SHIPPING_STATUSES as readonly OrderStatus[]).includes(status);

/** Whether an order in this status holds a use of its coupon: one placed at checkout in a releasing status (a DUPLICATE) claims none. */
export const couponHeldIn = (status: OrderStatus) => !releases(status);

export type CouponUseChange = "released" | "retaken" | null;

/** Refusal of a move back into work when the customer's other orders already hold the coupon's per-customer uses. */
export const COUPON_USED_BY_CUSTOMER = "The customer's other orders already hold every use of this coupon allowed per customer: the order cannot be taken back into work with its discount";

interface OrderContacts {
  phoneNormalized: string | null;
  emailNormalized: string | null;
}

/** The checkout's transaction-scoped locks on the contacts (lib/customers/customer-dedup); taking one already held is a no-op. */
async function lockContacts(tx: DbTransaction, contacts: OrderContacts) {
  const keys = contactLockKeys(contacts);
  if (keys.length > 0) await tx.$queryRaw(advisoryLockSql(keys));
}

/**
 * Before an order is taken back into work, and before its row is locked: the contact locks its
 * coupon's per-customer check will need (settleCouponUse takes them again, from the locked row).
 * The checkout and the customer merge take these locks before any row; taken only after the
 * order's row lock, a merge of the customer (contacts, then their orders) could wait on the status
 * change while it waits on the merge.
 */
export async function lockCouponCustomer(tx: DbTransaction, orderId: string): Promise<void> {
  const [order] = await tx.$queryRaw<OrderContacts[]>(Prisma.sql`
    SELECT o."phoneNormalized", o."emailNormalized" FROM "Order" o
    WHERE o.id = ${orderId} AND o."couponId" IS NULL AND EXISTS (
      SELECT 1 FROM "OrderDiscount" d JOIN "Coupon" c ON c.id = d."couponId"
      WHERE d."orderId" = o.id AND d.source = 'COUPON' AND c."maxUsesPerCustomer" IS NOT NULL)`);
  if (order) await lockContacts(tx, order);
}

export async function settleCouponUse(tx: DbTransaction, move: { orderId: string; from: OrderStatus; to: OrderStatus }): Promise<CouponUseChange> {
  if (releases(move.to) && beforeShipping(move.from)) {
    // Clearing the order's coupon and counting the use back is one statement: it happens once per holding.
    const released = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
      WITH held AS (
        SELECT id, "couponId" FROM "Order" WHERE id = ${move.orderId} AND "couponId" IS NOT NULL AND "shippedAt" IS NULL FOR UPDATE
      ), cleared AS (
        UPDATE "Order" o SET "couponId" = NULL FROM held WHERE o.id = held.id RETURNING held."couponId"
      )
      UPDATE "Coupon" c SET "usedCount" = CASE WHEN c."maxUses" IS NULL THEN c."usedCount" ELSE GREATEST(c."usedCount" - 1, 0) END
      FROM cleared WHERE c.id = cleared."couponId" RETURNING c.id`);
    return released.length > 0 ? "released" : null;
  }
  if (move.to === "UNCONFIRMED" && releases(move.from)) {
    const [given] = await tx.$queryRaw<({ couponId: string; maxUsesPerCustomer: number | null } & OrderContacts)[]>(Prisma.sql`
      SELECT d."couponId", c."maxUsesPerCustomer", o."phoneNormalized", o."emailNormalized"
      FROM "OrderDiscount" d JOIN "Order" o ON o.id = d."orderId" JOIN "Coupon" c ON c.id = d."couponId"
      WHERE d."orderId" = ${move.orderId} AND d.source = 'COUPON' AND o."couponId" IS NULL
      ORDER BY d."createdAt", d.id LIMIT 1`);
    if (!given) return null;
    if (given.maxUsesPerCustomer !== null) {
      // As at checkout: the customer's orders holding the coupon, counted under their contact
      // locks (this order holds none yet, so it is not among them).
      await lockContacts(tx, given);
      const facts = await readCustomerFacts(prismaRunner(tx), given, given.couponId);
      if (facts && facts.couponUses >= given.maxUsesPerCustomer) throw new AppError("CONFLICT", COUPON_USED_BY_CUSTOMER);
    }
    const claimed = await tx.$executeRaw(Prisma.sql`
      UPDATE "Coupon" SET "usedCount" = CASE WHEN "maxUses" IS NULL THEN "usedCount" ELSE "usedCount" + 1 END
      WHERE id = ${given.couponId} AND ("maxUses" IS NULL OR "usedCount" < "maxUses")`);
    if (claimed === 0) throw new AppError("CONFLICT", "The order's coupon was used up meanwhile: it cannot be taken back into work with its discount");
    await tx.order.update({ where: { id: move.orderId }, data: { couponId: given.couponId }, select: { id: true } });
    return "retaken";
  }
  return null;
}
