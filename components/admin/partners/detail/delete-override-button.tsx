"use client";
// Removes one commission override after a confirmation; says why when the server refuses.
import { useActionState } from "react";
import { secondaryButton } from "@/components/ui/styles";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

interface Props {
  action: (state: ActionState<Record<string, string>>, formData: FormData) => Promise<ActionState<Record<string, string>>>;
  partnerId: string;
  overrideId: string;
  label: string;
  confirmText: string;
}

export function DeleteOverrideButton({ action, partnerId, overrideId, label, confirmText }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form
      action={formAction}
      className="inline-flex flex-col items-end gap-1"
      onSubmit={(event) => {
        if (!window.confirm(confirmText)) event.preventDefault();
      }}
    >
      <input type="hidden" name="partnerId" value={partnerId} />
      <input type="hidden" name="overrideId" value={overrideId} />
      <button type="submit" className={`${secondaryButton.replace("h-9", "h-8").replace("px-3.5", "px-2.5")} text-red-700`} disabled={pending} data-testid="override-delete">
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
