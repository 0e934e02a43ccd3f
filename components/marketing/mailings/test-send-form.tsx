"use client";
// The test send: an address and a language; the mail goes out at once through the shop's mail.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { secondaryButton } from "@/components/ui/styles";
import { initialActionState, typedOr, type ActionState } from "@/lib/forms/action-state";

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function TestSendForm({ action, mailingId, defaultTo }: { action: FormAction; mailingId: string; defaultTo: string }) {
  const t = useTranslations("mailings.testSend");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end" data-testid="mailing-test-send">
      <input type="hidden" name="mailingId" value={mailingId} />
      <label className="flex flex-col gap-1 text-sm">
        {t("to")}
        <input type="email" name="to" required maxLength={254} className="input" defaultValue={typedOr(state, "to", defaultTo)} />
        {state.fieldErrors?.to ? <span className="text-xs text-red-700">{state.fieldErrors.to}</span> : null}
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t("locale")}
        <select name="locale" className="input" defaultValue={typedOr(state, "locale", "ru")}>
          <option value="ru">Русский</option>
          <option value="en">English</option>
        </select>
      </label>
      <button type="submit" className={secondaryButton} disabled={pending}>
        {t("send")}
      </button>
      <div className="sm:col-span-3">
        <FormMessage state={state} testId="mailing-test-send-message" />
      </div>
    </form>
  );
}
