// The owner's Clicks report (issue 4): referral clicks of a period, grouped by partner, product,
// sub1 or day (calendar days of the shop's time zone), with raw, unique and bot counts. Counted
// by PostgreSQL in one GROUP BY over the (partnerId, createdAt) index's range, never row by row.
// Raw and unique counts leave bots out: they are shown in a column of their own.
import { z } from "zod";
import { db, Prisma } from "@/lib/db";
import { resolvePeriod, type PeriodKind, type TPeriodInput } from "@/lib/reports/resolve-period";

export const CLICK_REPORT_GROUPS = ["partner", "product", "sub1", "day"] as const;
export type ClickReportGroup = (typeof CLICK_REPORT_GROUPS)[number];
export const ZClickReportGroup = z.enum(CLICK_REPORT_GROUPS).catch("partner");

/** The most rows a report shows: the rest are summed into the totals only. */
export const CLICK_REPORT_MAX_ROWS = 500;

export interface ClickReportRow {
  /** Partner id, product id, sub1 or `YYYY-MM-DD`; null for clicks without a product or sub1. */
  key: string | null;
  /** What a person reads: the partner's login and name, the product's name, the sub1, the day. */
  label: string | null;
  raw: number;
  unique: number;
  bots: number;
}

export interface ClickReport {
  period: { kind: PeriodKind; fromDay: string; toDay: string; timeZone: string };
  group: ClickReportGroup;
  rows: ClickReportRow[];
  totals: { raw: number; unique: number; bots: number };
}

const utcTimestamp = (instant: Date) => Prisma.sql`(${instant.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/** Throws a ZodError for a bad period (the page falls back to today and says so). */
export async function getClickReport(input: TPeriodInput & { group?: string }, now = new Date()): Promise<ClickReport> {
  const period = resolvePeriod(input, now);
  const group = ZClickReportGroup.parse(input.group);
  const where = Prisma.sql`c."createdAt" >= ${utcTimestamp(period.start)} AND c."createdAt" < ${utcTimestamp(period.end)}`;
  const counts = Prisma.sql`
    (count(*) FILTER (WHERE NOT c."isBot"))::int AS "raw",
    (count(*) FILTER (WHERE c."isUnique" AND NOT c."isBot"))::int AS "unique",
    (count(*) FILTER (WHERE c."isBot"))::int AS "bots"`;
  const order = Prisma.sql`ORDER BY "raw" DESC, "bots" DESC, "key" NULLS LAST LIMIT ${CLICK_REPORT_MAX_ROWS}`;

  const rowsQuery = (() => {
    switch (group) {
      case "partner":
        return Prisma.sql`
          SELECT c."partnerId" AS "key", max(p.login || ' · ' || p.name) AS "label", ${counts}
          FROM "Click" c JOIN "Partner" p ON p.id = c."partnerId"
          WHERE ${where} GROUP BY c."partnerId" ${order}`;
      case "product":
        return Prisma.sql`
          SELECT c."productId" AS "key", max(pr.name) AS "label", ${counts}
          FROM "Click" c LEFT JOIN "Product" pr ON pr.id = c."productId"
          WHERE ${where} GROUP BY c."productId" ${order}`;
      case "sub1":
        return Prisma.sql`
          SELECT c."sub1" AS "key", c."sub1" AS "label", ${counts}
          FROM "Click" c WHERE ${where} GROUP BY c."sub1" ${order}`;
      case "day":
        return Prisma.sql`
          SELECT to_char((c."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${period.timeZone}, 'YYYY-MM-DD') AS "key", NULL AS "label", ${counts}
          FROM "Click" c WHERE ${where} GROUP BY 1 ORDER BY 1 LIMIT ${CLICK_REPORT_MAX_ROWS}`;
    }
  })();

  const [rows, totalRows] = await Promise.all([db.$queryRaw<ClickReportRow[]>(rowsQuery), db.$queryRaw<ClickReport["totals"][]>`SELECT ${counts} FROM "Click" c WHERE ${where}`]);

  // Days without clicks are shown too, so the table reads as a calendar.
  const byDay = new Map(rows.map((row) => [row.key, row]));
  const filled = group === "day" ? period.days.map((day) => byDay.get(day) ?? { key: day, label: null, raw: 0, unique: 0, bots: 0 }) : rows;

  return {
    period: { kind: period.kind, fromDay: period.fromDay, toDay: period.toDay, timeZone: period.timeZone },
    group,
    rows: filled,
    totals: totalRows[0] ?? { raw: 0, unique: 0, bots: 0 },
  };
}
