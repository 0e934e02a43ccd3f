"use client";
// "Recompute now": queues one segmentation run; the server refuses a second while one is queued
// or running, and the button is off meanwhile.
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { primaryButton } from "@/components/ui/styles";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  active: boolean;
  labels: { now: string; active: string };
}

export function RecomputeButton({ action, active, labels }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const busy = active || pending || state.status === "success";
  return (
    <form action={formAction} className="flex flex-col items-start gap-2 print:hidden">
      <button type="submit" className={primaryButton} disabled={busy} data-testid="recompute-segments">
        {active ? labels.active : labels.now}
      </button>
      <FormMessage state={state} testId="recompute-message" />
    </form>
  );
}
