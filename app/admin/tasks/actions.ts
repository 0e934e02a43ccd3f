"use server";
// Server Actions of the CRM tasks and interactions (the tasks page, and the panels on the order
// page, the customer card and the deal card). Each one: check the session's role for the section,
// hand the form to the domain operation (which validates it and re-checks the actor against the
// task or the target), refresh the admin pages. Refusals come back as localised form state.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { logInteraction } from "@/lib/crm/interactions/log-interaction";
import { cancelTask } from "@/lib/crm/tasks/cancel-task";
import { completeTask } from "@/lib/crm/tasks/complete-task";
import { createTask } from "@/lib/crm/tasks/create-task";
import { reassignTask } from "@/lib/crm/tasks/reassign-task";
import { reopenTask } from "@/lib/crm/tasks/reopen-task";
import { rescheduleTask } from "@/lib/crm/tasks/reschedule-task";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { actionError } from "@/lib/forms/action-error";
import { actionSuccess, type ActionState } from "@/lib/forms/action-state";

const text = (formData: FormData, name: string, max = 6_000) => {
  const value = formData.get(name);
  return typeof value === "string" ? value.slice(0, max) : undefined;
};

/** Tasks and interactions show on the dashboard, the tasks page and the cards they are linked to. */
const refresh = () => revalidatePath("/admin", "layout");

async function taskActor() {
  const staff = await assertStaff(sectionRoles("tasks"));
  return { id: staff.id, role: staff.role };
}

async function run(formData: FormData, namespace: "crmTasks" | "crmInteractions", work: () => Promise<string>): Promise<ActionState> {
  try {
    const done = await work();
    refresh();
    const t = await getTranslations(`${namespace}.done`);
    return actionSuccess(t(done as never));
  } catch (error) {
    return actionError(error, { namespace: `${namespace}.errors`, formData, log: `${namespace} action` });
  }
}

export async function createTaskAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, "crmTasks", async () => {
    const actor = await taskActor();
    await createTask(
      {
        kind: text(formData, "kind"),
        title: text(formData, "title", 201),
        description: text(formData, "description"),
        assigneeId: text(formData, "assigneeId", 100),
        dueAt: text(formData, "dueAt", 40),
        customerId: text(formData, "customerId", 100),
        orderId: text(formData, "orderId", 100),
        dealId: text(formData, "dealId", 100),
      },
      actor,
    );
    return "created";
  });
}

export async function completeTaskAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, "crmTasks", async () => {
    await completeTask(text(formData, "taskId", 100), { result: text(formData, "result") }, await taskActor());
    return "completed";
  });
}

export async function cancelTaskAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, "crmTasks", async () => {
    await cancelTask(text(formData, "taskId", 100), { result: text(formData, "result") }, await taskActor());
    return "cancelled";
  });
}

export async function reopenTaskAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, "crmTasks", async () => {
    await reopenTask(text(formData, "taskId", 100), await taskActor());
    return "reopened";
  });
}

export async function rescheduleTaskAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, "crmTasks", async () => {
    await rescheduleTask(text(formData, "taskId", 100), { dueAt: text(formData, "dueAt", 40) }, await taskActor());
    return "rescheduled";
  });
}

export async function reassignTaskAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, "crmTasks", async () => {
    await reassignTask(text(formData, "taskId", 100), { assigneeId: text(formData, "assigneeId", 100) }, await taskActor());
    return "reassigned";
  });
}

export async function logInteractionAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, "crmInteractions", async () => {
    // Customers' section roles (MANAGER, OPERATOR): logInteraction narrows an OPERATOR to orders.
    const staff = await assertStaff(sectionRoles("customers"));
    const logged = await logInteraction(
      {
        kind: text(formData, "kind"),
        customerId: text(formData, "customerId", 100),
        orderId: text(formData, "orderId", 100),
        dealId: text(formData, "dealId", 100),
        contactPersonId: text(formData, "contactPersonId", 100),
        occurredAt: text(formData, "occurredAt", 40),
        subject: text(formData, "subject", 301),
        content: text(formData, "content"),
        result: text(formData, "result"),
        nextStep: text(formData, "nextStep", 201),
        nextStepDueAt: text(formData, "nextStepDueAt", 40),
        nextStepAssigneeId: text(formData, "nextStepAssigneeId", 100),
      },
      { id: staff.id, role: staff.role },
    );
    return logged.taskId ? "loggedWithTask" : "logged";
  });
}
