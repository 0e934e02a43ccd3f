"use client";
// One approve / ban / unban button of the partner list; says why when the server refuses.
import { useActionState } from "react";
import { secondaryButton } from "@/components/ui/styles";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  partnerId: string;
  partnerAction: "approve" | "ban" | "unban";
  label: string;
  /** Asked before submitting (banning ends the partner's sessions). */
  confirmText?: string;
}

export function PartnerStatusButton({ action, partnerId, partnerAction, label, confirmText }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form
      action={formAction}
      className="inline-flex flex-col items-start gap-1"
      onSubmit={(event) => {
        if (confirmText && !window.confirm(confirmText)) event.preventDefault();
      }}
    >
      <input type="hidden" name="partnerId" value={partnerId} />
      <input type="hidden" name="action" value={partnerAction} />
      <button
        type="submit"
        className={`${secondaryButton.replace("h-9", "h-8").replace("px-3.5", "px-2.5")} ${partnerAction === "ban" ? "text-red-700" : ""}`}
        disabled={pending}
        data-testid={`partner-${partnerAction}`}
      >
        {label}
      </button>
      {state.status === "error" && state.message ? (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
