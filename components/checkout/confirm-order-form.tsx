"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmResult } from "./confirm-result";
import type { TConfirmView } from "./types";

/**
 * "Confirm order" for a confirmation link that was not opened as a browser navigation (a mail
 * scanner's pre-fetch, a link preview): nothing changes until a person presses the button.
 */
export function ConfirmOrderForm({
  token,
  orderNumber,
  action,
  children,
}: {
  token: string;
  orderNumber: number;
  action: (state: TConfirmView | null, formData: FormData) => Promise<TConfirmView>;
  /** The order, as the server rendered it. */
  children: React.ReactNode;
}) {
  const t = useTranslations("orderPages.confirm.pending");
  const [state, formAction, pending] = useActionState(action, null);
  if (state) return <ConfirmResult view={state} />;
  return (
    <div className="flex flex-col gap-8">
      <form action={formAction} className="flex flex-col items-center gap-4 pt-2 text-center">
        <input type="hidden" name="token" value={token} />
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{t("title", { number: orderNumber })}</h1>
        <p className="max-w-lg text-slate-600">{t("text")}</p>
        <button type="submit" className="btn h-12 min-w-56 rounded-lg text-base" disabled={pending}>
          {pending ? t("submitting") : t("button")}
        </button>
      </form>
      {children}
    </div>
  );
}
