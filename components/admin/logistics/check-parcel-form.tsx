"use client";

import { useActionState } from "react";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";
import { secondaryButton } from "@/components/ui/styles";

/** The label comes from the server: the order page does not ship the logistics messages to the client. */
export function CheckParcelForm({ action, orderId, label }: { action: (state: ActionState, formData: FormData) => Promise<ActionState>; orderId: string; label: string }) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="orderId" value={orderId} />
      {state.status !== "idle" ? (
        <span role={state.status === "error" ? "alert" : "status"} className={`text-xs ${state.status === "error" ? "text-red-700" : "text-emerald-700"}`}>
          {state.message}
        </span>
      ) : null}
      <button type="submit" className={`${secondaryButton} h-8`} disabled={pending}>
        {label}
      </button>
    </form>
  );
}
