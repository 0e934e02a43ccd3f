// The accountant's Finance report (issue 4): per currency, the money of a period of Moscow days.
// "Received" is what PAID orders brought in (by paidAt); "expected" is the same sums for the
// orders confirmed in the period (by confirmedAt), whatever became of them since. Base cost is
// OrderItem.unitCost × quantity as frozen at ordering; commissions are every level's Commission
// that is not CANCELLED. All sums are integer minor units (bigint), read from the daily rollup
// "OrderDailyRollup" (order, item and commission triggers keep each order's total, shipping, base
// cost and standing commissions on the day it was paid and the day it was confirmed), so a year
// is a few thousand rows instead of 8.5 s of per-order lookups at a million orders.
import { db, Prisma } from "@/lib/db";
import { rollupDaysSql } from "./order-rollup-sql";
import { resolvePeriod, SHOP_TIME_ZONE, zonedDay, type PeriodKind, type TPeriodInput } from "./resolve-period";

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

const totalsColumns = Prisma.sql`
  r."currency" AS "currency",
  sum(r."orders")::int AS "orders",
  sum(r."total")::bigint AS "revenue",
  sum(r."shipping")::bigint AS "shipping",
  sum(r."baseCost")::bigint AS "baseCost",
  sum(r."commissions")::bigint AS "commissions",
  (sum(r."total") - sum(r."baseCost") - sum(r."commissions"))::bigint AS "margin"`;

/** `YYYY-MM` of the month `offset` months after `month`. */
function addMonths(month: string, offset: number): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const value = new Date(Date.UTC(year, monthNumber - 1 + offset, 1));
  return value.toISOString().slice(0, 7);
}

/** Throws a ZodError for a bad period (the page falls back to the default and says so). */
export async function getFinanceReport(input: TPeriodInput = {}, now = new Date()): Promise<FinanceReport> {
  const period = resolvePeriod(input, now);

  const currentMonth = zonedDay(now, SHOP_TIME_ZONE).slice(0, 7);
  const months = Array.from({ length: 12 }, (_, index) => addMonths(currentMonth, index - 11));
  const lastMonthDay = new Date(Date.parse(`${addMonths(currentMonth, 1)}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const monthsPeriod = { fromDay: `${months[0]}-01`, toDay: lastMonthDay, timeZone: SHOP_TIME_ZONE };
  // The three sections in one statement, each row naming its section (every query costs the page
  // ~0.5 ms of CPU). A currency whose orders all moved on leaves rows summing to zero orders: not a
  // row of the report.
  const rows = await db.$queryRaw<(FinanceTotals & { section: "received" | "expected" | "byMonth"; month: string | null })[]>`
    SELECT 'received' AS "section", NULL::text AS "month", ${totalsColumns} FROM "OrderDailyRollup" r
    WHERE ${rollupDaysSql("PAID", period)} AND r."status" = 'PAID'
    GROUP BY r."currency" HAVING sum(r."orders") > 0
    UNION ALL
    SELECT 'expected', NULL, ${totalsColumns} FROM "OrderDailyRollup" r
    WHERE ${rollupDaysSql("CONFIRMED", period)}
    GROUP BY r."currency" HAVING sum(r."orders") > 0
    UNION ALL
    SELECT 'byMonth', to_char(r."day", 'YYYY-MM'), ${totalsColumns} FROM "OrderDailyRollup" r
    WHERE ${rollupDaysSql("PAID", monthsPeriod)} AND r."status" = 'PAID'
    GROUP BY 2, r."currency" HAVING sum(r."orders") > 0
    ORDER BY 1, 2, 3`;
  const totalsOf = (section: "received" | "expected") => rows.filter((row) => row.section === section).map(({ section: _section, month: _month, ...totals }) => totals);

  return {
    period: { kind: period.kind, fromDay: period.fromDay, toDay: period.toDay, timeZone: period.timeZone },
    received: totalsOf("received"),
    expected: totalsOf("expected"),
    byMonth: { months, rows: rows.filter((row) => row.section === "byMonth").map(({ section: _section, month, ...totals }) => ({ month: month!, ...totals })) },
  };
}
