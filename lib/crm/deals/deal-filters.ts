// The filters shared by the kanban and the table (URL search params): open deals only, stage,
// responsible employee, tag, customer, and a search over the title and the customer's name. One
// SQL condition serves both views, so their counts and sums always agree.
import { z } from "zod";
import { escapeLike } from "@/lib/crm/customers/customer-query";
import { Prisma, type DbTransaction } from "@/lib/db";

const optionalText = (max: number) => z.preprocess((value) => (typeof value === "string" ? value.trim() || undefined : value), z.string().max(max).optional());

export const ZDealFilters = z.object({
  pipelineId: optionalText(64),
  open: z.preprocess((value) => value === "1" || value === "true" || value === true, z.boolean()).default(false),
  stageId: optionalText(64),
  responsibleId: optionalText(64),
  tag: optionalText(40),
  customerId: optionalText(64),
  q: optionalText(100),
});
export type TDealFilters = z.output<typeof ZDealFilters>;

/**
 * The WHERE condition over `"Deal" d` (with `"Customer" c` joined on d."customerId" and
 * `"DealStage" s` on d."stageId") for a pipeline and the filters.
 */
export function dealFilterSql(pipelineId: string, filters: TDealFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`d."pipelineId" = ${pipelineId}`];
  if (filters.open) conditions.push(Prisma.sql`s.kind = 'OPEN'`);
  if (filters.stageId) conditions.push(Prisma.sql`d."stageId" = ${filters.stageId}`);
  if (filters.responsibleId) conditions.push(Prisma.sql`d."responsibleId" = ${filters.responsibleId}`);
  if (filters.tag) conditions.push(Prisma.sql`${filters.tag} = ANY(d.tags)`);
  if (filters.customerId) conditions.push(Prisma.sql`d."customerId" = ${filters.customerId}`);
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`;
    conditions.push(Prisma.sql`(d.title ILIKE ${pattern} OR c.name ILIKE ${pattern} OR c."legalName" ILIKE ${pattern})`);
  }
  return Prisma.join(conditions, " AND ");
}

/** Sums per currency as the database gives them (numeric as text) → bigint minor units. */
export interface CurrencyTotal {
  currency: string;
  count: number;
  /** Minor units, as a decimal string (bigint does not cross to client components). */
  amount: string;
}

export function sortTotals(totals: readonly CurrencyTotal[]): CurrencyTotal[] {
  return [...totals].sort((a, b) => (a.currency === "RUB" ? -1 : b.currency === "RUB" ? 1 : a.currency.localeCompare(b.currency)));
}

/** The pipeline the views show: the asked one if it exists, else the first by position. */
export async function resolvePipelineId(tx: Pick<DbTransaction, "pipeline">, asked: string | undefined): Promise<string | null> {
  if (asked) {
    const found = await tx.pipeline.findUnique({ where: { id: asked }, select: { id: true } });
    if (found) return found.id;
  }
  const first = await tx.pipeline.findFirst({ orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true } });
  return first?.id ?? null;
}
