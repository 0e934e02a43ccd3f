// The kanban of a pipeline in one query: per stage (OPEN by position, then WON, then LOST) the
// first deals of the column in their order (the (stageId, sortOrder) index, LIMIT per column),
// the column's count and its budget sums per currency, all under the same filters as the table.
import { db, Prisma } from "@/lib/db";
import type { DealStageKind } from "@/lib/db/generated/enums";
import { assertDealsActor, type TSectionActor } from "./deal-access";
import { dealFilterSql, resolvePipelineId, sortTotals, ZDealFilters, type CurrencyTotal } from "./deal-filters";

/** Deals shown per column; the rest are behind "more" (the table filtered by the stage). */
export const BOARD_COLUMN_LIMIT = 50;

export interface BoardDeal {
  id: string;
  title: string;
  /** Minor units as a decimal string. */
  budget: string;
  currency: string;
  sortOrder: number;
  probability: number | null;
  /** ISO instant. */
  expectedCloseAt: string | null;
  tags: string[];
  customerName: string | null;
  contactName: string | null;
  responsibleName: string | null;
}

export interface BoardColumn {
  id: string;
  name: string;
  kind: DealStageKind;
  color: string | null;
  count: number;
  totals: CurrencyTotal[];
  deals: BoardDeal[];
}

export interface DealBoard {
  pipelineId: string | null;
  columns: BoardColumn[];
}

const iso = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export async function getDealBoard(input: unknown, actor: TSectionActor, limit = BOARD_COLUMN_LIMIT): Promise<DealBoard> {
  assertDealsActor(actor);
  const filters = ZDealFilters.parse(input);
  const pipelineId = await resolvePipelineId(db, filters.pipelineId);
  if (!pipelineId) return { pipelineId: null, columns: [] };
  const where = dealFilterSql(pipelineId, { ...filters, stageId: undefined, open: false });
  const rows = await db.$queryRaw<{ id: string; name: string; kind: DealStageKind; color: string | null; deals: BoardDeal[]; totals: CurrencyTotal[] }[]>`
    SELECT st.id, st.name, st.kind::text AS kind, st.color,
      COALESCE((
        SELECT json_agg(x ORDER BY x."sortOrder", x.id) FROM (
          SELECT d.id, d.title, d.budget::text AS budget, d.currency, d."sortOrder", d.probability, ${iso(Prisma.sql`d."expectedCloseAt"`)} AS "expectedCloseAt", d.tags,
                 c.name AS "customerName", cp.name AS "contactName", u.name AS "responsibleName"
          FROM "Deal" d
          JOIN "DealStage" s ON s.id = d."stageId"
          LEFT JOIN "Customer" c ON c.id = d."customerId"
          LEFT JOIN "ContactPerson" cp ON cp.id = d."contactPersonId"
          LEFT JOIN "User" u ON u.id = d."responsibleId"
          WHERE d."stageId" = st.id AND ${where}
          ORDER BY d."sortOrder", d.id
          LIMIT ${limit}
        ) x), '[]'::json) AS deals,
      COALESCE((
        SELECT json_agg(y) FROM (
          SELECT d.currency, count(*)::int AS count, sum(d.budget)::text AS amount
          FROM "Deal" d
          JOIN "DealStage" s ON s.id = d."stageId"
          LEFT JOIN "Customer" c ON c.id = d."customerId"
          WHERE d."stageId" = st.id AND ${where}
          GROUP BY d.currency
        ) y), '[]'::json) AS totals
    FROM "DealStage" st
    WHERE st."pipelineId" = ${pipelineId} AND st."archivedAt" IS NULL
    ORDER BY CASE st.kind WHEN 'OPEN' THEN 0 WHEN 'WON' THEN 1 ELSE 2 END, st.position, st.id`;
  return {
    pipelineId,
    columns: rows.map((row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      color: row.color,
      count: row.totals.reduce((sum, total) => sum + total.count, 0),
      totals: sortTotals(row.totals),
      deals: row.deals,
    })),
  };
}
