"use client";
// Asks for the address (or, for partners, the login) to send a reset link to. The reply is the
// same whether or not an account matched; only bad input and the rate limit are refused.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

interface Props {
  kind: "staff" | "partner";
  action: (state: ActionState<Record<string, string>>, formData: FormData) => Promise<ActionState<Record<string, string>>>;
}

export function ForgotPasswordForm({ kind, action }: Props) {
  const t = useTranslations("passwordReset");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  if (state.status === "success") {
    return (
      <div role="status" className="flex flex-col gap-2" data-testid="reset-sent">
        <p className="font-medium text-slate-900">{t("sentTitle")}</p>
        <p className="text-sm text-slate-600">{t("sentText")}</p>
      </div>
    );
  }
  return (
    <form key={state.values?.identifier ?? ""} action={formAction} className="flex flex-col gap-4" noValidate>
      <TextField
        id="reset-identifier"
        name="identifier"
        label={kind === "staff" ? t("email") : t("emailOrLogin")}
        error={state.fieldErrors?.identifier}
        type={kind === "staff" ? "email" : "text"}
        autoComplete="username"
        required
        maxLength={254}
        defaultValue={state.values?.identifier ?? ""}
      />
      <FormMessage state={state} />
      <button className="btn" type="submit" disabled={pending}>
        {pending ? t("sending") : t("send")}
      </button>
    </form>
  );
}
