"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmEmailResult } from "./confirm-email-result";
import type { ConfirmEmailView } from "./confirm-email-view";

/**
 * "Confirm email" for a link that was not opened as a browser navigation (a mail scanner's
 * pre-fetch, a link preview): nothing changes until a person presses the button.
 */
export function ConfirmEmailForm({ token, action }: { token: string; action: (state: ConfirmEmailView | null, formData: FormData) => Promise<ConfirmEmailView> }) {
  const t = useTranslations("partnerJoin.confirm");
  const [state, formAction, pending] = useActionState(action, null);
  if (state) return <ConfirmEmailResult view={state} />;
  return (
    <form action={formAction} className="flex flex-col items-center gap-4 pt-2 text-center">
      <input type="hidden" name="token" value={token} />
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{t("pendingTitle")}</h1>
      <p className="max-w-lg text-slate-600">{t("pendingText")}</p>
      <button type="submit" className="btn h-12 min-w-56 rounded-lg text-base" disabled={pending}>
        {pending ? t("submitting") : t("button")}
      </button>
    </form>
  );
}
