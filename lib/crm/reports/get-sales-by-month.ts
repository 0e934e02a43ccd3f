// The CRM report "sales by month against the same month last year" (issue 8 §5). Per currency —
// orders are summed in their own currency, never converted, so every figure is exact — and per
// calendar month of the shop's time zone, for the chosen year and the one before, side by side:
// - orders: orders placed in the month (by createdAt), duplicates and spam left out;
// - bought-out orders and bought-out revenue: orders that reached PAID, by the month of paidAt
//   (a refused COD order is never revenue), revenue = the orders' totals in minor units.
// Change in % is in basis points (integer), null when last year's figure is 0.
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { assertCrm } from "@/lib/crm/crm-access";
import { db, Prisma } from "@/lib/db";
import { SHOP_TIME_ZONE, zonedDay, zonedDayStart } from "@/lib/reports/resolve-period";

export const ZSalesYear = z.coerce
  .number({ error: "crmReports.errors.yearInvalid" })
  .int({ error: "crmReports.errors.yearInvalid" })
  .min(2000, { error: "crmReports.errors.yearInvalid" })
  .max(2100, { error: "crmReports.errors.yearInvalid" });

export interface SalesFigures {
  orders: number;
  paidOrders: number;
  /** Minor units of the row's currency. */
  revenue: bigint;
}

export interface SalesMonth {
  /** 1–12. */
  month: number;
  current: SalesFigures;
  previous: SalesFigures;
  /** (current − previous) / previous in basis points; null when previous is 0. */
  change: { orders: number | null; paidOrders: number | null; revenue: number | null };
}

export interface SalesCurrency {
  currency: string;
  months: SalesMonth[];
  total: Omit<SalesMonth, "month">;
}

export interface SalesByMonthReport {
  year: number;
  previousYear: number;
  timeZone: string;
  /** Currencies with any order in either year, RUB first; RUB alone when there is nothing. */
  currencies: SalesCurrency[];
}

/** Change from `previous` to `current` in basis points, rounded half away from zero; null when previous is 0. */
export function changeBasisPoints(current: bigint | number, previous: bigint | number): number | null {
  const [now, before] = [BigInt(current), BigInt(previous)];
  if (before === 0n) return null;
  const scaled = (now - before) * 10_000n;
  const quotient = scaled / before;
  const remainder = scaled % before;
  const roundAway = (remainder < 0n ? -remainder : remainder) * 2n >= (before < 0n ? -before : before);
  const sign = scaled < 0n !== before < 0n ? -1n : 1n;
  return Number(roundAway ? quotient + sign : quotient);
}

const empty = (): SalesFigures => ({ orders: 0, paidOrders: 0, revenue: 0n });

function withChange(current: SalesFigures, previous: SalesFigures) {
  return {
    current,
    previous,
    change: {
      orders: changeBasisPoints(current.orders, previous.orders),
      paidOrders: changeBasisPoints(current.paidOrders, previous.paidOrders),
      revenue: changeBasisPoints(current.revenue, previous.revenue),
    },
  };
}

/** The current year of the shop's calendar. */
export const currentSalesYear = (now = new Date()) => Number(zonedDay(now, SHOP_TIME_ZONE).slice(0, 4));

interface Row {
  year: number;
  month: number;
  currency: string;
  orders: number;
  paidOrders: number;
  revenue: bigint;
}

/** Throws a ZodError for a bad year (the page falls back to the current one and says so). */
export async function getSalesByMonth(actor: TSectionActor, input: { year?: unknown } = {}, now = new Date()): Promise<SalesByMonthReport> {
  const staff = assertSectionActor(actor, "crmReports");
  assertCrm(staff, "viewReports");
  const year = input.year === undefined || input.year === "" ? currentSalesYear(now) : ZSalesYear.parse(input.year);
  const previousYear = year - 1;
  const utc = (day: string) => Prisma.sql`(${zonedDayStart(day, SHOP_TIME_ZONE).toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const [from, to] = [utc(`${previousYear}-01-01`), utc(`${year + 1}-01-01`)];
  const local = (column: Prisma.Sql) => Prisma.sql`((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${SHOP_TIME_ZONE})`;

  const rows = await db.$queryRaw<Row[]>`
    WITH placed AS (
      SELECT extract(year FROM ${local(Prisma.sql`o."createdAt"`)})::int AS year, extract(month FROM ${local(Prisma.sql`o."createdAt"`)})::int AS month,
        trim(o."currency") AS currency, count(*)::int AS orders
      FROM "Order" o
      WHERE o."createdAt" >= ${from} AND o."createdAt" < ${to} AND o."status" NOT IN ('DUPLICATE', 'SPAM')
      GROUP BY 1, 2, 3
    ),
    paid AS (
      SELECT extract(year FROM ${local(Prisma.sql`o."paidAt"`)})::int AS year, extract(month FROM ${local(Prisma.sql`o."paidAt"`)})::int AS month,
        trim(o."currency") AS currency, count(*)::int AS "paidOrders", sum(o."total")::bigint AS revenue
      FROM "Order" o
      WHERE o."status" = 'PAID' AND o."paidAt" >= ${from} AND o."paidAt" < ${to}
      GROUP BY 1, 2, 3
    )
    SELECT coalesce(p.year, b.year) AS year, coalesce(p.month, b.month) AS month, coalesce(p.currency, b.currency) AS currency,
      coalesce(p.orders, 0)::int AS orders, coalesce(b."paidOrders", 0)::int AS "paidOrders", coalesce(b.revenue, 0)::bigint AS revenue
    FROM placed p FULL JOIN paid b ON b.year = p.year AND b.month = p.month AND b.currency = p.currency`;

  const codes = [...new Set(rows.map((row) => row.currency))].sort((a, b) => (a === "RUB" ? -1 : b === "RUB" ? 1 : a.localeCompare(b)));
  if (!codes.length) codes.push("RUB");
  const figures = new Map(rows.map((row) => [`${row.currency}|${row.year}|${row.month}`, { orders: row.orders, paidOrders: row.paidOrders, revenue: BigInt(row.revenue) }]));
  const add = (a: SalesFigures, b: SalesFigures): SalesFigures => ({ orders: a.orders + b.orders, paidOrders: a.paidOrders + b.paidOrders, revenue: a.revenue + b.revenue });

  const currencies = codes.map((currency): SalesCurrency => {
    const months = Array.from({ length: 12 }, (_, index): SalesMonth => {
      const month = index + 1;
      return {
        month,
        ...withChange(figures.get(`${currency}|${year}|${month}`) ?? empty(), figures.get(`${currency}|${previousYear}|${month}`) ?? empty()),
      };
    });
    const total = withChange(
      months.reduce((sum, month) => add(sum, month.current), empty()),
      months.reduce((sum, month) => add(sum, month.previous), empty()),
    );
    return { currency, months, total };
  });
  return { year, previousYear, timeZone: SHOP_TIME_ZONE, currencies };
}
