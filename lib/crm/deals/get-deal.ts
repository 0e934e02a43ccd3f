// A deal's card: its fields, customer and contact person, the pipeline's stages (the path), the
// history of stage changes (who, when, from, to, note) and the linked orders (the deal's own
// order and the customer's latest). Dates go out as ISO strings, budgets as decimal strings.
import { z } from "zod";
import { db } from "@/lib/db";
import type { CustomerType, DealStageKind, OrderStatus } from "@/lib/db/generated/enums";
import { notFound } from "@/lib/errors";
import { assertDealsActor, type TSectionActor } from "./deal-access";
import { sortStages } from "./list-pipelines";

export interface DealCard {
  id: string;
  title: string;
  budget: string;
  currency: string;
  probability: number | null;
  expectedCloseAt: string | null;
  tags: string[];
  notes: string | null;
  lostReason: string | null;
  closedAt: string | null;
  createdAt: string;
  stageChangedAt: string;
  pipeline: { id: string; name: string };
  stage: { id: string; name: string; kind: DealStageKind; color: string | null };
  stages: { id: string; name: string; kind: DealStageKind; color: string | null }[];
  customer: { id: string; name: string | null; type: CustomerType; phone: string | null; email: string | null } | null;
  contactPerson: { id: string; name: string; position: string | null; phone: string | null; email: string | null } | null;
  responsible: { id: string; name: string } | null;
  /** The ids as the edit form needs them. */
  ids: { customerId: string | null; contactPersonId: string | null; responsibleId: string | null; orderId: string | null };
  history: { id: string; at: string; fromStage: string | null; toStage: string | null; toKind: DealStageKind | null; userName: string | null; note: string | null }[];
  orders: { id: string; number: number; status: OrderStatus; total: number; currency: string; createdAt: string; linked: boolean }[];
}

const ZDealId = z.string().trim().min(1).max(64);

export async function getDealOrThrow(dealId: unknown, actor: TSectionActor): Promise<DealCard> {
  assertDealsActor(actor);
  const id = ZDealId.safeParse(dealId);
  if (!id.success) throw notFound("Deal");
  const deal = await db.deal.findUnique({
    where: { id: id.data },
    select: {
      id: true,
      title: true,
      budget: true,
      currency: true,
      probability: true,
      expectedCloseAt: true,
      tags: true,
      notes: true,
      lostReason: true,
      closedAt: true,
      createdAt: true,
      stageChangedAt: true,
      customerId: true,
      contactPersonId: true,
      responsibleId: true,
      orderId: true,
      pipeline: { select: { id: true, name: true, stages: { select: { id: true, name: true, kind: true, color: true, position: true } } } },
      stage: { select: { id: true, name: true, kind: true, color: true } },
      customer: { select: { id: true, name: true, type: true, phone: true, email: true } },
      contactPerson: { select: { id: true, name: true, position: true, phone: true, email: true } },
      responsible: { select: { id: true, name: true } },
      order: { select: { id: true, number: true, status: true, total: true, currency: true, createdAt: true } },
      stageChanges: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 200,
        select: { id: true, createdAt: true, note: true, fromStage: { select: { name: true } }, toStage: { select: { name: true, kind: true } }, user: { select: { name: true } } },
      },
    },
  });
  if (!deal) throw notFound("Deal");
  const customerOrders = deal.customerId
    ? await db.order.findMany({
        where: { customerId: deal.customerId, ...(deal.orderId ? { id: { not: deal.orderId } } : {}) },
        orderBy: { createdAt: "desc" },
        take: 10,
        select: { id: true, number: true, status: true, total: true, currency: true, createdAt: true },
      })
    : [];
  const orders = [...(deal.order ? [{ ...deal.order, linked: true }] : []), ...customerOrders.map((order) => ({ ...order, linked: false }))];
  return {
    id: deal.id,
    title: deal.title,
    budget: deal.budget.toString(),
    currency: deal.currency,
    probability: deal.probability,
    expectedCloseAt: deal.expectedCloseAt?.toISOString() ?? null,
    tags: deal.tags,
    notes: deal.notes,
    lostReason: deal.lostReason,
    closedAt: deal.closedAt?.toISOString() ?? null,
    createdAt: deal.createdAt.toISOString(),
    stageChangedAt: deal.stageChangedAt.toISOString(),
    pipeline: { id: deal.pipeline.id, name: deal.pipeline.name },
    stage: deal.stage,
    stages: sortStages(deal.pipeline.stages).map(({ id, name, kind, color }) => ({ id, name, kind, color })),
    customer: deal.customer,
    contactPerson: deal.contactPerson,
    responsible: deal.responsible,
    ids: { customerId: deal.customerId, contactPersonId: deal.contactPersonId, responsibleId: deal.responsibleId, orderId: deal.orderId },
    history: deal.stageChanges.map((change) => ({
      id: change.id.toString(),
      at: change.createdAt.toISOString(),
      fromStage: change.fromStage?.name ?? null,
      toStage: change.toStage?.name ?? null,
      toKind: change.toStage?.kind ?? null,
      userName: change.user?.name ?? null,
      note: change.note,
    })),
    orders: orders.map((order) => ({ ...order, createdAt: order.createdAt.toISOString() })),
  };
}
