// The merge page's data: the cards asked for (2–10, none merged away), what each holds, what the
// survivor would hold with the chosen main card and picks (planMerge), and how many orders,
// interactions, tasks and deals each brings. Reads only.
import type { TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { assertMerger, MERGE_CARD_SELECT, toMergeCard, ZMergeInput, type TMergeInput } from "./merge-customers";
import { assertMergeList, MergeError, planMerge, type MergeCard, type MergePlan } from "./plan-merge";

export interface MergePreviewCard extends MergeCard {
  ordersCount: number;
  createdAt: Date;
  counts: { interactions: number; tasks: number; deals: number; phones: number; emails: number; addresses: number; contactPersons: number };
}

export interface MergePreview {
  cards: MergePreviewCard[];
  plan: MergePlan;
}

export async function getMergePreview(input: TMergeInput, actor: TSectionActor): Promise<MergePreview> {
  assertMerger(actor);
  const parsed = ZMergeInput.safeParse(input);
  if (!parsed.success) throw new MergeError("notFound");
  const { customerIds, mainId, picks } = parsed.data;
  assertMergeList(customerIds);
  const rows = await db.customer.findMany({
    where: { id: { in: customerIds } },
    select: {
      ...MERGE_CARD_SELECT,
      ordersCount: true,
      createdAt: true,
      _count: { select: { interactions: true, tasks: true, deals: true, phones: true, emails: true, addresses: true, contactPersons: true } },
    },
  });
  if (rows.length !== customerIds.length) throw new MergeError("notFound");
  if (rows.some((row) => row.mergedIntoId)) throw new MergeError("alreadyMerged");
  const cards = customerIds.map((id) => {
    const { _count, ordersCount, createdAt, mergedIntoId: _merged, ...card } = rows.find((row) => row.id === id)!;
    return { ...toMergeCard({ ...card }), ordersCount, createdAt, counts: _count };
  });
  return { cards, plan: planMerge(cards, mainId, picks) };
}
