"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { secondaryButton } from "@/components/ui/styles";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

interface Props {
  orderId: string;
  /** Translated on the server: the admin layout's client messages do not include this section. */
  label: string;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}

/** "Send the purchase mail again" (a new download link with the order's codes). */
export function ResendPurchaseForm({ orderId, label, action }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <input type="hidden" name="orderId" value={orderId} />
      <FormMessage state={state} testId="resend-purchase-result" />
      <button type="submit" className={`${secondaryButton} self-start`} disabled={pending}>
        {label}
      </button>
    </form>
  );
}
