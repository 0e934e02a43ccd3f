// Where a set of orders stands, after the seed systems' statistics (LeadVertex, E-AutoPay): the
// one definition of the counts the admin dashboard and the partner cabinet both show, as the
// SELECT list of a query over "Order" o (whatever orders the caller's WHERE picks).
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

/** `o."status"` is one of the confirmed statuses. */
export const isConfirmedSql = () => Prisma.sql`o."status"::text = ANY(${[...CONFIRMED_STATUSES] as OrderStatus[]}::text[])`;

/** The SELECT list of OrderOutcomes over "Order" o. */
export function orderOutcomeColumns(): Prisma.Sql {
  const confirmed = isConfirmedSql();
  const cashOnDelivery = Prisma.sql`o."paymentMethod" IN ('COD', 'COURIER')`;
  return Prisma.sql`
    count(*)::int AS "total",
    (count(*) FILTER (WHERE ${confirmed}))::int AS "confirmed",
    (count(*) FILTER (WHERE o."status" IN ('DUPLICATE', 'SPAM')))::int AS "duplicateOrSpam",
    (count(*) FILTER (WHERE ${cashOnDelivery} AND o."status" = 'UNCONFIRMED'))::int AS "codUnconfirmed",
    (count(*) FILTER (WHERE ${cashOnDelivery} AND o."status" = 'PAID'))::int AS "codConfirmedPaid",
    (count(*) FILTER (WHERE ${cashOnDelivery} AND ${confirmed} AND o."status" <> 'PAID'))::int AS "codConfirmedUnpaid",
    (count(*) FILTER (WHERE o."paymentMethod" = 'PREPAID' AND o."paymentStatus" = 'PAID'))::int AS "prepaidPaid"`;
}

/** The SELECT list of the buyout over "Order" o picked by shipping date: shipped, and of them PAID. */
export const buyoutColumns = () => Prisma.sql`count(*)::int AS "shipped", (count(*) FILTER (WHERE o."status" = 'PAID'))::int AS "paid"`;
