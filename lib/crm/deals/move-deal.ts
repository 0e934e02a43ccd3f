// Moves a deal on the kanban: to a stage of its own pipeline and between two neighbours of the
// target column. One transaction: the deal's row is locked, the stage rules applied
// (stage-move-rules), the position taken between the neighbours (the column is rebalanced first
// when the gap is used up), and a stage change is recorded (DealStageChange: who, when, from, to,
// the loss reason as its note) with stageChangedAt. A refused move writes nothing.
import { z } from "zod";
import { db, type DbTransaction } from "@/lib/db";
import { AppError, notFound, zodFieldErrors } from "@/lib/errors";
import { assertDealsActor, type TSectionActor } from "./deal-access";
import { positionBetween, POSITION_STEP, rebalancedPositions } from "./fractional-position";
import { planStageMove } from "./stage-move-rules";

const ZId = z.string().trim().min(1).max(64);

export const ZMoveDealInput = z.object({
  dealId: ZId,
  stageId: ZId,
  /** The deal that will be right above it in the column (none: at the top). */
  afterDealId: ZId.nullish(),
  /** The deal that will be right below it (none: at the bottom). */
  beforeDealId: ZId.nullish(),
  lostReason: z.string().max(2000).nullish(),
});
export type TMoveDealInput = z.input<typeof ZMoveDealInput>;

export interface MoveDealResult {
  id: string;
  stageId: string;
  sortOrder: number;
  stageChanged: boolean;
  closedAt: Date | null;
}

export async function moveDeal(input: unknown, actor: TSectionActor): Promise<MoveDealResult> {
  const checked = assertDealsActor(actor);
  const parsed = ZMoveDealInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "crmDeals.errors.invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  const data = parsed.data;
  return db.$transaction(async (tx) => {
    const [deal] = await tx.$queryRaw<{ id: string; pipelineId: string; stageId: string; closedAt: Date | null; lostReason: string | null }[]>`
      SELECT id, "pipelineId", "stageId", "closedAt", "lostReason" FROM "Deal" WHERE id = ${data.dealId} FOR UPDATE`;
    if (!deal) throw notFound("Deal");
    const target = await tx.dealStage.findFirst({ where: { id: data.stageId, archivedAt: null }, select: { id: true, pipelineId: true, kind: true } });
    if (!target) throw new AppError("VALIDATION", "crmDeals.errors.stageNotFound", { fieldErrors: { stageId: ["crmDeals.errors.stageNotFound"] } });
    const now = new Date();
    const plan = planStageMove(deal, target, data.lostReason, now);
    const sortOrder = await positionInColumn(tx, target.id, deal.id, data.afterDealId ?? null, data.beforeDealId ?? null);
    await tx.deal.update({
      where: { id: deal.id },
      data: { stageId: target.id, sortOrder, closedAt: plan.closedAt, lostReason: plan.lostReason, ...(plan.stageChanged ? { stageChangedAt: now } : {}) },
      select: { id: true },
    });
    if (plan.stageChanged) await recordStageChange(tx, { dealId: deal.id, fromStageId: deal.stageId, toStageId: target.id, userId: checked.id, note: plan.lostReason, at: now });
    return { id: deal.id, stageId: target.id, sortOrder, stageChanged: plan.stageChanged, closedAt: plan.closedAt };
  });
}

export async function recordStageChange(tx: DbTransaction, change: { dealId: string; fromStageId: string | null; toStageId: string; userId: string; note?: string | null; at: Date }) {
  await tx.dealStageChange.create({
    data: { dealId: change.dealId, fromStageId: change.fromStageId, toStageId: change.toStageId, userId: change.userId, note: change.note ?? null, createdAt: change.at },
    select: { id: true },
  });
}

/** The sortOrder of the last place in a stage's column. */
export async function endOfColumn(tx: DbTransaction, stageId: string): Promise<number> {
  const last = await tx.deal.findFirst({ where: { stageId }, orderBy: [{ sortOrder: "desc" }, { id: "desc" }], select: { sortOrder: true } });
  return last ? last.sortOrder + POSITION_STEP : POSITION_STEP;
}

/**
 * The sortOrder between the given neighbours of `stageId`'s column. A neighbour that is no longer
 * in that column (someone else moved it meanwhile) is ignored: the deal goes to the end of the
 * side it was dropped on. When the gap is used up, the column is rebalanced and the gap taken again.
 */
async function positionInColumn(tx: DbTransaction, stageId: string, dealId: string, afterDealId: string | null, beforeDealId: string | null): Promise<number> {
  const neighbourIds = [afterDealId, beforeDealId].filter((id): id is string => !!id && id !== dealId);
  const neighbours = neighbourIds.length ? await tx.deal.findMany({ where: { id: { in: neighbourIds }, stageId }, select: { id: true, sortOrder: true } }) : [];
  const after = neighbours.find((row) => row.id === afterDealId) ?? null;
  const before = neighbours.find((row) => row.id === beforeDealId) ?? null;
  if (!after && !before) return afterDealId || !beforeDealId ? endOfColumn(tx, stageId) : topOfColumn(tx, stageId);
  const position = positionBetween(after?.sortOrder ?? null, before?.sortOrder ?? null);
  if (position !== null) return position;
  await rebalanceColumn(tx, stageId);
  const fresh = await tx.deal.findMany({ where: { id: { in: neighbours.map((row) => row.id) } }, select: { id: true, sortOrder: true } });
  const again = positionBetween(fresh.find((row) => row.id === afterDealId)?.sortOrder ?? null, fresh.find((row) => row.id === beforeDealId)?.sortOrder ?? null);
  if (again === null) throw new AppError("CONFLICT", "crmDeals.errors.staleOrder");
  return again;
}

async function topOfColumn(tx: DbTransaction, stageId: string): Promise<number> {
  const first = await tx.deal.findFirst({ where: { stageId }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { sortOrder: true } });
  return first ? first.sortOrder - POSITION_STEP : POSITION_STEP;
}

/** Evenly spaced positions for the whole column in its current order, in one statement. */
export async function rebalanceColumn(tx: DbTransaction, stageId: string): Promise<void> {
  const rows = await tx.deal.findMany({ where: { stageId }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true } });
  if (!rows.length) return;
  const positions = rebalancedPositions(rows.length);
  await tx.$executeRaw`
    UPDATE "Deal" AS d SET "sortOrder" = v.position
    FROM unnest(${rows.map((row) => row.id)}::text[], ${positions}::float8[]) AS v(id, position)
    WHERE d.id = v.id`;
}
