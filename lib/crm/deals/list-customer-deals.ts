// A customer's deals for the customer card: every pipeline, open first, then the latest closed.
import { z } from "zod";
import { db } from "@/lib/db";
import type { DealStageKind } from "@/lib/db/generated/enums";
import { assertDealsActor, type TSectionActor } from "./deal-access";

export interface CustomerDealRow {
  id: string;
  title: string;
  budget: string;
  currency: string;
  pipelineName: string;
  stageName: string;
  stageKind: DealStageKind;
  stageColor: string | null;
  closedAt: string | null;
}

export async function listCustomerDeals(customerId: unknown, actor: TSectionActor, take = 50): Promise<CustomerDealRow[]> {
  assertDealsActor(actor);
  const id = z.string().trim().min(1).max(64).safeParse(customerId);
  if (!id.success) return [];
  const deals = await db.deal.findMany({
    where: { customerId: id.data },
    orderBy: [{ closedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take,
    select: { id: true, title: true, budget: true, currency: true, closedAt: true, pipeline: { select: { name: true } }, stage: { select: { name: true, kind: true, color: true } } },
  });
  return deals.map((deal) => ({
    id: deal.id,
    title: deal.title,
    budget: deal.budget.toString(),
    currency: deal.currency,
    pipelineName: deal.pipeline.name,
    stageName: deal.stage.name,
    stageKind: deal.stage.kind,
    stageColor: deal.stage.color,
    closedAt: deal.closedAt?.toISOString() ?? null,
  }));
}
