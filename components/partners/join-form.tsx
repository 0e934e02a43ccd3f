"use client";
// The partner registration form (/partners/join). The server validates everything; this only
// shows its localised field errors and keeps what was typed.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, errorId } from "@/components/checkout/field-shell";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

interface Props {
  action: (state: ActionState<Record<string, string>>, formData: FormData) => Promise<ActionState<Record<string, string>>>;
  /** The recruiting partner's login from ?ref=, passed through untouched; the server decides. */
  refLogin?: string;
}

export function JoinForm({ action, refLogin }: Props) {
  const t = useTranslations("partnerJoin");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const errors = state.fieldErrors ?? {};
  const value = (name: string) => state.values?.[name] ?? "";

  const field = (name: "name" | "email" | "login" | "contact", options: { type?: string; autoComplete?: string; required?: boolean; hint?: string; maxLength: number }) => {
    const id = `join-${name}`;
    return (
      <div>
        <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-slate-700">
          {t(name)}
        </label>
        <input
          id={id}
          name={name}
          type={options.type ?? "text"}
          className="input"
          autoComplete={options.autoComplete}
          required={options.required}
          maxLength={options.maxLength}
          defaultValue={value(name)}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={errors[name] ? errorId(id) : options.hint ? `${id}-hint` : undefined}
        />
        {options.hint && !errors[name] ? (
          <p id={`${id}-hint`} className="mt-1.5 text-xs text-slate-500">
            {options.hint}
          </p>
        ) : null}
        <FieldError inputId={id} message={errors[name]} />
      </div>
    );
  };

  return (
    // key: a refused submit remounts the inputs so defaultValue shows what was sent.
    <form key={JSON.stringify(state.values ?? {})} action={formAction} className="flex flex-col gap-4" noValidate data-testid="join-form">
      {refLogin ? <input type="hidden" name="ref" value={refLogin} /> : null}
      {field("name", { autoComplete: "name", required: true, maxLength: 200 })}
      {field("email", { type: "email", autoComplete: "email", required: true, maxLength: 254 })}
      {field("login", { autoComplete: "username", required: true, maxLength: 32, hint: t("loginHint") })}
      {field("contact", { autoComplete: "tel", maxLength: 200 })}
      <div>
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input type="checkbox" name="terms" className="mt-0.5 size-4" aria-describedby={errors.terms ? errorId("join-terms") : undefined} />
          {t("terms")}
        </label>
        <FieldError inputId="join-terms" message={errors.terms} />
      </div>
      {state.status === "error" && state.message ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      <button type="submit" className="btn h-11 text-base" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
