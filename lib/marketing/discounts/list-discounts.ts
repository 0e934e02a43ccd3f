// The admin's Advertising lists: every coupon, automatic discount and promotion with what it did —
// orders placed with it, the discount given and the revenue of those orders (order totals after
// the discount, leaving out cancelled, spam and duplicate orders), per currency — from
// OrderDiscount joined to the orders in one grouped query per list.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db, Prisma } from "@/lib/db";

export interface DiscountStats {
  orders: number;
  /** Coupons: the orders holding a use of it (placed with it and not given back since). */
  held: number;
  /** Per currency: discount given and revenue, minor units. */
  money: { currency: string; discount: number; revenue: number }[];
}

interface StatsRow {
  id: string;
  currency: string;
  orders: number;
  held: number;
  discount: number;
  revenue: number;
}

async function statsBy(column: "couponId" | "automaticDiscountId" | "promotionId"): Promise<Map<string, DiscountStats>> {
  const rows = await db.$queryRaw<StatsRow[]>`
    SELECT d.${Prisma.raw(`"${column}"`)} AS id, trim(o.currency) AS currency, count(DISTINCT o.id)::int AS orders,
      ${column === "couponId" ? Prisma.sql`count(DISTINCT o.id) FILTER (WHERE o."couponId" = d."couponId")::int` : Prisma.sql`0`} AS held,
      sum(d.amount)::int AS discount,
      COALESCE(sum(o.total) FILTER (WHERE o.status NOT IN ('CANCELLED', 'SPAM', 'DUPLICATE')), 0)::bigint::text::numeric::float8 AS revenue
    FROM "OrderDiscount" d JOIN "Order" o ON o.id = d."orderId"
    WHERE d.${Prisma.raw(`"${column}"`)} IS NOT NULL
    GROUP BY 1, 2`;
  const byId = new Map<string, DiscountStats>();
  for (const row of rows) {
    const stats = byId.get(row.id) ?? { orders: 0, held: 0, money: [] };
    stats.orders += row.orders;
    stats.held += row.held;
    stats.money.push({ currency: row.currency, discount: row.discount, revenue: Number(row.revenue) });
    byId.set(row.id, stats);
  }
  return byId;
}

const NO_STATS: DiscountStats = { orders: 0, held: 0, money: [] };

export async function listDiscounts(actor: TSectionActor) {
  assertSectionActor(actor, "advertising");
  const [coupons, automatic, promotions, couponStats, automaticStats, promotionStats] = await Promise.all([
    db.coupon.findMany({
      orderBy: [{ isActive: "desc" }, { createdAt: "desc" }],
      take: 500,
      select: { id: true, code: true, kind: true, value: true, currency: true, scope: true, usedCount: true, maxUses: true, startsAt: true, endsAt: true, isActive: true, combinable: true },
    }),
    db.automaticDiscount.findMany({
      orderBy: [{ isActive: "desc" }, { priority: "desc" }, { createdAt: "desc" }],
      select: { id: true, name: true, kind: true, value: true, currency: true, scope: true, minQuantity: true, region: true, startsAt: true, endsAt: true, isActive: true, combinable: true },
    }),
    db.promotion.findMany({
      orderBy: [{ isActive: "desc" }, { endsAt: "desc" }],
      take: 200,
      select: { id: true, name: true, kind: true, value: true, currency: true, startsAt: true, endsAt: true, isActive: true, combinable: true, _count: { select: { products: true } } },
    }),
    statsBy("couponId"),
    statsBy("automaticDiscountId"),
    statsBy("promotionId"),
  ]);
  const trim = <T extends { currency: string | null }>(row: T) => ({ ...row, currency: row.currency?.trim() ?? null });
  return {
    coupons: coupons.map((row) => ({ ...trim(row), stats: couponStats.get(row.id) ?? NO_STATS })),
    automatic: automatic.map((row) => ({ ...trim(row), stats: automaticStats.get(row.id) ?? NO_STATS })),
    promotions: promotions.map(({ _count, ...row }) => ({ ...trim(row), products: _count.products, stats: promotionStats.get(row.id) ?? NO_STATS })),
  };
}
