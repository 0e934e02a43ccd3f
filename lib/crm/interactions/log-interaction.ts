// Logs a contact with a customer — on the customer's card, an order (its customer implied) or a
// deal (its customer implied; a contact person optional) — by the employee who had it. A next step
// with a due time becomes a task in the same transaction (a call's next step is a call), assigned
// to the actor unless another employee is chosen: either both are written or neither.
import { assertCanWorkOn } from "@/lib/crm/crm-access";
import { insertTask } from "@/lib/crm/tasks/create-task";
import { parseActor, parseInput, type TCrmActor } from "@/lib/crm/tasks/task-rules";
import { db } from "@/lib/db";
import { interactionInputSchema } from "./interaction-rules";
import { resolveCrmTarget } from "./resolve-crm-target";

export async function logInteraction(input: unknown, actor: TCrmActor, now = new Date()): Promise<{ id: string; taskId: string | null }> {
  const staff = parseActor(actor);
  const data = parseInput(interactionInputSchema(now), input);
  assertCanWorkOn(staff, "logInteractions", { orderId: data.orderId, dealId: data.dealId });
  return db.$transaction(async (tx) => {
    const target = await resolveCrmTarget(tx, data, { requireCustomer: true, namespace: "crmInteractions" });
    const interaction = await tx.interaction.create({
      data: {
        kind: data.kind,
        customerId: target.customerId!,
        orderId: target.orderId,
        dealId: target.dealId,
        contactPersonId: target.contactPersonId,
        userId: staff.id,
        occurredAt: data.occurredAt ?? now,
        subject: data.subject ?? null,
        content: data.content ?? null,
        result: data.result ?? null,
        nextStep: data.nextStep ?? null,
        nextStepDueAt: data.nextStepDueAt ?? null,
      },
      select: { id: true },
    });
    let taskId: string | null = null;
    if (data.nextStep && data.nextStepDueAt) {
      const task = await insertTask(
        tx,
        {
          kind: data.kind === "CALL" ? "CALL" : "OTHER",
          title: data.nextStep,
          assigneeId: data.nextStepAssigneeId,
          dueAt: data.nextStepDueAt,
          customerId: target.customerId,
          orderId: target.orderId,
          dealId: target.dealId,
          interactionId: interaction.id,
        },
        staff.id,
        "crmInteractions",
      );
      taskId = task.id;
    }
    return { id: interaction.id, taskId };
  });
}
