"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";
import { FormMessage } from "@/components/ui/form-message";

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  orderId: string;
  /** Only the moves that are legal from the current status and allowed for the signed-in role. */
  targets: { value: string; label: string }[];
  /** Whether the role may set the tracking number (asked for with the move to SHIPPED). */
  canSetTracking: boolean;
  trackingNumber: string | null;
  /** No move leads out of the current status for anyone (PAID, RETURNED). */
  isFinal: boolean;
}

export function StatusChangeForm({ action, orderId, targets, canSetTracking, trackingNumber, isFinal }: Props) {
  const t = useTranslations("orders.status");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const [to, setTo] = useState("");
  const asksTracking = canSetTracking && to === "SHIPPED";

  if (!targets.length) {
    return (
      <>
        <FormMessage state={state} testId="status-result" />
        <p className="text-sm text-slate-500" data-testid="no-moves">
          {isFinal ? t("final") : t("noMoves")}
        </p>
      </>
    );
  }
  return (
    <form action={formAction} onReset={() => setTo("")} className="flex flex-col gap-3" data-testid="status-form">
      <input type="hidden" name="orderId" value={orderId} />
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("to")}
        <select name="to" className="input" value={to} onChange={(event) => setTo(event.target.value)} required aria-invalid={Boolean(state.fieldErrors?.to)}>
          <option value="" disabled>
            {t("choose")}
          </option>
          {targets.map((target) => (
            <option key={target.value} value={target.value}>
              {target.label}
            </option>
          ))}
        </select>
        {state.fieldErrors?.to ? <span className="text-xs text-red-700">{state.fieldErrors.to}</span> : null}
      </label>
      {asksTracking ? (
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("trackingNumber")}
          <input name="trackingNumber" className="input font-mono" defaultValue={trackingNumber ?? ""} maxLength={64} autoComplete="off" />
          {state.fieldErrors?.trackingNumber ? <span className="text-xs text-red-700">{state.fieldErrors.trackingNumber}</span> : null}
        </label>
      ) : null}
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("reason")}
        <textarea name="reason" rows={2} maxLength={500} className="input" placeholder={t("reasonPlaceholder")} />
        {state.fieldErrors?.reason ? <span className="text-xs text-red-700">{state.fieldErrors.reason}</span> : null}
      </label>
      <FormMessage state={state} testId="status-result" />
      <button type="submit" className="btn self-start" disabled={pending || !to}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
