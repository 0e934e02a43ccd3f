"use client";
// A co-owner's card: name, email, linked employee and note. Adding one may set a first share too
// (a product or all products, in percent); the server keeps the 100 % limit.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError } from "@/components/checkout/field-shell";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { initialActionState, typedOr, type ActionState } from "@/lib/forms/action-state";

export interface CoOwnerFormValues {
  id?: string;
  name: string;
  email: string;
  userId: string;
  note: string;
}

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  values: CoOwnerFormValues;
  employees: { id: string; label: string }[];
  /** Given when adding: the first share's product choices. */
  products?: { id: string; label: string }[];
}

export function CoOwnerForm({ action, values, employees, products }: Props) {
  const t = useTranslations("settings.coowners");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const errors = state.fieldErrors ?? {};
  const prefix = values.id ? `coowner-${values.id}` : "coowner-new";
  const select = (name: string, label: string, options: { id: string; label: string }[], none: string, stored: string) => (
    <div>
      <label htmlFor={`${prefix}-${name}`} className="mb-1.5 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select id={`${prefix}-${name}`} name={name} className="input" defaultValue={typedOr(state, name, stored)} aria-invalid={errors[name] ? true : undefined}>
        <option value="">{none}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError inputId={`${prefix}-${name}`} message={errors[name]} />
    </div>
  );
  return (
    <form key={JSON.stringify(state)} action={formAction} className="card flex flex-col gap-4" noValidate data-testid={values.id ? "coowner-edit-form" : "coowner-add-form"}>
      {values.id ? <input type="hidden" name="coOwnerId" value={values.id} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id={`${prefix}-name`} name="name" label={t("name")} error={errors.name} required maxLength={200} defaultValue={typedOr(state, "name", values.name)} />
        <TextField id={`${prefix}-email`} name="email" type="email" label={t("email")} error={errors.email} maxLength={254} defaultValue={typedOr(state, "email", values.email)} />
        {select("userId", t("user"), employees, t("noUser"), values.userId)}
        <TextField id={`${prefix}-note`} name="note" label={t("note")} error={errors.note} maxLength={1000} defaultValue={typedOr(state, "note", values.note)} />
      </div>
      {products ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1.5 text-sm font-medium text-slate-700">{t("firstShare")}</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            {select("productId", t("product"), products, t("allProducts"), "")}
            <div>
              <TextField id={`${prefix}-percent`} name="percent" label={t("percent")} error={errors.percent} inputMode="decimal" maxLength={8} defaultValue={typedOr(state, "percent", "")} />
              <span className="text-xs text-slate-500">{t("percentHint")}</span>
            </div>
          </div>
        </fieldset>
      ) : null}
      <FormMessage state={state} testId={values.id ? "coowner-edit-result" : "coowner-add-result"} />
      <button type="submit" className="btn self-start" disabled={pending}>
        {values.id ? (pending ? t("saving") : t("save")) : pending ? t("adding") : t("add")}
      </button>
    </form>
  );
}
