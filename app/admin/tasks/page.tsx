// /admin/tasks: "my tasks" by due group (overdue, today, upcoming in Moscow days) and, for
// managers, every task with filters (responsible, status, due days, customer) in keyset pages; an
// OPERATOR's "all" view is the tasks of orders and their own. ?task=<id> (the reminder mail's link)
// opens one task on top.
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { CreateTaskForm } from "@/components/crm/tasks/task-forms";
import { TaskList } from "@/components/crm/tasks/task-list";
import { DUE_GROUPS } from "@/lib/crm/tasks/group-tasks";
import { getTaskOrThrow, listAssignableEmployees, listMyTasks, listTasks, ZTaskFilter, type TaskRow } from "@/lib/crm/tasks/list-tasks";
import { suggestedDueAt } from "@/lib/crm/tasks/local-input-value";
import type { TCrmActor } from "@/lib/crm/tasks/task-rules";
import { db } from "@/lib/db";
import { TaskStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { clientMessages } from "@/lib/i18n/client-messages";
import { firstParam, type SearchParams } from "@/lib/reports/period-params";
import { createTaskAction } from "./actions";
import { requireCrmPage } from "../crm-page-guard";

const FILTER_KEYS = ["assigneeId", "status", "dueFrom", "dueTo", "customerId"] as const;

async function loadFocused(taskId: string | undefined, actor: TCrmActor): Promise<TaskRow | null> {
  if (!taskId) return null;
  try {
    return await getTaskOrThrow(taskId, actor);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

export default async function TasksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireCrmPage("tasks", "/admin/tasks", "manageTasks");
  const actor = { id: staff.id, role: staff.role };
  const params = await searchParams;
  const view = firstParam(params.view) === "all" ? "all" : "my";
  const now = new Date();
  const rawFilter = Object.fromEntries(FILTER_KEYS.map((key) => [key, firstParam(params[key])]));
  const filter = ZTaskFilter.safeParse({ ...rawFilter, after: firstParam(params.after) });
  const focusedId = firstParam(params.task);

  const [t, employees, focused, messages] = await Promise.all([
    getTranslations("crmTasks"),
    listAssignableEmployees(),
    loadFocused(focusedId, actor),
    clientMessages(["common", "crmTasks"]),
  ]);
  const mine = view === "my" ? await listMyTasks(actor, now) : null;
  let all: Awaited<ReturnType<typeof listTasks>> | null = null;
  let filterInvalid = !filter.success;
  if (view === "all" && filter.success) {
    try {
      all = await listTasks(filter.data, actor);
    } catch (error) {
      if (!(error instanceof AppError && error.code === "VALIDATION")) throw error;
      filterInvalid = true;
    }
  }
  if (view === "all" && !all) all = await listTasks({}, actor);
  const filterCustomer = filter.success && filter.data.customerId ? await db.customer.findUnique({ where: { id: filter.data.customerId }, select: { id: true, name: true } }) : null;
  const keep = (extra: Record<string, string>, drop?: (typeof FILTER_KEYS)[number]) => {
    const query = new URLSearchParams({ view: "all" });
    for (const key of FILTER_KEYS) if (rawFilter[key] && key !== drop) query.set(key, rawFilter[key]);
    for (const [key, value] of Object.entries(extra)) query.set(key, value);
    return `/admin/tasks?${query}`;
  };
  // An OPERATOR creates tasks on an order's page (their tasks belong to orders).
  const canCreateHere = staff.role !== "OPERATOR";

  return (
    <NextIntlClientProvider messages={messages}>
      <PageHeader title={t("title")}>
        <nav className="flex gap-1 rounded-md bg-slate-100 p-1 text-sm" aria-label={t("views")}>
          {(["my", "all"] as const).map((item) => (
            <Link
              key={item}
              href={item === "my" ? "/admin/tasks" : "/admin/tasks?view=all"}
              aria-current={view === item ? "page" : undefined}
              className={`rounded px-3 py-1 ${view === item ? "bg-white font-medium shadow-sm" : "text-slate-600 hover:text-slate-900"}`}
            >
              {item === "my" ? t("myTasks") : staff.role === "OPERATOR" ? t("orderTasks") : t("allTasks")}
            </Link>
          ))}
        </nav>
      </PageHeader>

      {focused ? (
        <section className="card mb-6 border-amber-300" aria-label={t("focused")} data-testid="focused-task">
          <TaskList tasks={[focused]} employees={employees} now={now} highlightId={focused.id} />
        </section>
      ) : focusedId ? (
        <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("focusedMissing")}</p>
      ) : null}

      {canCreateHere ? (
        <details className="card mb-6" data-testid="new-task">
          <summary className="cursor-pointer text-base font-semibold">{t("newTask")}</summary>
          <div className="mt-4">
            <CreateTaskForm action={createTaskAction} employees={employees} currentUserId={staff.id} suggestedDueAt={suggestedDueAt(now)} />
          </div>
        </details>
      ) : null}

      {mine ? (
        <div className="flex flex-col gap-6">
          {DUE_GROUPS.map((group) => (
            <section key={group} className="card" aria-labelledby={`group-${group}`} data-testid={`group-${group}`}>
              <h2 id={`group-${group}`} className={`mb-1 text-base font-semibold ${group === "overdue" && mine[group].length ? "text-red-700" : ""}`}>
                {t(`groups.${group}`)} <span className="text-sm font-normal text-slate-500">{mine[group].length}</span>
              </h2>
              <TaskList tasks={mine[group]} employees={employees} now={now} empty={t(`emptyGroups.${group}`)} />
            </section>
          ))}
        </div>
      ) : null}

      {all ? (
        <>
          <form method="get" action="/admin/tasks" className="card mb-4 flex flex-wrap items-end gap-3 print:hidden" aria-label={t("filters")}>
            <input type="hidden" name="view" value="all" />
            {filterCustomer ? <input type="hidden" name="customerId" value={filterCustomer.id} /> : null}
            <label className="flex flex-col gap-1 text-sm">
              {t("fields.assignee")}
              <select name="assigneeId" className="input h-9 py-0" defaultValue={rawFilter.assigneeId ?? ""}>
                <option value="">{t("anyone")}</option>
                {employees.map((employee) => (
                  <option key={employee.id} value={employee.id}>
                    {employee.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-sm">
              {t("fields.status")}
              <select name="status" className="input h-9 py-0" defaultValue={rawFilter.status ?? ""}>
                <option value="">{t("anyStatus")}</option>
                {Object.values(TaskStatus).map((status) => (
                  <option key={status} value={status}>
                    {t(`statuses.${status}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-sm">
              {t("fields.dueFrom")}
              <input type="date" name="dueFrom" className="input h-9 py-0" defaultValue={rawFilter.dueFrom ?? ""} />
            </label>
            <label className="flex flex-col gap-1 text-sm">
              {t("fields.dueTo")}
              <input type="date" name="dueTo" className="input h-9 py-0" defaultValue={rawFilter.dueTo ?? ""} />
            </label>
            <button type="submit" className="btn h-9 py-0">
              {t("apply")}
            </button>
            <Link href="/admin/tasks?view=all" className="text-sm text-slate-500 hover:underline">
              {t("reset")}
            </Link>
          </form>
          {filterInvalid ? (
            <p role="alert" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t("filterInvalid")}
            </p>
          ) : null}
          {filterCustomer ? (
            <p className="mb-3 text-sm">
              {t("customerFilter", { name: filterCustomer.name ?? t("noName") })} ·{" "}
              <Link href={keep({}, "customerId")} className="text-brand-700 hover:underline">
                {t("removeFilter")}
              </Link>
            </p>
          ) : null}
          <section className="card" data-testid="all-tasks">
            <TaskList tasks={all.rows} employees={employees} now={now} empty={t("noTasks")} />
            {all.nextCursor ? (
              <Link href={keep({ after: all.nextCursor })} className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline">
                {t("nextPage")} →
              </Link>
            ) : null}
          </section>
        </>
      ) : null}
    </NextIntlClientProvider>
  );
}
