// Finance → Co-owners: each active co-owner's share of the bought-out margin, per month (Moscow)
// of the period and currency, in integer minor units of the order's currency (no conversion).
//
// Bought-out margin of a product = PAID revenue − base cost of its items − standing (not
// CANCELLED) commissions, counted by paidAt like the report's "Received". Base cost is per item
// (unitCost × quantity). An order's total (shipping and discounts included) and its commissions
// belong to the order, not to an item, so they are split over the order's items in proportion
// to the items' totals (equally when every item is free), by cumulative floors: the parts are
// whole minor units and add up to the order's figure exactly. Summed over products, the margin is
// the report's "Received" margin.
//
// The figures come from the daily product rollup "OrderProductDailyRollup" (each PAID order's
// split, kept by triggers on Order, OrderItem and Commission; prisma/migrations/
// 20261208110000_order_product_rollup), so a year is a few thousand rows, not the year's orders.
//
// A co-owner's share of a product line is margin × basis points / 10000, rounded toward zero
// (a loss gives a negative share), with the rules in force now (share-limit / effective-shares:
// a co-owner's product rule wins over their all-products rule).
import { db, Prisma } from "@/lib/db";
import { sharesOfProduct, type ShareRule } from "@/lib/coowners/effective-shares";
import { rollupDayRangeSql } from "./order-rollup-sql";
import type { ResolvedPeriod } from "./resolve-period";

export interface ProductMonthFigures {
  /** `YYYY-MM` in the shop's time zone. */
  month: string;
  currency: string;
  productId: string;
  /** PAID orders with an item of the product. */
  orders: number;
  revenue: bigint;
  baseCost: bigint;
  commissions: bigint;
}

interface ShareFigures {
  revenue: bigint;
  baseCost: bigint;
  commissions: bigint;
  /** revenue − baseCost − commissions. */
  margin: bigint;
  /** The co-owner's part of the margin. */
  share: bigint;
}

export interface CoOwnerShareLine extends ShareFigures {
  month: string;
  coOwnerId: string;
  coOwnerName: string;
  currency: string;
  productId: string;
  productName: string;
  basisPoints: number;
  orders: number;
}

export interface CoOwnerShareTotal extends ShareFigures {
  month: string;
  coOwnerId: string;
  coOwnerName: string;
  currency: string;
}

export interface CoOwnerShares {
  /** Per month, co-owner, currency and product; sorted by month, co-owner name, currency, product name. */
  lines: CoOwnerShareLine[];
  /** The lines summed per month, co-owner and currency, in the same order. */
  totals: CoOwnerShareTotal[];
}

type Period = Pick<ResolvedPeriod, "fromDay" | "toDay" | "timeZone">;

/**
 * Revenue, base cost and commissions of the PAID orders of the period per month, currency and
 * product, with the product's name (its id when the product is gone).
 */
export async function getProductMonthFigures(period: Period, productIds?: readonly string[]): Promise<(ProductMonthFigures & { productName: string })[]> {
  if (productIds && productIds.length === 0) return [];
  const productFilter = productIds ? Prisma.sql`AND r."productId" IN (${Prisma.join(productIds)})` : Prisma.empty;
  // Deltas not yet compacted may sum to nothing: a month without the product's orders is no row.
  return db.$queryRaw<(ProductMonthFigures & { productName: string })[]>`
    SELECT f.*, COALESCE(p."name", f."productId") AS "productName"
    FROM (
      SELECT to_char(r."day", 'YYYY-MM') AS "month", r."currency", r."productId",
        sum(r."orders")::int AS "orders", sum(r."revenue")::bigint AS "revenue", sum(r."baseCost")::bigint AS "baseCost", sum(r."commissions")::bigint AS "commissions"
      FROM "OrderProductDailyRollup" r
      WHERE ${rollupDayRangeSql(period)} ${productFilter}
      GROUP BY 1, 2, 3 HAVING sum(r."orders") > 0
    ) f LEFT JOIN "Product" p ON p."id" = f."productId"
    ORDER BY 1, 2, 3`;
}

const sumFigures = (lines: readonly ShareFigures[]): ShareFigures =>
  lines.reduce(
    (sum, line) => ({
      revenue: sum.revenue + line.revenue,
      baseCost: sum.baseCost + line.baseCost,
      commissions: sum.commissions + line.commissions,
      margin: sum.margin + line.margin,
      share: sum.share + line.share,
    }),
    { revenue: 0n, baseCost: 0n, commissions: 0n, margin: 0n, share: 0n },
  );

export async function getCoOwnerShares(period: Period): Promise<CoOwnerShares> {
  // Two statements at once, the rules with their co-owners' names and every product's figures
  // with its name (a year is a few hundred rows): each query costs the page ~0.5 ms of CPU, and
  // Prisma's relation reads and a names lookup after the figures made four in two round trips.
  const [rulesWithNames, allFigures] = await Promise.all([
    db.$queryRaw<(ShareRule & { coOwnerName: string })[]>`
      SELECT s."coOwnerId", c."name" AS "coOwnerName", s."productId", s."basisPoints"
      FROM "CoOwnerShare" s JOIN "CoOwner" c ON c."id" = s."coOwnerId"
      WHERE c."isActive"`,
    getProductMonthFigures(period),
  ]);
  const rules: ShareRule[] = rulesWithNames.map(({ coOwnerId, productId, basisPoints }) => ({ coOwnerId, productId, basisPoints }));
  if (!rules.length) return { lines: [], totals: [] };
  // With an all-products rule every product counts; otherwise only the products named by rules.
  const ruled = new Set(rules.map((rule) => rule.productId));
  const figures = ruled.has(null) ? allFigures : allFigures.filter((row) => ruled.has(row.productId));
  const coOwnerName = new Map(rulesWithNames.map((rule) => [rule.coOwnerId, rule.coOwnerName]));

  const lines: CoOwnerShareLine[] = [];
  for (const row of figures) {
    const margin = row.revenue - row.baseCost - row.commissions;
    for (const [coOwnerId, basisPoints] of sharesOfProduct(rules, row.productId)) {
      lines.push({
        month: row.month,
        coOwnerId,
        coOwnerName: coOwnerName.get(coOwnerId) ?? coOwnerId,
        currency: row.currency,
        productId: row.productId,
        productName: row.productName,
        basisPoints,
        orders: row.orders,
        revenue: row.revenue,
        baseCost: row.baseCost,
        commissions: row.commissions,
        margin,
        // BigInt division truncates toward zero.
        share: (margin * BigInt(basisPoints)) / 10_000n,
      });
    }
  }
  // Field by field, no key arrays per comparison: a year's lines are thousands of comparisons.
  type TotalKey = Pick<CoOwnerShareLine, "month" | "coOwnerName" | "coOwnerId" | "currency">;
  const compareTotals = (a: TotalKey, b: TotalKey) =>
    a.month.localeCompare(b.month) || a.coOwnerName.localeCompare(b.coOwnerName) || a.coOwnerId.localeCompare(b.coOwnerId) || a.currency.localeCompare(b.currency);
  lines.sort((a, b) => compareTotals(a, b) || a.productName.localeCompare(b.productName) || a.productId.localeCompare(b.productId));

  const totals: CoOwnerShareTotal[] = [];
  for (const line of lines) {
    const last = totals.at(-1);
    if (last && compareTotals(line, last) === 0) Object.assign(last, sumFigures([last, line]));
    else totals.push({ month: line.month, coOwnerId: line.coOwnerId, coOwnerName: line.coOwnerName, currency: line.currency, ...sumFigures([line]) });
  }
  return { lines, totals };
}
