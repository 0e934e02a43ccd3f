"use client";

// One reminder rule's form (or the form of a new one): kind, on/off, product, delay and repeats
// in hours, and the merchant's subject and text in both languages.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { control, panel, primaryButton } from "@/components/ui/styles";
import { initialActionState, tickedOr, typedOr, type ActionState } from "@/lib/forms/action-state";
import type { TReminderRuleRow } from "@/lib/marketing/reminders/list-reminder-rules";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function ReminderRuleForm({ rule, products, action }: { rule: TReminderRuleRow | null; products: { id: string; name: string }[]; action: Action }) {
  const t = useTranslations("adminReminders");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const error = (name: string) => state.fieldErrors?.[name];
  const value = (name: string, stored: string) => typedOr(state, name, stored);
  const testId = rule ? `reminder-rule-${rule.kind}` : "reminder-rule-new";
  const field = (name: "name" | "subject" | "subjectEn", label: string, stored: string | null) => (
    <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
      {label}
      <input name={name} defaultValue={value(name, stored ?? "")} maxLength={200} className={control} aria-invalid={error(name) ? true : undefined} />
      {error(name) ? <span className="text-xs text-red-700">{error(name)}</span> : null}
    </label>
  );
  const number = (name: "delayHours" | "repeatCount" | "repeatIntervalHours", stored: number, min: number, max: number) => (
    <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
      {t(`fields.${name}`)}
      <input name={name} type="number" min={min} max={max} defaultValue={value(name, String(stored))} className={control} aria-invalid={error(name) ? true : undefined} />
      {error(name) ? <span className="text-xs text-red-700">{error(name)}</span> : null}
    </label>
  );
  return (
    <form action={formAction} className={`${panel} flex flex-col gap-4 p-5`} data-testid={testId}>
      {rule ? <input type="hidden" name="id" value={rule.id} /> : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-base font-semibold">{rule ? rule.name : t("newRule")}</h2>
        {rule ? <span className="text-sm text-slate-600">{t("sentCount", { count: rule.sent })}</span> : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          {t("fields.kind")}
          <select name="kind" defaultValue={value("kind", rule?.kind ?? "UNCONFIRMED")} className={control}>
            {(["UNCONFIRMED", "UNPAID", "NOT_PICKED_UP"] as const).map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        {field("name", t("fields.name"), rule?.name ?? null)}
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          {t("fields.product")}
          <select name="productId" defaultValue={value("productId", rule?.productId ?? "")} className={control}>
            <option value="">{t("allProducts")}</option>
            {products.map((product) => (
              <option key={product.id} value={product.id}>
                {product.name}
              </option>
            ))}
          </select>
          {error("productId") ? <span className="text-xs text-red-700">{error("productId")}</span> : null}
        </label>
        {number("delayHours", rule?.delayHours ?? 24, 1, 2160)}
        {number("repeatCount", rule?.repeatCount ?? 0, 0, 10)}
        {number("repeatIntervalHours", rule?.repeatIntervalHours ?? 24, 1, 2160)}
      </div>
      <p className="text-xs text-slate-500">{t("delayHint")}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        {field("subject", t("fields.subject"), rule?.subject ?? null)}
        {field("subjectEn", t("fields.subjectEn"), rule?.subjectEn ?? null)}
        {(["body", "bodyEn"] as const).map((name) => (
          <label key={name} className="flex flex-col gap-1 text-sm font-medium text-slate-700">
            {t(`fields.${name}`)}
            <textarea name={name} rows={3} maxLength={5000} defaultValue={value(name, rule?.[name] ?? "")} className={`${control} h-auto py-2`} />
            {error(name) ? <span className="text-xs text-red-700">{error(name)}</span> : null}
          </label>
        ))}
      </div>
      <p className="text-xs text-slate-500">{t("textHint")}</p>
      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
          <input type="checkbox" name="isActive" defaultChecked={tickedOr(state, "isActive", "on", rule?.isActive ?? true)} />
          {t("fields.isActive")}
        </label>
        <button type="submit" className={primaryButton} disabled={pending}>
          {pending ? t("saving") : rule ? t("save") : t("create")}
        </button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
