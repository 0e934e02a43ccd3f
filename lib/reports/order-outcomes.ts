// Where a set of orders stands, after the seed systems' statistics (LeadVertex, E-AutoPay): the
// one definition of the counts the admin dashboard, the partner cabinet and the customer card
// show, as the SELECT list of a query over "Order" o (whatever orders the caller's WHERE picks) —
// or over the daily rollup "OrderDailyRollup" r, whose rows carry the same status, payment method
// and payment status columns and an `orders` count (ORDER_ROLLUP_SOURCE).
import { Prisma } from "@/lib/db";
import type { OrderStatus } from "@/lib/db/generated/enums";
import { CONFIRMED_STATUSES } from "@/lib/orders/transitions";

export interface OrderOutcomes {
  total: number;
  /** In a confirmed status (CONFIRMED, SHIPPED, DELIVERED, HANDED, PAID). */
  confirmed: number;
  duplicateOrSpam: number;
  /** Cash on delivery (post or courier), still waiting for confirmation. */
  codUnconfirmed: number;
  /** Cash on delivery, confirmed and already PAID (the money reached the shop). */
  codConfirmedPaid: number;
  /** Cash on delivery, confirmed and not PAID yet (confirmed, on the way, at the pickup point, handed). */
  codConfirmedUnpaid: number;
  /** Card prepayment that settled. */
  prepaidPaid: number;
}

/** What the columns are computed over: the table alias and how its rows count as orders. */
export interface OutcomeSource {
  alias: "o" | "r";
  /** An aggregate that counts orders (FILTER clauses are appended to it). */
  count: Prisma.Sql;
}

const ORDER_SOURCE: OutcomeSource = { alias: "o", count: Prisma.sql`count(*)` };
/** "OrderDailyRollup" r: every row stands for `orders` orders. */
export const ORDER_ROLLUP_SOURCE: OutcomeSource = { alias: "r", count: Prisma.sql`sum(r."orders")` };

const column = (source: OutcomeSource, name: string) => Prisma.raw(`${source.alias}."${name}"`);
const counted = (source: OutcomeSource, condition?: Prisma.Sql) =>
  condition ? Prisma.sql`coalesce(${source.count} FILTER (WHERE ${condition}), 0)::int` : Prisma.sql`coalesce(${source.count}, 0)::int`;

/** The status is one of the confirmed statuses. */
export const isConfirmedSql = (source: OutcomeSource = ORDER_SOURCE) => Prisma.sql`${column(source, "status")}::text = ANY(${[...CONFIRMED_STATUSES] as OrderStatus[]}::text[])`;

/** The SELECT list of OrderOutcomes. */
export function orderOutcomeColumns(source: OutcomeSource = ORDER_SOURCE): Prisma.Sql {
  const confirmed = isConfirmedSql(source);
  const status = column(source, "status");
  const method = column(source, "paymentMethod");
  const cashOnDelivery = Prisma.sql`${method} IN ('COD', 'COURIER')`;
  return Prisma.sql`
    ${counted(source)} AS "total",
    ${counted(source, confirmed)} AS "confirmed",
    ${counted(source, Prisma.sql`${status} IN ('DUPLICATE', 'SPAM')`)} AS "duplicateOrSpam",
    ${counted(source, Prisma.sql`${cashOnDelivery} AND ${status} = 'UNCONFIRMED'`)} AS "codUnconfirmed",
    ${counted(source, Prisma.sql`${cashOnDelivery} AND ${status} = 'PAID'`)} AS "codConfirmedPaid",
    ${counted(source, Prisma.sql`${cashOnDelivery} AND ${confirmed} AND ${status} <> 'PAID'`)} AS "codConfirmedUnpaid",
    ${counted(source, Prisma.sql`${method} = 'PREPAID' AND ${column(source, "paymentStatus")} = 'PAID'`)} AS "prepaidPaid"`;
}

/** The SELECT list of the buyout over orders picked by shipping date: shipped, and of them PAID. */
export const buyoutColumns = (source: OutcomeSource = ORDER_SOURCE) =>
  Prisma.sql`${counted(source)} AS "shipped", ${counted(source, Prisma.sql`${column(source, "status")} = 'PAID'`)} AS "paid"`;
