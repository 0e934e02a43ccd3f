"use client";
// "Log an interaction": kind, when (now by default), with whom (a contact person of a company),
// subject, what was said, result, and the next step — which becomes a task when it has a due time.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { initialActionState, typedOr, type ActionState } from "@/lib/forms/action-state";

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

const KINDS = ["CALL", "EMAIL", "MEETING", "NOTE"] as const;

export function LogInteractionForm(props: {
  action: FormAction;
  link: { customerId?: string; orderId?: string; dealId?: string };
  contactPersons: { id: string; name: string; position: string | null }[];
  employees: { id: string; name: string }[];
  currentUserId: string;
  suggestedDueAt: string;
}) {
  const t = useTranslations("crmInteractions");
  const [state, formAction, pending] = useActionState(props.action, initialActionState);
  const error = (name: string) =>
    state.fieldErrors?.[name] ? (
      <span className="text-xs text-red-700" data-testid={`error-${name}`}>
        {state.fieldErrors[name]}
      </span>
    ) : null;
  // After a successful save the form is reset by React; the key makes the defaults apply again.
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-2" data-testid="log-interaction-form">
      {Object.entries(props.link).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <label className="flex flex-col gap-1 text-sm">
        {t("fields.kind")}
        <select name="kind" className="input" defaultValue={typedOr(state, "kind", "CALL")}>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </select>
        {error("kind")}
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t("fields.occurredAt")}
        <input type="datetime-local" name="occurredAt" className="input" defaultValue={typedOr(state, "occurredAt", "")} />
        <span className="text-xs text-slate-500">{t("occurredAtHint")}</span>
        {error("occurredAt")}
      </label>
      {props.contactPersons.length ? (
        <label className="flex flex-col gap-1 text-sm sm:col-span-2">
          {t("fields.contactPerson")}
          <select name="contactPersonId" className="input" defaultValue={typedOr(state, "contactPersonId", "")}>
            <option value="">{t("noContactPerson")}</option>
            {props.contactPersons.map((person) => (
              <option key={person.id} value={person.id}>
                {person.position ? `${person.name} · ${person.position}` : person.name}
              </option>
            ))}
          </select>
          {error("contactPersonId")}
        </label>
      ) : null}
      <label className="flex flex-col gap-1 text-sm sm:col-span-2">
        {t("fields.subject")}
        <input name="subject" maxLength={300} className="input" defaultValue={typedOr(state, "subject", "")} />
        {error("subject")}
      </label>
      <label className="flex flex-col gap-1 text-sm sm:col-span-2">
        {t("fields.content")}
        <textarea name="content" rows={2} maxLength={5000} className="input" defaultValue={typedOr(state, "content", "")} />
        {error("content")}
      </label>
      <label className="flex flex-col gap-1 text-sm sm:col-span-2">
        {t("fields.result")}
        <input name="result" maxLength={5000} className="input" defaultValue={typedOr(state, "result", "")} />
        {error("result")}
      </label>
      <fieldset className="grid gap-3 rounded-md border border-slate-200 p-3 sm:col-span-2 sm:grid-cols-2">
        <legend className="px-1 text-sm font-medium">{t("nextStepLegend")}</legend>
        <label className="flex flex-col gap-1 text-sm sm:col-span-2">
          {t("fields.nextStep")}
          <input name="nextStep" maxLength={200} className="input" defaultValue={typedOr(state, "nextStep", "")} />
          {error("nextStep")}
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("fields.nextStepDueAt")}
          <input type="datetime-local" name="nextStepDueAt" className="input" defaultValue={typedOr(state, "nextStepDueAt", "")} placeholder={props.suggestedDueAt} />
          {error("nextStepDueAt")}
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("fields.nextStepAssignee")}
          <select name="nextStepAssigneeId" className="input" defaultValue={typedOr(state, "nextStepAssigneeId", props.currentUserId)}>
            {props.employees.map((employee) => (
              <option key={employee.id} value={employee.id}>
                {employee.name}
              </option>
            ))}
          </select>
          {error("assigneeId")}
        </label>
        <p className="text-xs text-slate-500 sm:col-span-2">{t("nextStepHint")}</p>
      </fieldset>
      <div className="flex flex-col gap-2 sm:col-span-2">
        {/* What the form is about comes from the page (hidden fields): its errors show here. */}
        {error("customerId")}
        {error("orderId")}
        {error("dealId")}
        <FormMessage state={state} testId="log-interaction-message" />
        <button type="submit" className="btn self-start" disabled={pending}>
          {t("log")}
        </button>
      </div>
    </form>
  );
}
