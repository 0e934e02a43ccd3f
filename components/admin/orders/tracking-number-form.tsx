"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";
import { FormMessage } from "@/components/ui/form-message";

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  orderId: string;
  status: string;
  trackingNumber: string | null;
}

export function TrackingNumberForm({ action, orderId, status, trackingNumber }: Props) {
  const t = useTranslations("orders.tracking");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-2" data-testid="tracking-form">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="status" value={status} />
      <label className="sr-only" htmlFor="tracking-number">
        {t("label")}
      </label>
      <div className="flex gap-2">
        <input
          id="tracking-number"
          name="trackingNumber"
          // Keyed by the saved value so a save (or someone else's) shows the number now stored.
          key={trackingNumber ?? ""}
          defaultValue={trackingNumber ?? ""}
          placeholder={t("none")}
          maxLength={64}
          required
          autoComplete="off"
          className="input font-mono"
        />
        <button type="submit" className="btn-secondary shrink-0" disabled={pending}>
          {t("save")}
        </button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
