// A task by hand: kind, title, responsible employee (the actor by default), a due time (required:
// a task without one would never become due) and what it is about (a customer, an order, a deal,
// or nothing). OPERATOR creates tasks only on orders.
import { assertCanWorkOn } from "@/lib/crm/crm-access";
import { resolveCrmTarget } from "@/lib/crm/interactions/resolve-crm-target";
import { db, type DbTransaction } from "@/lib/db";
import { assertAssignable, parseActor, parseInput, ZCreateTaskInput, type TCrmActor } from "./task-rules";

export async function createTask(input: unknown, actor: TCrmActor): Promise<{ id: string }> {
  const staff = parseActor(actor);
  const data = parseInput(ZCreateTaskInput, input);
  assertCanWorkOn(staff, "manageTasks", { orderId: data.orderId, dealId: data.dealId });
  return db.$transaction((tx) => insertTask(tx, data, staff.id));
}

/** Inserts a checked task in `tx` (also the next step of an interaction). */
export async function insertTask(
  tx: DbTransaction,
  data: {
    kind: "CALL" | "MEETING" | "OTHER";
    title: string;
    description?: string;
    assigneeId?: string;
    dueAt: Date;
    customerId?: string | null;
    orderId?: string | null;
    dealId?: string | null;
    interactionId?: string;
  },
  actorId: string,
  namespace = "crmTasks",
): Promise<{ id: string }> {
  const assigneeId = data.assigneeId ?? actorId;
  await assertAssignable(tx, assigneeId, "assigneeId", namespace);
  const target = data.interactionId
    ? { customerId: data.customerId ?? null, orderId: data.orderId ?? null, dealId: data.dealId ?? null }
    : await resolveCrmTarget(tx, { customerId: data.customerId, orderId: data.orderId, dealId: data.dealId }, { requireCustomer: false, namespace });
  return tx.task.create({
    data: {
      kind: data.kind,
      title: data.title,
      description: data.description ?? null,
      status: "OPEN",
      dueAt: data.dueAt,
      assigneeId,
      createdById: actorId,
      customerId: target.customerId,
      orderId: target.orderId,
      dealId: target.dealId,
      interactionId: data.interactionId ?? null,
    },
    select: { id: true },
  });
}
