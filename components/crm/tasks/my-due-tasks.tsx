// The home dashboard's "my tasks": the signed-in employee's open tasks that are overdue or due
// today, with a link to /admin/tasks. Nothing for a role without tasks.
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/guard";
import { canCrm } from "@/lib/crm/crm-access";
import { listAssignableEmployees, listMyDueTasks } from "@/lib/crm/tasks/list-tasks";
import { clientMessages } from "@/lib/i18n/client-messages";
import { TaskList } from "./task-list";

export async function MyDueTasks() {
  const actor = await getActor();
  if (!actor || actor.kind !== "staff" || !canCrm(actor.role, "manageTasks")) return null;
  const now = new Date();
  const [t, due, employees, messages] = await Promise.all([
    getTranslations("crmTasks"),
    listMyDueTasks({ id: actor.id, role: actor.role }, now),
    listAssignableEmployees(),
    clientMessages(["common", "crmTasks"]),
  ]);
  return (
    <NextIntlClientProvider messages={messages}>
      <section className="card mt-6" aria-labelledby="my-due-tasks-title" data-testid="my-due-tasks">
        <div className="mb-2 flex items-baseline justify-between gap-3">
          <h2 id="my-due-tasks-title" className="text-base font-semibold">
            {t("dashboardTitle")}
          </h2>
          <Link href="/admin/tasks" className="text-sm font-medium text-brand-700 hover:underline">
            {t("allMyTasks")} →
          </Link>
        </div>
        {due.total === 0 ? <p className="text-sm text-slate-500">{t("nothingDue")}</p> : null}
        {due.overdue.length ? (
          <>
            <h3 className="mt-2 text-sm font-medium text-red-700">{t("groups.overdue")}</h3>
            <TaskList tasks={due.overdue} employees={employees} now={now} testId="due-overdue" />
          </>
        ) : null}
        {due.today.length ? (
          <>
            <h3 className="mt-2 text-sm font-medium text-slate-700">{t("groups.today")}</h3>
            <TaskList tasks={due.today} employees={employees} now={now} testId="due-today" />
          </>
        ) : null}
        {due.total > due.overdue.length + due.today.length ? (
          <p className="mt-2 text-sm text-slate-500">{t("andMore", { count: due.total - due.overdue.length - due.today.length })}</p>
        ) : null}
      </section>
    </NextIntlClientProvider>
  );
}
