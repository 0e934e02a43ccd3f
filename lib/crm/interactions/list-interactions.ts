// The interactions of one customer, order or deal, newest first, with who had them and the tasks
// their next steps became. Reading a customer's needs viewCustomers, an order's logInteractions
// (an OPERATOR works on orders), a deal's manageDeals.
import { z } from "zod";
import { assertCrm, type CrmAbility } from "@/lib/crm/crm-access";
import { parseActor, type TCrmActor } from "@/lib/crm/tasks/task-rules";
import { db, type Prisma } from "@/lib/db";

export const interactionRowSelect = {
  id: true,
  kind: true,
  occurredAt: true,
  subject: true,
  content: true,
  result: true,
  nextStep: true,
  nextStepDueAt: true,
  user: { select: { id: true, name: true } },
  contactPerson: { select: { id: true, name: true } },
  order: { select: { id: true, number: true } },
  deal: { select: { id: true, title: true } },
  tasks: { select: { id: true, title: true, status: true, dueAt: true, result: true, assignee: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
} as const satisfies Prisma.InteractionSelect;

export type InteractionRow = Prisma.InteractionGetPayload<{ select: typeof interactionRowSelect }>;

export type InteractionLink = { customerId: string } | { orderId: string } | { dealId: string };

const abilityFor = (link: InteractionLink): CrmAbility => ("customerId" in link ? "viewCustomers" : "orderId" in link ? "logInteractions" : "manageDeals");

export async function listInteractions(link: InteractionLink, actor: TCrmActor, take = 100): Promise<InteractionRow[]> {
  const staff = parseActor(actor);
  assertCrm(staff, abilityFor(link));
  const id = z.string().trim().min(1).max(64).safeParse(Object.values(link)[0]);
  if (!id.success) return [];
  return db.interaction.findMany({ where: link, orderBy: [{ occurredAt: "desc" }, { id: "desc" }], take, select: interactionRowSelect });
}

/** A customer's contact persons, for the form's "with whom" field. */
export async function listContactPersonsOf(customerId: string): Promise<{ id: string; name: string; position: string | null }[]> {
  return db.contactPerson.findMany({ where: { customerId }, orderBy: { name: "asc" }, select: { id: true, name: true, position: true } });
}
