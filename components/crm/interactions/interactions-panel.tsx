// The interactions of one customer, order or deal — newest first, with the employee, the result,
// the next step and the task it became (and that task's state) — and the "log an interaction"
// form. Renders nothing for a role that may not read them there (LOGISTICS on the order page);
// an OPERATOR reads a customer's history but logs only on orders.
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getTranslations } from "next-intl/server";
import { logInteractionAction } from "@/app/admin/tasks/actions";
import { getActor } from "@/lib/auth/guard";
import { canCrm } from "@/lib/crm/crm-access";
import { listContactPersonsOf, listInteractions, type InteractionLink } from "@/lib/crm/interactions/list-interactions";
import { listAssignableEmployees } from "@/lib/crm/tasks/list-tasks";
import { suggestedDueAt } from "@/lib/crm/tasks/local-input-value";
import { db } from "@/lib/db";
import { clientMessages } from "@/lib/i18n/client-messages";
import { LogInteractionForm } from "./log-interaction-form";

const KIND_STYLE = { CALL: "bg-sky-50 text-sky-800", EMAIL: "bg-violet-50 text-violet-800", MEETING: "bg-amber-50 text-amber-900", NOTE: "bg-slate-100 text-slate-700" } as const;
const TASK_STYLE = { OPEN: "text-sky-800", DONE: "text-emerald-700", CANCELLED: "text-slate-500" } as const;

async function customerOf(link: InteractionLink): Promise<string | null> {
  if ("customerId" in link) return link.customerId;
  if ("orderId" in link) return (await db.order.findUnique({ where: { id: link.orderId }, select: { customerId: true } }))?.customerId ?? null;
  return (await db.deal.findUnique({ where: { id: link.dealId }, select: { customerId: true } }))?.customerId ?? null;
}

export async function InteractionsPanel({ link }: { link: InteractionLink }) {
  const actor = await getActor();
  if (!actor || actor.kind !== "staff") return null;
  const readAbility = "customerId" in link ? "viewCustomers" : "orderId" in link ? "logInteractions" : "manageDeals";
  if (!canCrm(actor.role, readAbility)) return null;
  const canLog = canCrm(actor.role, "logInteractions") && (actor.role !== "OPERATOR" || "orderId" in link);
  const customerId = await customerOf(link);
  const [t, tTasks, format, rows, employees, contactPersons, messages] = await Promise.all([
    getTranslations("crmInteractions"),
    getTranslations("crmTasks"),
    getFormatter(),
    listInteractions(link, { id: actor.id, role: actor.role }),
    listAssignableEmployees(),
    customerId ? listContactPersonsOf(customerId) : Promise.resolve([]),
    clientMessages(["common", "crmInteractions"]),
  ]);
  return (
    <section className="card" aria-labelledby="crm-interactions-title" data-testid="interactions-panel">
      <h2 id="crm-interactions-title" className="mb-2 text-base font-semibold">
        {t("panelTitle")}
      </h2>
      {canLog ? (
        <details className="mb-3 print:hidden" data-testid="log-interaction">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("logTitle")}</summary>
          <div className="mt-3">
            <NextIntlClientProvider messages={messages}>
              <LogInteractionForm
                action={logInteractionAction}
                link={link}
                contactPersons={contactPersons}
                employees={employees}
                currentUserId={actor.id}
                suggestedDueAt={suggestedDueAt()}
              />
            </NextIntlClientProvider>
          </div>
        </details>
      ) : null}
      {rows.length ? (
        <ol className="flex flex-col divide-y divide-slate-100" data-testid="interaction-list">
          {rows.map((row) => (
            <li key={row.id} className="flex flex-col gap-1 py-3 text-sm" data-testid="interaction-item" data-kind={row.kind}>
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <span className={`rounded px-1.5 py-0.5 text-xs ${KIND_STYLE[row.kind]}`}>{t(`kinds.${row.kind}`)}</span>
                <time dateTime={row.occurredAt.toISOString()} className="text-slate-500 tabular-nums">
                  {format.dateTime(row.occurredAt, { dateStyle: "medium", timeStyle: "short" })}
                </time>
                <span className="text-slate-700">{row.user?.name ?? t("noEmployee")}</span>
                {row.contactPerson ? <span className="text-slate-500">{t("with", { name: row.contactPerson.name })}</span> : null}
                {row.order && !("orderId" in link) ? <span className="text-slate-500">{t("onOrder", { number: row.order.number })}</span> : null}
                {row.deal && !("dealId" in link) ? <span className="text-slate-500">{t("onDeal", { title: row.deal.title })}</span> : null}
              </div>
              {row.subject ? <p className="font-medium">{row.subject}</p> : null}
              {row.content ? <p className="whitespace-pre-line text-slate-700">{row.content}</p> : null}
              {row.result ? (
                <p data-testid="interaction-result">
                  <span className="text-slate-500">{t("result")}: </span>
                  {row.result}
                </p>
              ) : null}
              {row.nextStep ? (
                <p>
                  <span className="text-slate-500">{t("nextStep")}: </span>
                  {row.nextStep}
                  {row.nextStepDueAt ? <span className="text-slate-500"> · {format.dateTime(row.nextStepDueAt, { dateStyle: "medium", timeStyle: "short" })}</span> : null}
                </p>
              ) : null}
              {row.tasks.map((task) => (
                <p key={task.id} className={`text-xs ${TASK_STYLE[task.status]}`} data-testid="interaction-task" data-status={task.status}>
                  {tTasks("taskLine", { title: task.title, status: tTasks(`statuses.${task.status}`), name: task.assignee?.name ?? tTasks("unassigned") })}
                  {task.result ? ` — ${task.result}` : ""}
                </p>
              ))}
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-500">{t("none")}</p>
      )}
    </section>
  );
}
