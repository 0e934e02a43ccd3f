// The "deal history" report (CRM reports) for a period and a pipeline:
// - per stage: deals that entered it in the period, the average time a deal spent in it (stays
//   that ended in the period), and the conversion to the next step among the deals created in
//   the period (deal-conversion: a funnel of the OPEN stages, then WON);
// - won and lost deals closed in the period: counts and budget sums per currency, and the loss
//   reasons with their counts;
// - the stage changes of the period (latest first) for the table and the CSV.
import { z } from "zod";
import { db } from "@/lib/db";
import type { DealStageKind } from "@/lib/db/generated/enums";
import { resolvePeriod, type ResolvedPeriod, type TPeriodInput } from "@/lib/reports/resolve-period";
import { assertDealReportActor, type TSectionActor } from "./deal-access";
import { averageSeconds, conversionByStage } from "./deal-conversion";
import { resolvePipelineId, sortTotals, type CurrencyTotal } from "./deal-filters";
import { sortStages } from "./list-pipelines";

/** Stage changes listed on the page and in the CSV (the counts cover all of them). */
export const REPORT_CHANGES_LIMIT = 1000;

export interface DealReportStage {
  id: string;
  name: string;
  kind: DealStageKind;
  color: string | null;
  /** Deals that moved into the stage (or were created in it) during the period. */
  entered: number;
  /** Stays in the stage that ended during the period, and their mean length in seconds. */
  stays: number;
  averageSeconds: number | null;
  /** Funnel over the deals created in the period (null for LOST, which is not a step). */
  reached: number | null;
  advanced: number | null;
  conversionBp: number | null;
}

export interface DealReportChange {
  id: string;
  at: string;
  dealId: string;
  dealTitle: string;
  fromStage: string | null;
  toStage: string | null;
  userName: string | null;
  note: string | null;
}

export interface DealHistoryReport {
  period: ResolvedPeriod;
  pipelines: { id: string; name: string }[];
  pipelineId: string | null;
  /** Deals of the pipeline created in the period (the funnel's cohort). */
  createdCount: number;
  stages: DealReportStage[];
  won: { count: number; totals: CurrencyTotal[] };
  lost: { count: number; totals: CurrencyTotal[]; reasons: { reason: string; count: number }[] };
  changeCount: number;
  changes: DealReportChange[];
}

const ZReportInput = z.object({ pipelineId: z.string().trim().max(64).optional() });

