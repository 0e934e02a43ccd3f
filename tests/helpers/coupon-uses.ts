// A coupon's uses as the admin's list shows them: a limited coupon counts them on its row
// (usedCount, what the limit is checked against); an unlimited one does not, and its uses are the
// orders holding it (lib/checkout/order-write-sql reserveStock).
import { db } from "@/lib/db";

export async function couponUses(id: string): Promise<number> {
  const coupon = await db.coupon.findUniqueOrThrow({ where: { id }, select: { usedCount: true, maxUses: true } });
  return coupon.maxUses === null ? db.order.count({ where: { couponId: id } }) : coupon.usedCount;
}
