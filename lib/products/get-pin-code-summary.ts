// What the editor shows about a product's pin codes: how many are left, and the codes already
// given out with their order number only — never the buyer's name or contacts.
import { db } from "@/lib/db";

export interface PinCodeSummary {
  remaining: number;
  used: number;
  /** The latest codes given to orders (up to `limit`). */
  recentlyUsed: { code: string; orderNumber: number | null }[];
}

export async function getPinCodeSummary(productId: string, limit = 20): Promise<PinCodeSummary> {
  const [remaining, used, recent] = await Promise.all([
    db.pinCode.count({ where: { productId, orderId: null } }),
    db.pinCode.count({ where: { productId, orderId: { not: null } } }),
    db.pinCode.findMany({
      where: { productId, orderId: { not: null } },
      select: { code: true, order: { select: { number: true } } },
      orderBy: { assignedAt: "desc" },
      take: limit,
    }),
  ]);
  return { remaining, used, recentlyUsed: recent.map((row) => ({ code: row.code, orderNumber: row.order?.number ?? null })) };
}
