"use client";
// The partner's postback URL form. The server validates (http(s) only, no macros in the host, a
// host the worker may call) and answers with i18n keys, translated here; a refused value stays in
// the field. Submitting it empty removes the URL.
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { control, primaryButton } from "@/components/ui/styles";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

export function PostbackUrlForm(props: {
  action: (state: ActionState<{ postbackUrl: string }>, formData: FormData) => Promise<ActionState<{ postbackUrl: string }>>;
  postbackUrl: string | null;
}) {
  const t = useTranslations();
  const id = useId();
  const [state, formAction, pending] = useActionState(props.action, initialActionState);
  const translate = (key: string) => (t.has(key) ? t(key) : t("postbacks.actionErrors.VALIDATION"));
  const fieldError = state.status === "error" ? state.fieldErrors?.postbackUrl : undefined;
  const otherError = state.status === "error" && !fieldError ? state.message : undefined;
  const value = state.status === "error" && state.values ? state.values.postbackUrl : (props.postbackUrl ?? "");

  return (
    <form action={formAction} className="space-y-3" data-testid="postback-url-form" noValidate>
      <label htmlFor={`${id}-url`} className="block text-sm font-medium text-slate-700">
        {t("postbacks.urlLabel")}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          // A new stored value (after a save) or a refusal resets what the field shows.
          key={`${props.postbackUrl ?? ""}-${state.status}`}
          id={`${id}-url`}
          name="postbackUrl"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          maxLength={2000}
          defaultValue={value}
          placeholder="https://tracker.example.com/postback?click={click_id}&status={status}&payout={payout}"
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={`${id}-hint${fieldError ? ` ${id}-error` : ""}`}
          className={`${control} min-w-0 flex-1 font-mono`}
          data-testid="postback-url"
        />
        <button type="submit" disabled={pending} className={primaryButton} data-testid="postback-url-save">
          {pending ? t("postbacks.saving") : t("postbacks.save")}
        </button>
      </div>
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {t("postbacks.urlHint")}
      </p>
      {fieldError ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700" data-testid="postback-url-error">
          {translate(fieldError)}
        </p>
      ) : null}
      {otherError ? (
        <p role="alert" className="text-sm text-red-700" data-testid="postback-url-error">
          {translate(otherError)}
        </p>
      ) : null}
      {state.status === "success" ? (
        <p role="status" className="text-sm text-emerald-700" data-testid="postback-url-saved">
          {translate(state.message ?? "")}
        </p>
      ) : null}
    </form>
  );
}
