// A list of tasks (server component): kind, title, due time (red when overdue), responsible, what it
// is about, the result of a closed one; an open task completes inline with a result, and the rest
// (reschedule, reassign, cancel; reopen a closed one) sits under "More".
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { cancelTaskAction, completeTaskAction, reassignTaskAction, reopenTaskAction, rescheduleTaskAction } from "@/app/admin/tasks/actions";
import type { TaskRow } from "@/lib/crm/tasks/list-tasks";
import { localInputValue } from "@/lib/crm/tasks/local-input-value";
import { CompleteTaskForm, ReassignTaskForm, RescheduleTaskForm, TaskStatusButton, type EmployeeOption } from "./task-forms";

const STATUS_STYLE = { OPEN: "bg-sky-50 text-sky-800", DONE: "bg-emerald-50 text-emerald-800", CANCELLED: "bg-slate-100 text-slate-600" } as const;

export async function TaskList(props: { tasks: TaskRow[]; employees: EmployeeOption[]; now?: Date; highlightId?: string; showLinks?: boolean; empty?: string; testId?: string }) {
  const [t, format] = await Promise.all([getTranslations("crmTasks"), getFormatter()]);
  const now = props.now ?? new Date();
  if (!props.tasks.length) return props.empty ? <p className="text-sm text-slate-500">{props.empty}</p> : null;
  return (
    <ul className="flex flex-col divide-y divide-slate-100" data-testid={props.testId ?? "task-list"}>
      {props.tasks.map((task) => {
        const overdue = task.status === "OPEN" && task.dueAt.getTime() < now.getTime();
        return (
          <li
            key={task.id}
            id={`task-${task.id}`}
            data-testid="task-item"
            data-task-id={task.id}
            data-status={task.status}
            className={`flex flex-col gap-2 py-3 ${props.highlightId === task.id ? "rounded-md bg-amber-50 px-2" : ""}`}
          >
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{t(`kinds.${task.kind}`)}</span>
              <span className="font-medium" data-testid="task-title">
                {task.title}
              </span>
              <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_STYLE[task.status]}`} data-testid="task-status">
                {t(`statuses.${task.status}`)}
              </span>
              <span className={`text-sm tabular-nums ${overdue ? "font-medium text-red-700" : "text-slate-500"}`}>
                {t("due", { time: format.dateTime(task.dueAt, { dateStyle: "medium", timeStyle: "short" }) })}
                {overdue ? ` · ${t("overdue")}` : ""}
              </span>
              <span className="text-sm text-slate-500">{task.assignee ? t("assignedTo", { name: task.assignee.name }) : t("unassigned")}</span>
            </div>
            {props.showLinks !== false && (task.customer || task.order || task.deal) ? (
              <div className="flex flex-wrap gap-3 text-sm">
                {task.customer ? (
                  <Link href={`/admin/customers/${task.customer.id}`} className="text-brand-700 hover:underline">
                    {task.customer.name ?? t("noName")}
                  </Link>
                ) : null}
                {task.order ? (
                  <Link href={`/admin/orders/${task.order.id}`} className="text-brand-700 hover:underline">
                    {t("order", { number: task.order.number })}
                  </Link>
                ) : null}
                {task.deal ? (
                  <Link href={`/admin/deals/${task.deal.id}`} className="text-brand-700 hover:underline">
                    {task.deal.title}
                  </Link>
                ) : null}
              </div>
            ) : null}
            {task.description ? <p className="text-sm whitespace-pre-line text-slate-600">{task.description}</p> : null}
            {task.status !== "OPEN" && task.result ? (
              <p className="text-sm" data-testid="task-result">
                <span className="text-slate-500">{t("result")}: </span>
                {task.result}
              </p>
            ) : null}
            {task.status === "OPEN" ? (
              <>
                <CompleteTaskForm action={completeTaskAction} taskId={task.id} />
                <details className="text-sm print:hidden">
                  <summary className="cursor-pointer text-slate-500">{t("more")}</summary>
                  <div className="mt-2 flex flex-col gap-2">
                    <RescheduleTaskForm action={rescheduleTaskAction} taskId={task.id} dueAt={localInputValue(task.dueAt)} />
                    <ReassignTaskForm action={reassignTaskAction} taskId={task.id} assigneeId={task.assignee?.id ?? null} employees={props.employees} />
                    <TaskStatusButton action={cancelTaskAction} taskId={task.id} label={t("cancel")} />
                  </div>
                </details>
              </>
            ) : (
              <div className="print:hidden">
                <TaskStatusButton action={reopenTaskAction} taskId={task.id} label={t("reopen")} />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
