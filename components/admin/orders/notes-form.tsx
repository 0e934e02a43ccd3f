"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";
import { FormMessage } from "@/components/ui/form-message";

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  orderId: string;
  notes: string | null;
}

export function NotesForm({ action, orderId, notes }: Props) {
  const t = useTranslations("orders.notes");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-2" data-testid="notes-form">
      <input type="hidden" name="orderId" value={orderId} />
      <label className="sr-only" htmlFor="order-notes">
        {t("title")}
      </label>
      {/* Keyed by the saved text, so after a save the field shows what is stored. */}
      <textarea id="order-notes" key={notes ?? ""} name="notes" rows={3} maxLength={5000} defaultValue={notes ?? ""} placeholder={t("none")} className="input" />
      {state.fieldErrors?.notes ? <span className="text-xs text-red-700">{state.fieldErrors.notes}</span> : null}
      <FormMessage state={state} />
      <button type="submit" className="btn-secondary self-start" disabled={pending}>
        {t("save")}
      </button>
    </form>
  );
}
