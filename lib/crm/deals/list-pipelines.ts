// The pipelines with their stages in board order (OPEN by position, then WON, then LOST), for the
// pipeline switcher, the deal form and the pipelines settings page.
import { db } from "@/lib/db";
import type { DealStageKind } from "@/lib/db/generated/enums";
import { assertDealsActor, type TSectionActor } from "./deal-access";

export interface PipelineStage {
  id: string;
  name: string;
  kind: DealStageKind;
  color: string | null;
  dealCount: number;
}

export interface PipelineWithStages {
  id: string;
  name: string;
  dealCount: number;
  stages: PipelineStage[];
}

const KIND_ORDER: Record<DealStageKind, number> = { OPEN: 0, WON: 1, LOST: 2 };

/** Stages in board order: OPEN by position, then WON, then LOST. */
export function sortStages<T extends { kind: DealStageKind; position: number }>(stages: readonly T[]): T[] {
  return [...stages].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.position - b.position);
}

export async function listPipelines(actor: TSectionActor): Promise<PipelineWithStages[]> {
  assertDealsActor(actor);
  const pipelines = await db.pipeline.findMany({
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      name: true,
      _count: { select: { deals: true } },
      stages: { where: { archivedAt: null }, select: { id: true, name: true, kind: true, color: true, position: true, _count: { select: { deals: true } } } },
    },
  });
  return pipelines.map((pipeline) => ({
    id: pipeline.id,
    name: pipeline.name,
    dealCount: pipeline._count.deals,
    stages: sortStages(pipeline.stages).map((stage) => ({ id: stage.id, name: stage.name, kind: stage.kind, color: stage.color, dealCount: stage._count.deals })),
  }));
}
