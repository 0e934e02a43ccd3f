// The partner cabinet's headline numbers for a period of calendar days (Europe/Moscow), after
// the admin dashboard (lib/reports/get-general-stats): clicks, orders by payment and outcome,
// approve and buyout rates, earnings and EPC. Every query is scoped by the partner's id, which
// the caller takes from the session (requirePartnerPage), never from the request. Counted by
// PostgreSQL over the (partnerId, createdAt) indexes of Click and Order, never row by row.
import { db, Prisma } from "@/lib/db";
import { computeRates, type Rates } from "@/lib/reports/compute-rates";
import { buyoutColumns, orderOutcomeColumns, type OrderOutcomes } from "@/lib/reports/order-outcomes";
import { resolvePeriod, type PeriodKind, type TPeriodInput } from "@/lib/reports/resolve-period";
import { inPeriod } from "./period-sql";

export interface PartnerEarnings {
  currency: string;
  /** Commissions waiting for their order to reach the product's trigger (minor units). */
  pending: number;
  /** APPROVED, still inside the hold period. */
  onHold: number;
  /** Past the hold (AVAILABLE, or APPROVED whose hold ended before the worker moved it). */
  available: number;
  paid: number;
  /** Earnings per raw click: (approved + available + paid) / raw clicks, in minor units; null without clicks. */
  epc: number | null;
}

export interface PartnerStats {
  period: { kind: PeriodKind; fromDay: string; toDay: string; timeZone: string };
  clicks: { raw: number; unique: number };
  /** The partner's orders placed in the period, by where they stand now. */
  orders: OrderOutcomes;
  buyout: { shipped: number; paid: number };
  rates: Rates;
  /** Per commission currency, from the partner's commissions (any level) created in the period. */
  earnings: PartnerEarnings[];
}

/** Throws a ZodError for a bad period (the page falls back to today and says so). */
export async function getPartnerStats(partnerId: string, input: TPeriodInput = {}, now = new Date()): Promise<PartnerStats> {
  const period = resolvePeriod(input, now);
  const nowSql = Prisma.sql`(${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

  const [clickRows, orderRows, buyoutRows, earningRows] = await Promise.all([
    // Bots are recorded but are nobody's traffic: they count in neither number.
    db.$queryRaw<Array<PartnerStats["clicks"]>>`
      SELECT (count(*) FILTER (WHERE NOT c."isBot"))::int AS "raw",
             (count(*) FILTER (WHERE c."isUnique" AND NOT c."isBot"))::int AS "unique"
      FROM "Click" c
      WHERE c."partnerId" = ${partnerId} AND ${inPeriod(Prisma.sql`c."createdAt"`, period)}`,
    db.$queryRaw<Array<PartnerStats["orders"]>>`
      SELECT ${orderOutcomeColumns()}
      FROM "Order" o
      WHERE o."partnerId" = ${partnerId} AND ${inPeriod(Prisma.sql`o."createdAt"`, period)}`,
    // Buyout by shipping period, as on the admin dashboard.
    db.$queryRaw<Array<{ shipped: number; paid: number }>>`
      SELECT ${buyoutColumns()}
      FROM "Order" o
      WHERE o."partnerId" = ${partnerId} AND ${inPeriod(Prisma.sql`o."shippedAt"`, period)}`,
    // "On hold" is decided against `now`, not by the stored status alone: the worker that moves
    // APPROVED to AVAILABLE runs periodically, and the cabinet should not lag behind it.
    db.$queryRaw<Array<{ currency: string; pending: bigint; onHold: bigint; available: bigint; paid: bigint }>>`
      SELECT
        cm."currency" AS "currency",
        coalesce(sum(cm."amount") FILTER (WHERE cm."status" = 'PENDING'), 0)::bigint AS "pending",
        coalesce(sum(cm."amount") FILTER (WHERE cm."status" = 'APPROVED' AND (cm."availableAt" IS NULL OR cm."availableAt" > ${nowSql})), 0)::bigint AS "onHold",
        coalesce(sum(cm."amount") FILTER (WHERE cm."status" = 'AVAILABLE' OR (cm."status" = 'APPROVED' AND cm."availableAt" <= ${nowSql})), 0)::bigint AS "available",
        coalesce(sum(cm."amount") FILTER (WHERE cm."status" = 'PAID'), 0)::bigint AS "paid"
      FROM "Commission" cm
      WHERE cm."partnerId" = ${partnerId} AND cm."status" <> 'CANCELLED' AND ${inPeriod(Prisma.sql`cm."createdAt"`, period)}
      GROUP BY cm."currency"
      ORDER BY cm."currency"`,
  ]);

  const clicks = clickRows[0]!;
  const orders = orderRows[0]!;
  const buyout = buyoutRows[0]!;
  return {
    period: { kind: period.kind, fromDay: period.fromDay, toDay: period.toDay, timeZone: period.timeZone },
    clicks,
    orders,
    buyout,
    rates: computeRates({ orders: orders.total, confirmed: orders.confirmed, duplicateOrSpam: orders.duplicateOrSpam, shipped: buyout.shipped, shippedAndPaid: buyout.paid }),
    earnings: earningRows.map((row) => {
      // Sums come back as bigint (a sum of int may pass 2^31); per partner and period they fit a double exactly.
      const [pending, onHold, available, paid] = [row.pending, row.onHold, row.available, row.paid].map(Number) as [number, number, number, number];
      return { currency: row.currency.trim(), pending, onHold, available, paid, epc: earningsPerClick(onHold + available + paid, clicks.raw) };
    }),
  };
}

/** Minor units per click, rounded half up (integer maths: no float touches money). */
export function earningsPerClick(earnedMinor: number, rawClicks: number): number | null {
  if (rawClicks === 0) return null;
  return Math.floor((2 * earnedMinor + rawClicks) / (2 * rawClicks));
}
