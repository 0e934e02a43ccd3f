"use client";
// The task forms: create, complete with a result (inline), reschedule, reassign, cancel, reopen.
// Each posts to its Server Action and shows the answer under it; after a refusal the typed values
// stay in the fields.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { initialActionState, typedOr, type ActionState } from "@/lib/forms/action-state";

export type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;
export interface EmployeeOption {
  id: string;
  name: string;
}

const fieldError = (state: ActionState, name: string) =>
  state.fieldErrors?.[name] ? (
    <span className="text-xs text-red-700" data-testid={`error-${name}`}>
      {state.fieldErrors[name]}
    </span>
  ) : null;

export function CreateTaskForm(props: {
  action: FormAction;
  employees: EmployeeOption[];
  currentUserId: string;
  link?: { customerId?: string; orderId?: string; dealId?: string };
  /** A due time to suggest, `YYYY-MM-DDTHH:mm` on the shop's clock. */
  suggestedDueAt: string;
}) {
  const t = useTranslations("crmTasks");
  const [state, formAction, pending] = useActionState(props.action, initialActionState);
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-2" data-testid="create-task-form">
      {Object.entries(props.link ?? {}).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <label className="flex flex-col gap-1 text-sm sm:col-span-2">
        {t("fields.title")}
        <input name="title" required maxLength={200} className="input" defaultValue={typedOr(state, "title", "")} />
        {fieldError(state, "title")}
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t("fields.kind")}
        <select name="kind" className="input" defaultValue={typedOr(state, "kind", "CALL")}>
          {(["CALL", "MEETING", "OTHER"] as const).map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t("fields.dueAt")}
        <input type="datetime-local" name="dueAt" className="input" defaultValue={typedOr(state, "dueAt", props.suggestedDueAt)} />
        {fieldError(state, "dueAt")}
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t("fields.assignee")}
        <select name="assigneeId" className="input" defaultValue={typedOr(state, "assigneeId", props.currentUserId)}>
          {props.employees.map((employee) => (
            <option key={employee.id} value={employee.id}>
              {employee.name}
            </option>
          ))}
        </select>
        {fieldError(state, "assigneeId")}
      </label>
      <label className="flex flex-col gap-1 text-sm sm:col-span-2">
        {t("fields.description")}
        <textarea name="description" rows={2} maxLength={5000} className="input" defaultValue={typedOr(state, "description", "")} />
        {fieldError(state, "description")}
      </label>
      <div className="flex flex-col gap-2 sm:col-span-2">
        {/* The links come from the page (hidden fields): their errors show here. */}
        {fieldError(state, "customerId")}
        {fieldError(state, "orderId")}
        {fieldError(state, "dealId")}
        <FormMessage state={state} testId="create-task-message" />
        <button type="submit" className="btn self-start" disabled={pending}>
          {t("create")}
        </button>
      </div>
    </form>
  );
}

export function CompleteTaskForm({ action, taskId }: { action: FormAction; taskId: string }) {
  const t = useTranslations("crmTasks");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="flex flex-wrap items-start gap-2" data-testid="complete-task-form">
      <input type="hidden" name="taskId" value={taskId} />
      <label className="sr-only" htmlFor={`result-${taskId}`}>
        {t("fields.result")}
      </label>
      <div className="flex min-w-48 flex-1 flex-col gap-1">
        <input id={`result-${taskId}`} name="result" maxLength={5000} placeholder={t("resultPlaceholder")} className="input h-8 py-0 text-sm" defaultValue={typedOr(state, "result", "")} />
        {fieldError(state, "result")}
      </div>
      <button type="submit" className="btn h-8 py-0 text-sm" disabled={pending}>
        {t("complete")}
      </button>
      {state.status === "error" && !state.fieldErrors ? <FormMessage state={state} /> : null}
    </form>
  );
}

export function RescheduleTaskForm({ action, taskId, dueAt }: { action: FormAction; taskId: string; dueAt: string }) {
  const t = useTranslations("crmTasks");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" data-testid="reschedule-task-form">
      <input type="hidden" name="taskId" value={taskId} />
      <label className="flex flex-col gap-1 text-xs text-slate-500">
        {t("fields.dueAt")}
        <input type="datetime-local" name="dueAt" className="input h-8 py-0 text-sm" defaultValue={typedOr(state, "dueAt", dueAt)} />
      </label>
      <button type="submit" className="btn-secondary h-8 py-0 text-sm" disabled={pending}>
        {t("reschedule")}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

export function ReassignTaskForm({ action, taskId, assigneeId, employees }: { action: FormAction; taskId: string; assigneeId: string | null; employees: EmployeeOption[] }) {
  const t = useTranslations("crmTasks");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" data-testid="reassign-task-form">
      <input type="hidden" name="taskId" value={taskId} />
      <label className="flex flex-col gap-1 text-xs text-slate-500">
        {t("fields.assignee")}
        <select name="assigneeId" className="input h-8 py-0 text-sm" defaultValue={assigneeId ?? ""}>
          {employees.map((employee) => (
            <option key={employee.id} value={employee.id}>
              {employee.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn-secondary h-8 py-0 text-sm" disabled={pending}>
        {t("reassign")}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

/** Cancel (an open task) or reopen (a closed one): one button. */
export function TaskStatusButton({ action, taskId, label }: { action: FormAction; taskId: string; label: string }) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="taskId" value={taskId} />
      <button type="submit" className="btn-secondary h-8 py-0 text-sm" disabled={pending}>
        {label}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
