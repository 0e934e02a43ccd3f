// The Home dashboard's "general statistics", after the seed systems (LeadVertex, E-AutoPay):
// for a period of calendar days in the shop's time zone, the orders placed in it by payment and
// outcome, the money paid for them, approve and buyout rates, and orders per day. Counted by
// PostgreSQL (FILTER aggregates, GROUP BY day in the time zone), never by looping over rows here.
import { db, Prisma } from "@/lib/db";
import { computeRates, type Rates } from "./compute-rates";
import { buyoutColumns, isConfirmedSql, orderOutcomeColumns, type OrderOutcomes } from "./order-outcomes";
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

// The database stores UTC wall-clock timestamps (timestamp without time zone): an instant
// becomes one by "AT TIME ZONE 'UTC'", and a stored value becomes the shop's wall clock by
// reading it as UTC first.
const utcTimestamp = (instant: Date) => Prisma.sql`(${instant.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

export async function getGeneralStats(input: TPeriodInput = {}, now = new Date()): Promise<GeneralStats> {
  const period = resolvePeriod(input, now);
  const [start, end] = [utcTimestamp(period.start), utcTimestamp(period.end)];
  const confirmed = isConfirmedSql();
  // Money reached the shop: a COD order PAID, or a prepayment that settled.
  const moneyReceived = Prisma.sql`(o."status" = 'PAID' OR o."paymentStatus" = 'PAID')`;

  const [cohortRows, buyoutRows, paidRows, dayRows] = await Promise.all([
    db.$queryRaw<Array<Record<keyof GeneralStats["orders"], number>>>`
      SELECT ${orderOutcomeColumns()}
      FROM "Order" o
      WHERE o."createdAt" >= ${start} AND o."createdAt" < ${end}`,
    // Buyout is counted by shipping period: the orders shipped then, whatever became of them.
    db.$queryRaw<Array<{ shipped: number; paid: number }>>`
      SELECT ${buyoutColumns()}
      FROM "Order" o
      WHERE o."shippedAt" >= ${start} AND o."shippedAt" < ${end}`,
    db.$queryRaw<Array<{ currency: string; amountMinor: bigint }>>`
      SELECT o."currency" AS "currency", sum(o."total")::bigint AS "amountMinor"
      FROM "Order" o
      WHERE o."createdAt" >= ${start} AND o."createdAt" < ${end} AND ${moneyReceived}
      GROUP BY o."currency"
      ORDER BY o."currency"`,
    db.$queryRaw<Array<{ day: string; orders: number; confirmed: number }>>`
      SELECT
        to_char(date_trunc('day', (o."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${period.timeZone}), 'YYYY-MM-DD') AS "day",
        count(*)::int AS "orders",
        (count(*) FILTER (WHERE ${confirmed}))::int AS "confirmed"
      FROM "Order" o
      WHERE o."createdAt" >= ${start} AND o."createdAt" < ${end}
      GROUP BY 1
      ORDER BY 1`,
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
