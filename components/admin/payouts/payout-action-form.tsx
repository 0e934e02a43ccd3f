"use client";
// One action of a payout in the queue: approve (a button), mark paid (with the transfer's
// reference) or reject (with the reason the partner will see). Says why when the server refuses.
import { useActionState } from "react";
import { secondaryButton, smallControl } from "@/components/ui/styles";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  payoutId: string;
  kind: "approve" | "pay" | "reject";
  label: string;
  /** For pay and reject: the text field's label and placeholder. */
  fieldLabel?: string;
}

export function PayoutActionForm({ action, payoutId, kind, label, fieldLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const fieldName = kind === "pay" ? "reference" : kind === "reject" ? "reason" : undefined;
  return (
    <form action={formAction} className="flex flex-col items-start gap-1" data-testid={`payout-${kind}-form`}>
      <input type="hidden" name="payoutId" value={payoutId} />
      <input type="hidden" name="kind" value={kind} />
      <div className="flex gap-1.5">
        {fieldName ? (
          <input name={fieldName} required maxLength={fieldName === "reason" ? 1000 : 200} aria-label={fieldLabel} placeholder={fieldLabel} className={`${smallControl} w-40`} />
        ) : null}
        <button type="submit" disabled={pending} className={`${secondaryButton.replace("h-9", "h-8").replace("px-3.5", "px-2.5")} ${kind === "reject" ? "text-red-700" : ""}`}>
          {label}
        </button>
      </div>
      {state.status === "error" && state.message ? (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
