// The partner cabinet's breakdown of a period by day, product or sub1: clicks, orders and
// earnings side by side. Three GROUP BY queries (clicks, orders, commissions), each scoped by
// the partner's id and the period, merged here by key. Days are calendar days of the shop's time
// zone, and a day breakdown lists every day of the period, empty ones too.
import { z } from "zod";
import { db, Prisma } from "@/lib/db";
import type { OrderStatus } from "@/lib/db/generated/enums";
import { CONFIRMED_STATUSES } from "@/lib/orders/transitions";
import { resolvePeriod, type ResolvedPeriod, type TPeriodInput } from "@/lib/reports/resolve-period";
import { inPeriod } from "./period-sql";

export const BREAKDOWN_GROUPS = ["day", "product", "sub1"] as const;
export type BreakdownGroup = (typeof BREAKDOWN_GROUPS)[number];
/** An unknown grouping in the URL is not an error worth a message: it shows days. */
export const ZBreakdownGroup = z.enum(BREAKDOWN_GROUPS).catch("day");

/** The most rows shown; a partner with more sub1 values than this sees the busiest ones. */
export const BREAKDOWN_MAX_ROWS = 200;

export interface BreakdownRow {
  /** `YYYY-MM-DD`, a product id or a sub1; null for clicks/orders without a product or sub1. */
  key: string | null;
  /** The product's name for product rows; the key otherwise. */
  label: string | null;
  rawClicks: number;
  uniqueClicks: number;
  orders: number;
  confirmed: number;
  /** Commissions (not cancelled) per currency, minor units. */
  earnings: { currency: string; amount: number }[];
}

export interface PartnerBreakdown {
  group: BreakdownGroup;
  rows: BreakdownRow[];
}

function groupKey(group: BreakdownGroup, alias: "c" | "o" | "cm", period: ResolvedPeriod): Prisma.Sql {
  const table = Prisma.raw(alias);
  const orderAlias = Prisma.raw(alias === "cm" ? "o" : alias);
  switch (group) {
    case "day":
      return Prisma.sql`to_char((${table}."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${period.timeZone}, 'YYYY-MM-DD')`;
    case "product":
      return Prisma.sql`${orderAlias}."productId"`;
    case "sub1":
      return Prisma.sql`${orderAlias}."sub1"`;
  }
}

/** Throws a ZodError for a bad period. */
export async function getPartnerBreakdown(partnerId: string, input: TPeriodInput & { group?: string }, now = new Date()): Promise<PartnerBreakdown> {
  const period = resolvePeriod(input, now);
  const group = ZBreakdownGroup.parse(input.group);
  const confirmed = Prisma.sql`o."status"::text = ANY(${[...CONFIRMED_STATUSES] as OrderStatus[]}::text[])`;

  const [clickRows, orderRows, earningRows] = await Promise.all([
    db.$queryRaw<Array<{ key: string | null; raw: number; unique: number }>>`
      SELECT ${groupKey(group, "c", period)} AS "key",
             (count(*) FILTER (WHERE NOT c."isBot"))::int AS "raw",
             (count(*) FILTER (WHERE c."isUnique" AND NOT c."isBot"))::int AS "unique"
      FROM "Click" c
      WHERE c."partnerId" = ${partnerId} AND ${inPeriod(Prisma.sql`c."createdAt"`, period)}
      GROUP BY 1`,
    db.$queryRaw<Array<{ key: string | null; orders: number; confirmed: number }>>`
      SELECT ${groupKey(group, "o", period)} AS "key", count(*)::int AS "orders", (count(*) FILTER (WHERE ${confirmed}))::int AS "confirmed"
      FROM "Order" o
      WHERE o."partnerId" = ${partnerId} AND ${inPeriod(Prisma.sql`o."createdAt"`, period)}
      GROUP BY 1`,
    // Days are the commission's own: the order is joined only for its product or sub1 (thousands of lookups for a busy partner).
    db.$queryRaw<Array<{ key: string | null; currency: string; amount: bigint }>>`
      SELECT ${groupKey(group, "cm", period)} AS "key", cm."currency" AS "currency", sum(cm."amount")::bigint AS "amount"
      FROM "Commission" cm ${group === "day" ? Prisma.empty : Prisma.sql`JOIN "Order" o ON o."id" = cm."orderId"`}
      WHERE cm."partnerId" = ${partnerId} AND cm."status" <> 'CANCELLED' AND ${inPeriod(Prisma.sql`cm."createdAt"`, period)}
      GROUP BY 1, 2`,
  ]);

  const rows = new Map<string | null, BreakdownRow>();
  const row = (key: string | null) => {
    let found = rows.get(key);
    if (!found) {
      found = { key, label: key, rawClicks: 0, uniqueClicks: 0, orders: 0, confirmed: 0, earnings: [] };
      rows.set(key, found);
    }
    return found;
  };
  if (group === "day") period.days.forEach((day) => row(day));
  for (const click of clickRows) Object.assign(row(click.key), { rawClicks: click.raw, uniqueClicks: click.unique });
  for (const order of orderRows) Object.assign(row(order.key), { orders: order.orders, confirmed: order.confirmed });
  for (const earning of earningRows) row(earning.key).earnings.push({ currency: earning.currency.trim(), amount: Number(earning.amount) });

  if (group === "product") {
    const ids = [...rows.keys()].filter((key): key is string => key !== null);
    const products = await db.product.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
    for (const product of products) row(product.id).label = product.name;
  }

  const list = [...rows.values()];
  if (group === "day") list.sort((a, b) => (a.key ?? "").localeCompare(b.key ?? ""));
  else list.sort((a, b) => b.orders - a.orders || b.rawClicks - a.rawClicks || (a.key === null ? 1 : b.key === null ? -1 : a.key.localeCompare(b.key)));
  for (const item of list) item.earnings.sort((a, b) => a.currency.localeCompare(b.currency));
  return { group, rows: list.slice(0, BREAKDOWN_MAX_ROWS) };
}
