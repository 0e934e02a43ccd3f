// The Home dashboard's "general statistics", after the seed systems (LeadVertex, E-AutoPay):
// for a period of calendar days in the shop's time zone, the orders placed in it by payment and
// outcome, the money paid for them, approve and buyout rates, and orders per day. Read from the
// daily rollup "OrderDailyRollup" (kept by triggers, exact; prisma/migrations/
// 20261206160000_order_rollups): any period up to a year is a few thousand rows, not the
// period's orders (3.7 s for 12 months at a million orders when they were counted).
import { db, Prisma } from "@/lib/db";
import { computeRates, type Rates } from "./compute-rates";
import { buyoutColumns, isConfirmedSql, ORDER_ROLLUP_SOURCE, orderOutcomeColumns, type OrderOutcomes } from "./order-outcomes";
import { rollupDaysSql } from "./order-rollup-sql";
import { resolvePeriod, type PeriodKind, type TPeriodInput } from "./resolve-period";

export interface GeneralStats {
  period: { kind: PeriodKind; fromDay: string; toDay: string; timeZone: string };
  /** Orders placed in the period (by createdAt), by where they stand now. */
  orders: OrderOutcomes;
  /** Orders shipped in the period (by shippedAt) and how many of them reached PAID. */
  buyout: { shipped: number; paid: number };
  /** Totals of the period's orders whose money reached the shop, per order currency (minor units). */
  paidSums: { currency: string; amountMinor: bigint }[];
  rates: Rates;
  /** Every day of the period, empty days included. */
  byDay: { day: string; orders: number; confirmed: number }[];
}

export async function getGeneralStats(input: TPeriodInput = {}, now = new Date()): Promise<GeneralStats> {
  const period = resolvePeriod(input, now);
  const placed = rollupDaysSql("CREATED", period);
  const confirmed = isConfirmedSql(ORDER_ROLLUP_SOURCE);
  // Money reached the shop: a COD order PAID, or a prepayment that settled.
  const moneyReceived = Prisma.sql`(r."status" = 'PAID' OR r."paymentStatus" = 'PAID')`;

  const [cohortRows, buyoutRows, paidRows, dayRows] = await Promise.all([
    db.$queryRaw<Array<Record<keyof GeneralStats["orders"], number>>>`SELECT ${orderOutcomeColumns(ORDER_ROLLUP_SOURCE)} FROM "OrderDailyRollup" r WHERE ${placed}`,
    // Buyout is counted by shipping period: the orders shipped then, whatever became of them.
    db.$queryRaw<Array<{ shipped: number; paid: number }>>`
      SELECT ${buyoutColumns(ORDER_ROLLUP_SOURCE)} FROM "OrderDailyRollup" r WHERE ${rollupDaysSql("SHIPPED", period)}`,
    db.$queryRaw<Array<{ currency: string; amountMinor: bigint }>>`
      SELECT r."currency" AS "currency", sum(r."total")::bigint AS "amountMinor"
      FROM "OrderDailyRollup" r
      WHERE ${placed} AND ${moneyReceived}
      GROUP BY r."currency"
      HAVING sum(r."orders") > 0
      ORDER BY r."currency"`,
    db.$queryRaw<Array<{ day: string; orders: number; confirmed: number }>>`
      SELECT to_char(r."day", 'YYYY-MM-DD') AS "day", sum(r."orders")::int AS "orders", coalesce(sum(r."orders") FILTER (WHERE ${confirmed}), 0)::int AS "confirmed"
      FROM "OrderDailyRollup" r
      WHERE ${placed}
      GROUP BY r."day"`,
  ]);

  const orders = cohortRows[0]!;
  const buyout = buyoutRows[0]!;
  const byDay = new Map(dayRows.map((row) => [row.day, row]));
  return {
    period: { kind: period.kind, fromDay: period.fromDay, toDay: period.toDay, timeZone: period.timeZone },
    orders,
    buyout,
    paidSums: paidRows.map((row) => ({ currency: row.currency.trim(), amountMinor: BigInt(row.amountMinor) })),
    rates: computeRates({
      orders: orders.total,
      confirmed: orders.confirmed,
      duplicateOrSpam: orders.duplicateOrSpam,
      shipped: buyout.shipped,
      shippedAndPaid: buyout.paid,
    }),
    byDay: period.days.map((day) => ({ day, orders: byDay.get(day)?.orders ?? 0, confirmed: byDay.get(day)?.confirmed ?? 0 })),
  };
}