export async function getDealHistoryReport(input: TPeriodInput & { pipelineId?: string }, actor: TSectionActor, now = new Date()): Promise<DealHistoryReport> {
  assertDealReportActor(actor);
  // A bad period throws a ZodError: the page falls back to its default (withPeriodFallback).
  const period = resolvePeriod({ period: input.period, from: input.from, to: input.to }, now);
  const { pipelineId: asked } = ZReportInput.parse({ pipelineId: input.pipelineId || undefined });
  const pipelines = await db.pipeline.findMany({ orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, name: true } });
  const pipelineId = await resolvePipelineId(db, asked);
  const empty = { count: 0, totals: [] };
  if (!pipelineId) return { period, pipelines, pipelineId, createdCount: 0, stages: [], won: empty, lost: { ...empty, reasons: [] }, changeCount: 0, changes: [] };
  const { start, end } = period;

  const stageRows = sortStages(await db.dealStage.findMany({ where: { pipelineId }, select: { id: true, name: true, kind: true, color: true, position: true } }));
  const entered = await db.$queryRaw<{ stageId: string; count: number }[]>`
    SELECT c."toStageId" AS "stageId", count(*)::int AS count
    FROM "DealStageChange" c JOIN "Deal" d ON d.id = c."dealId"
    WHERE d."pipelineId" = ${pipelineId} AND c."toStageId" IS NOT NULL AND c."createdAt" >= ${start} AND c."createdAt" < ${end}
    GROUP BY c."toStageId"`;
  // Each change opens a stay in its target stage; the deal's next change closes it.
  const stays = await db.$queryRaw<{ stageId: string; seconds: number }[]>`
    SELECT "stageId", extract(epoch FROM ("leftAt" - "enteredAt"))::float8 AS seconds FROM (
      SELECT c."toStageId" AS "stageId", c."createdAt" AS "enteredAt",
             lead(c."createdAt") OVER (PARTITION BY c."dealId" ORDER BY c."createdAt", c.id) AS "leftAt"
      FROM "DealStageChange" c JOIN "Deal" d ON d.id = c."dealId"
      WHERE d."pipelineId" = ${pipelineId}
    ) t
    WHERE "stageId" IS NOT NULL AND "leftAt" >= ${start} AND "leftAt" < ${end}`;
  const cohort = await db.$queryRaw<{ path: string[] }[]>`
    SELECT array_remove(array_agg(c."toStageId") || d."stageId", NULL) AS path
    FROM "Deal" d LEFT JOIN "DealStageChange" c ON c."dealId" = d.id
    WHERE d."pipelineId" = ${pipelineId} AND d."createdAt" >= ${start} AND d."createdAt" < ${end}
    GROUP BY d.id`;
  const closed = await db.$queryRaw<{ kind: DealStageKind; currency: string; count: number; amount: string }[]>`
    SELECT s.kind::text AS kind, d.currency, count(*)::int AS count, sum(d.budget)::text AS amount
    FROM "Deal" d JOIN "DealStage" s ON s.id = d."stageId"
    WHERE d."pipelineId" = ${pipelineId} AND s.kind <> 'OPEN' AND d."closedAt" >= ${start} AND d."closedAt" < ${end}
    GROUP BY s.kind, d.currency`;
  const reasons = await db.$queryRaw<{ reason: string; count: number }[]>`
    SELECT d."lostReason" AS reason, count(*)::int AS count
    FROM "Deal" d JOIN "DealStage" s ON s.id = d."stageId"
    WHERE d."pipelineId" = ${pipelineId} AND s.kind = 'LOST' AND d."closedAt" >= ${start} AND d."closedAt" < ${end}
    GROUP BY d."lostReason" ORDER BY count(*) DESC, d."lostReason" LIMIT 50`;
  const [{ count: changeCount } = { count: 0 }] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM "DealStageChange" c JOIN "Deal" d ON d.id = c."dealId"
    WHERE d."pipelineId" = ${pipelineId} AND c."createdAt" >= ${start} AND c."createdAt" < ${end}`;
  const changes = await db.dealStageChange.findMany({
    where: { deal: { pipelineId }, createdAt: { gte: start, lt: end } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: REPORT_CHANGES_LIMIT,
    select: {
      id: true,
      createdAt: true,
      note: true,
      dealId: true,
      deal: { select: { title: true } },
      fromStage: { select: { name: true } },
      toStage: { select: { name: true } },
      user: { select: { name: true } },
    },
  });

  const funnel = [...stageRows.filter((stage) => stage.kind === "OPEN"), ...stageRows.filter((stage) => stage.kind === "WON")].map((stage) => stage.id);
  const conversion = new Map(
    conversionByStage(
      funnel,
      cohort.map((row) => row.path),
    ).map((row) => [row.stageId, row]),
  );
  const enteredBy = new Map(entered.map((row) => [row.stageId, row.count]));
  const closedOf = (kind: DealStageKind) => {
    const rows = closed.filter((row) => row.kind === kind);
    return { count: rows.reduce((sum, row) => sum + row.count, 0), totals: sortTotals(rows.map(({ currency, count, amount }) => ({ currency, count, amount }))) };
  };
  return {
    period,
    pipelines,
    pipelineId,
    createdCount: cohort.length,
    stages: stageRows.map((stage) => {
      const durations = stays.filter((row) => row.stageId === stage.id).map((row) => row.seconds);
      const step = conversion.get(stage.id);
      return {
        id: stage.id,
        name: stage.name,
        kind: stage.kind,
        color: stage.color,
        entered: enteredBy.get(stage.id) ?? 0,
        stays: durations.length,
        averageSeconds: averageSeconds(durations),
        reached: step?.reached ?? null,
        advanced: step?.advanced ?? null,
        conversionBp: step?.rateBp ?? null,
      };
    }),
    won: closedOf("WON"),
    lost: { ...closedOf("LOST"), reasons: reasons.map((row) => ({ reason: row.reason ?? "", count: row.count })) },
    changeCount,
    changes: changes.map((change) => ({
      id: change.id.toString(),
      at: change.createdAt.toISOString(),
      dealId: change.dealId,
      dealTitle: change.deal.title,
      fromStage: change.fromStage?.name ?? null,
      toStage: change.toStage?.name ?? null,
      userName: change.user?.name ?? null,
      note: change.note,
    })),
  };
}
