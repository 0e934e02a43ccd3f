"use client";
// The new password, typed twice, for a reset link or an invitation. The server checks both and
// the token; a reset then leaves for the sign-in page, an accepted invitation says so here.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

interface Props {
  token: string;
  action: (state: ActionState<Record<string, string>>, formData: FormData) => Promise<ActionState<Record<string, string>>>;
}

export function ResetPasswordForm({ token, action }: Props) {
  const t = useTranslations("passwordReset");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const errors = state.fieldErrors ?? {};
  if (state.status === "success") {
    return (
      <div role="status" className="flex flex-col gap-3" data-testid="password-set">
        <p className="text-sm text-slate-700">{state.message}</p>
        <Link className="btn self-start" href="/signin">
          {state.values?.signIn ?? t("backToSignIn")}
        </Link>
      </div>
    );
  }
  const field = (name: "password" | "confirm") => (
    <TextField id={`reset-${name}`} name={name} label={t(name)} error={errors[name]} type="password" autoComplete="new-password" required maxLength={200} />
  );
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {field("password")}
      {field("confirm")}
      <FormMessage state={state} />
      <button className="btn" type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
