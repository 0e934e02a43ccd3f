// The accountant's Finance report (issue 4): per currency, the money of a period of Moscow days.
// "Received" is what PAID orders brought in (by paidAt); "expected" is the same sums for the
// orders confirmed in the period (by confirmedAt), whatever became of them since. Base cost is
// OrderItem.unitCost × quantity as frozen at ordering; commissions are every level's Commission
// that is not CANCELLED. All sums are PostgreSQL aggregates in integer minor units (bigint):
// costs and commissions are summed per order in correlated subqueries, so joining items and
// commissions never multiplies an order's total.
import { db, Prisma } from "@/lib/db";
import { resolvePeriod, SHOP_TIME_ZONE, zonedDay, zonedDayStart, type PeriodKind, type TPeriodInput } from "./resolve-period";

export interface FinanceTotals {
  currency: string;
  orders: number;
  /** Order totals (items − discounts + shipping). */
  revenue: bigint;
  shipping: bigint;
  baseCost: bigint;
  commissions: bigint;
  /** revenue − baseCost − commissions. */
  margin: bigint;
}

export interface FinanceMonth extends FinanceTotals {
  /** `YYYY-MM` in the shop's time zone. */
  month: string;
}

export interface FinanceReport {
  period: { kind: PeriodKind; fromDay: string; toDay: string; timeZone: string };
  received: FinanceTotals[];
  expected: FinanceTotals[];
  /** Received money of the last 12 calendar months (the current one included), oldest first. */
  byMonth: { months: string[]; rows: FinanceMonth[] };
}

const utcTimestamp = (instant: Date) => Prisma.sql`(${instant.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

const totalsColumns = Prisma.sql`
  o."currency" AS "currency",
  count(*)::int AS "orders",
  sum(o."total")::bigint AS "revenue",
  sum(o."shippingTotal")::bigint AS "shipping",
  coalesce(sum(cost.amount), 0)::bigint AS "baseCost",
  coalesce(sum(comm.amount), 0)::bigint AS "commissions",
  (sum(o."total") - coalesce(sum(cost.amount), 0) - coalesce(sum(comm.amount), 0))::bigint AS "margin"`;

// One row per order, so the sums above stay per order.
const perOrderJoins = Prisma.sql`
  LEFT JOIN LATERAL (SELECT sum(i."unitCost"::bigint * i."quantity") AS amount FROM "OrderItem" i WHERE i."orderId" = o.id) cost ON true
  LEFT JOIN LATERAL (SELECT sum(c."amount"::bigint) AS amount FROM "Commission" c WHERE c."orderId" = o.id AND c."status" <> 'CANCELLED') comm ON true`;

/** `YYYY-MM` of the month `offset` months after `month`. */
function addMonths(month: string, offset: number): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const value = new Date(Date.UTC(year, monthNumber - 1 + offset, 1));
  return value.toISOString().slice(0, 7);
}

/** Throws a ZodError for a bad period (the page falls back to the default and says so). */
export async function getFinanceReport(input: TPeriodInput = {}, now = new Date()): Promise<FinanceReport> {
  const period = resolvePeriod(input, now);
  const [start, end] = [utcTimestamp(period.start), utcTimestamp(period.end)];

  const currentMonth = zonedDay(now, SHOP_TIME_ZONE).slice(0, 7);
  const months = Array.from({ length: 12 }, (_, index) => addMonths(currentMonth, index - 11));
  const monthsStart = utcTimestamp(zonedDayStart(`${months[0]}-01`, SHOP_TIME_ZONE));
  const monthsEnd = utcTimestamp(zonedDayStart(`${addMonths(currentMonth, 1)}-01`, SHOP_TIME_ZONE));
  const paidMonth = Prisma.sql`to_char((o."paidAt" AT TIME ZONE 'UTC') AT TIME ZONE ${SHOP_TIME_ZONE}, 'YYYY-MM')`;

  const [received, expected, byMonth] = await Promise.all([
    db.$queryRaw<FinanceTotals[]>`
      SELECT ${totalsColumns} FROM "Order" o ${perOrderJoins}
      WHERE o."status" = 'PAID' AND o."paidAt" >= ${start} AND o."paidAt" < ${end}
      GROUP BY o."currency" ORDER BY o."currency"`,
    db.$queryRaw<FinanceTotals[]>`
      SELECT ${totalsColumns} FROM "Order" o ${perOrderJoins}
      WHERE o."confirmedAt" >= ${start} AND o."confirmedAt" < ${end}
      GROUP BY o."currency" ORDER BY o."currency"`,
    db.$queryRaw<FinanceMonth[]>`
      SELECT ${paidMonth} AS "month", ${totalsColumns} FROM "Order" o ${perOrderJoins}
      WHERE o."status" = 'PAID' AND o."paidAt" >= ${monthsStart} AND o."paidAt" < ${monthsEnd}
      GROUP BY 1, o."currency" ORDER BY 1, o."currency"`,
  ]);

  return {
    period: { kind: period.kind, fromDay: period.fromDay, toDay: period.toDay, timeZone: period.timeZone },
    received,
    expected,
    byMonth: { months, rows: byMonth },
  };
}
