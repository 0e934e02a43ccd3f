// The table view of a pipeline's deals: the filters of the kanban plus pages, "Shown N of M",
// and the budget totals of every filtered deal (not only the page) per currency. Newest first.
import { z } from "zod";
import { db, Prisma } from "@/lib/db";
import type { DealStageKind } from "@/lib/db/generated/enums";
import { assertDealsActor, type TSectionActor } from "./deal-access";
import { dealFilterSql, resolvePipelineId, sortTotals, ZDealFilters, type CurrencyTotal } from "./deal-filters";

export const DEALS_PAGE_SIZE = 50;

export const ZListDealsQuery = ZDealFilters.extend({
  page: z.preprocess((value) => (typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : 1), z.number().int().min(1)).default(1),
});

export interface DealRow {
  id: string;
  title: string;
  budget: string;
  currency: string;
  stageId: string;
  stageName: string;
  stageKind: DealStageKind;
  stageColor: string | null;
  customerId: string | null;
  customerName: string | null;
  customerType: "PERSON" | "COMPANY" | null;
  contactName: string | null;
  responsibleName: string | null;
  probability: number | null;
  expectedCloseAt: string | null;
  tags: string[];
}

export interface DealList {
  pipelineId: string | null;
  rows: DealRow[];
  page: number;
  pageSize: number;
  /** Rows shown up to and including this page. */
  shown: number;
  /** Every deal matching the filters. */
  total: number;
  totals: CurrencyTotal[];
}

export async function listDeals(input: unknown, actor: TSectionActor, pageSize = DEALS_PAGE_SIZE): Promise<DealList> {
  assertDealsActor(actor);
  const query = ZListDealsQuery.parse(input);
  const pipelineId = await resolvePipelineId(db, query.pipelineId);
  if (!pipelineId) return { pipelineId: null, rows: [], page: 1, pageSize, shown: 0, total: 0, totals: [] };
  const where = dealFilterSql(pipelineId, query);
  const from = Prisma.sql`FROM "Deal" d JOIN "DealStage" s ON s.id = d."stageId" LEFT JOIN "Customer" c ON c.id = d."customerId"`;
  const totals = await db.$queryRaw<CurrencyTotal[]>`
    SELECT d.currency, count(*)::int AS count, sum(d.budget)::text AS amount ${from} WHERE ${where} GROUP BY d.currency`;
  const total = totals.reduce((sum, row) => sum + row.count, 0);
  const rows = await db.$queryRaw<DealRow[]>`
    SELECT d.id, d.title, d.budget::text AS budget, d.currency, s.id AS "stageId", s.name AS "stageName", s.kind::text AS "stageKind", s.color AS "stageColor",
           c.id AS "customerId", c.name AS "customerName", c.type::text AS "customerType", cp.name AS "contactName", u.name AS "responsibleName",
           d.probability, to_char(d."expectedCloseAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "expectedCloseAt", d.tags
    ${from}
    LEFT JOIN "ContactPerson" cp ON cp.id = d."contactPersonId"
    LEFT JOIN "User" u ON u.id = d."responsibleId"
    WHERE ${where}
    ORDER BY d."createdAt" DESC, d.id DESC
    LIMIT ${pageSize} OFFSET ${(query.page - 1) * pageSize}`;
  return { pipelineId, rows, page: query.page, pageSize, shown: Math.min(total, (query.page - 1) * pageSize + rows.length), total, totals: sortTotals(totals) };
}
