// Pipelines: create (with its first OPEN stages and the fixed WON and LOST stages), rename,
// reorder, delete (only one without deals; its stages go with it). Configuring pipelines is the
// configureCrm ability.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, notFound, zodFieldErrors } from "@/lib/errors";
import { assertDealsActor, type TSectionActor } from "./deal-access";
import { ZStageColor } from "./manage-stages";

const ZId = z.string().trim().min(1).max(64);
const ZName = z.string().trim().min(1, "crmDeals.errors.nameRequired").max(100, "crmDeals.errors.nameTooLong");

export const ZCreatePipelineInput = z.object({
  name: ZName,
  /** The first OPEN stages, in order (at least one). */
  stages: z
    .array(z.object({ name: ZName, color: ZStageColor.optional() }))
    .min(1, "crmDeals.errors.stagesRequired")
    .max(30),
  wonName: ZName,
  lostName: ZName,
});

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "crmDeals.errors.invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  return parsed.data;
}

export async function createPipeline(input: unknown, actor: TSectionActor): Promise<{ id: string }> {
  assertDealsActor(actor, "configureCrm");
  const data = parse(ZCreatePipelineInput, input);
  return db.$transaction(async (tx) => {
    const last = await tx.pipeline.aggregate({ _max: { position: true } });
    const pipeline = await tx.pipeline.create({ data: { name: data.name, position: (last._max.position ?? -1) + 1 }, select: { id: true } });
    await tx.dealStage.createMany({
      data: [
        ...data.stages.map((stage, position) => ({ pipelineId: pipeline.id, name: stage.name, color: stage.color ?? null, position, kind: "OPEN" as const })),
        { pipelineId: pipeline.id, name: data.wonName, position: 0, kind: "WON" as const, color: "#16a34a" },
        { pipelineId: pipeline.id, name: data.lostName, position: 0, kind: "LOST" as const, color: "#dc2626" },
      ],
    });
    return pipeline;
  });
}

export async function renamePipeline(input: unknown, actor: TSectionActor): Promise<void> {
  assertDealsActor(actor, "configureCrm");
  const data = parse(z.object({ pipelineId: ZId, name: ZName }), input);
  const updated = await db.pipeline.updateMany({ where: { id: data.pipelineId }, data: { name: data.name } });
  if (!updated.count) throw notFound("Pipeline");
}

/** `pipelineIds` is every pipeline, in the new order. */
export async function reorderPipelines(input: unknown, actor: TSectionActor): Promise<void> {
  assertDealsActor(actor, "configureCrm");
  const data = parse(z.object({ pipelineIds: z.array(ZId).min(1).max(100) }), input);
  await db.$transaction(async (tx) => {
    const existing = await tx.pipeline.findMany({ select: { id: true } });
    const known = new Set(existing.map((row) => row.id));
    if (new Set(data.pipelineIds).size !== data.pipelineIds.length || data.pipelineIds.length !== known.size || data.pipelineIds.some((id) => !known.has(id))) {
      throw new AppError("CONFLICT", "crmDeals.errors.staleOrder");
    }
    await tx.$executeRaw`
      UPDATE "Pipeline" AS p SET position = v.position - 1, "updatedAt" = now()
      FROM unnest(${data.pipelineIds}::text[]) WITH ORDINALITY AS v(id, position) WHERE p.id = v.id`;
  });
}

/** Only a pipeline without deals can go (its stages with it); the last pipeline stays. */
export async function deletePipeline(input: unknown, actor: TSectionActor): Promise<void> {
  assertDealsActor(actor, "configureCrm");
  const data = parse(z.object({ pipelineId: ZId }), input);
  await db.$transaction(async (tx) => {
    const [pipeline] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Pipeline" WHERE id = ${data.pipelineId} FOR UPDATE`;
    if (!pipeline) throw notFound("Pipeline");
    if (await tx.deal.count({ where: { pipelineId: pipeline.id } })) throw new AppError("CONFLICT", "crmDeals.errors.pipelineHasDeals");
    if ((await tx.pipeline.count()) <= 1) throw new AppError("CONFLICT", "crmDeals.errors.lastPipeline");
    await tx.pipeline.delete({ where: { id: pipeline.id }, select: { id: true } });
  });
}
