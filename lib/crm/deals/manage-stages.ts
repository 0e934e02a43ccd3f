// The OPEN stages of a pipeline: add, rename and colour, reorder, delete (only an empty one, and
// never the last OPEN stage). WON and LOST are created with the pipeline and stay: they can be
// renamed and coloured but not moved or deleted.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, notFound, zodFieldErrors } from "@/lib/errors";
import { assertDealsActor, type TSectionActor } from "./deal-access";

const ZId = z.string().trim().min(1).max(64);
const ZName = z.string().trim().min(1, "crmDeals.errors.nameRequired").max(100, "crmDeals.errors.nameTooLong");
/** A colour as the colour picker gives it. */
export const ZStageColor = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, "crmDeals.errors.colorInvalid");

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "crmDeals.errors.invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  return parsed.data;
}

export async function addStage(input: unknown, actor: TSectionActor): Promise<{ id: string }> {
  assertDealsActor(actor, "configureCrm");
  const data = parse(z.object({ pipelineId: ZId, name: ZName, color: ZStageColor.optional() }), input);
  return db.$transaction(async (tx) => {
    const [pipeline] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Pipeline" WHERE id = ${data.pipelineId} FOR UPDATE`;
    if (!pipeline) throw notFound("Pipeline");
    const last = await tx.dealStage.aggregate({ where: { pipelineId: pipeline.id, kind: "OPEN", archivedAt: null }, _max: { position: true } });
    return tx.dealStage.create({
      data: { pipelineId: pipeline.id, name: data.name, color: data.color ?? null, kind: "OPEN", position: (last._max.position ?? -1) + 1 },
      select: { id: true },
    });
  });
}

export async function updateStage(input: unknown, actor: TSectionActor): Promise<void> {
  assertDealsActor(actor, "configureCrm");
  const data = parse(z.object({ stageId: ZId, name: ZName, color: z.union([ZStageColor, z.literal("")]).optional() }), input);
  const updated = await db.dealStage.updateMany({
    where: { id: data.stageId, archivedAt: null },
    data: { name: data.name, ...(data.color !== undefined ? { color: data.color || null } : {}) },
  });
  if (!updated.count) throw notFound("Stage");
}

/** `stageIds` is every OPEN stage of the pipeline, in the new order. */
export async function reorderStages(input: unknown, actor: TSectionActor): Promise<void> {
  assertDealsActor(actor, "configureCrm");
  const data = parse(z.object({ pipelineId: ZId, stageIds: z.array(ZId).min(1).max(100) }), input);
  await db.$transaction(async (tx) => {
    const [pipeline] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Pipeline" WHERE id = ${data.pipelineId} FOR UPDATE`;
    if (!pipeline) throw notFound("Pipeline");
    const open = await tx.dealStage.findMany({ where: { pipelineId: pipeline.id, kind: "OPEN", archivedAt: null }, select: { id: true } });
    const known = new Set(open.map((row) => row.id));
    if (new Set(data.stageIds).size !== data.stageIds.length || data.stageIds.length !== known.size || data.stageIds.some((id) => !known.has(id))) {
      throw new AppError("CONFLICT", "crmDeals.errors.staleOrder");
    }
    await tx.$executeRaw`
      UPDATE "DealStage" AS s SET position = v.position - 1, "updatedAt" = now()
      FROM unnest(${data.stageIds}::text[]) WITH ORDINALITY AS v(id, position) WHERE s.id = v.id`;
  });
}

export async function deleteStage(input: unknown, actor: TSectionActor): Promise<void> {
  assertDealsActor(actor, "configureCrm");
  const data = parse(z.object({ stageId: ZId }), input);
  await db.$transaction(async (tx) => {
    const stage = await tx.dealStage.findUnique({ where: { id: data.stageId }, select: { id: true, kind: true, pipelineId: true, archivedAt: true } });
    if (!stage || stage.archivedAt) throw notFound("Stage");
    // The pipeline's row lock keeps two deletes from leaving it without an OPEN stage.
    await tx.$queryRaw`SELECT id FROM "Pipeline" WHERE id = ${stage.pipelineId} FOR UPDATE`;
    if (stage.kind !== "OPEN") throw new AppError("CONFLICT", "crmDeals.errors.fixedStage");
    if (await tx.deal.count({ where: { stageId: stage.id } })) throw new AppError("CONFLICT", "crmDeals.errors.stageHasDeals");
    if ((await tx.dealStage.count({ where: { pipelineId: stage.pipelineId, kind: "OPEN", archivedAt: null } })) <= 1) throw new AppError("CONFLICT", "crmDeals.errors.lastOpenStage");
    // Deals that passed through the stage keep their path (and the deal report its conversion):
    // such a stage is archived; one nobody used is removed.
    const passedThrough = await tx.dealStageChange.count({ where: { OR: [{ fromStageId: stage.id }, { toStageId: stage.id }] } });
    if (passedThrough) await tx.dealStage.update({ where: { id: stage.id }, data: { archivedAt: new Date() }, select: { id: true } });
    else await tx.dealStage.delete({ where: { id: stage.id }, select: { id: true } });
  });
}
