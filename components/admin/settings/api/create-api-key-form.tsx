"use client";
// New API key: a name and, per resource, no access, read or write. The key comes back once, in
// the action's answer: shown here with a copy button and never again.
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FieldError } from "@/components/checkout/field-shell";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { initialActionState, typedOr, type ActionState } from "@/lib/forms/action-state";

type State = ActionState & { key?: string };

interface Props {
  action: (state: State, formData: FormData) => Promise<State>;
  resources: { name: string; write: boolean }[];
}

export function CreateApiKeyForm({ action, resources }: Props) {
  const t = useTranslations("settings.api");
  const [state, formAction, pending] = useActionState(action, initialActionState as State);
  const [copied, setCopied] = useState(false);
  const errors = state.fieldErrors ?? {};
  return (
    <div className="flex flex-col gap-4">
      {state.status === "success" && state.key ? (
        <div className="card flex flex-col gap-2 border-amber-300 bg-amber-50" role="status" data-testid="api-key-created">
          <p className="text-sm font-medium text-amber-900">{t("shownOnce")}</p>
          <code className="rounded bg-white px-2 py-1 font-mono text-sm break-all text-slate-900" data-testid="api-key-value">
            {state.key}
          </code>
          <button
            type="button"
            className="btn self-start"
            onClick={() => {
              void navigator.clipboard?.writeText(state.key!).then(() => setCopied(true));
            }}
          >
            {copied ? t("copied") : t("copy")}
          </button>
        </div>
      ) : null}
      <form key={JSON.stringify(state)} action={formAction} className="card flex flex-col gap-4" noValidate data-testid="api-key-form">
        <TextField id="api-key-name" name="name" label={t("name")} error={errors.name} required maxLength={100} defaultValue={typedOr(state, "name", "")} />
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1.5 text-sm font-medium text-slate-700">{t("scopes")}</legend>
          {resources.map((resource) => (
            <div key={resource.name} className="flex items-center justify-between gap-4">
              <label htmlFor={`scope-${resource.name}`} className="text-sm text-slate-700">
                {t(`resources.${resource.name}` as never)}
              </label>
              <select id={`scope-${resource.name}`} name={`scope:${resource.name}`} className="input max-w-48" defaultValue={typedOr(state, `scope:${resource.name}`, "")}>
                <option value="">{t("access.none")}</option>
                <option value="read">{t("access.read")}</option>
                {resource.write ? <option value="write">{t("access.write")}</option> : null}
              </select>
            </div>
          ))}
          <FieldError inputId="api-key-scopes" message={errors.scopes} />
        </fieldset>
        <FormMessage state={state.key ? { status: "idle" } : state} testId="api-key-result" />
        <button type="submit" className="btn self-start" disabled={pending}>
          {pending ? t("creating") : t("create")}
        </button>
      </form>
    </div>
  );
}
