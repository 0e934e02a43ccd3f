// The tasks of one customer, order or deal with a "new task" form, for their pages. Renders nothing
// for a role without tasks (LOGISTICS on the order page), and an OPERATOR sees the tasks of
// orders and their own (the domain's scope).
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { createTaskAction } from "@/app/admin/tasks/actions";
import { getActor } from "@/lib/auth/guard";
import { canCrm } from "@/lib/crm/crm-access";
import { listAssignableEmployees, listLinkedTasks, type TaskLink } from "@/lib/crm/tasks/list-tasks";
import { suggestedDueAt } from "@/lib/crm/tasks/local-input-value";
import { clientMessages } from "@/lib/i18n/client-messages";
import { CreateTaskForm } from "./task-forms";
import { TaskList } from "./task-list";

export async function TasksPanel({ link }: { link: TaskLink }) {
  const actor = await getActor();
  if (!actor || actor.kind !== "staff" || !canCrm(actor.role, "manageTasks")) return null;
  // An OPERATOR creates tasks on orders only (assertCanWorkOn).
  const canCreate = actor.role !== "OPERATOR" || "orderId" in link;
  const [t, tasks, employees, messages] = await Promise.all([
    getTranslations("crmTasks"),
    listLinkedTasks(link, { id: actor.id, role: actor.role }),
    listAssignableEmployees(),
    clientMessages(["common", "crmTasks"]),
  ]);
  const open = tasks.filter((task) => task.status === "OPEN").length;
  return (
    <NextIntlClientProvider messages={messages}>
      <section className="card" aria-labelledby="crm-tasks-title" data-testid="tasks-panel">
        <div className="mb-2 flex items-baseline justify-between gap-3">
          <h2 id="crm-tasks-title" className="text-base font-semibold">
            {t("panelTitle")}
          </h2>
          <span className="text-sm text-slate-500">{t("openCount", { count: open })}</span>
        </div>
        <TaskList tasks={tasks} employees={employees} showLinks={false} empty={t("noTasks")} />
        {canCreate ? (
          <details className="mt-3 print:hidden">
            <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("newTask")}</summary>
            <div className="mt-3">
              <CreateTaskForm action={createTaskAction} employees={employees} currentUserId={actor.id} link={link} suggestedDueAt={suggestedDueAt()} />
            </div>
          </details>
        ) : null}
      </section>
    </NextIntlClientProvider>
  );
}
