"use client";
// One button that runs a Server Action with a few hidden values (turn on/off, delete), and says
// why when the server refuses.
import { useActionState } from "react";
import { secondaryButton } from "@/components/ui/styles";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  label: string;
  /** Asked before submitting (deletions). */
  confirmText?: string;
  testId?: string;
  danger?: boolean;
}

export function ActionButtonForm({ action, fields, label, confirmText, testId, danger }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form
      action={formAction}
      className="inline-flex flex-col items-start gap-1"
      onSubmit={(event) => {
        if (confirmText && !window.confirm(confirmText)) event.preventDefault();
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={`${secondaryButton.replace("h-9", "h-8").replace("px-3.5", "px-2.5")} ${danger ? "text-red-700" : ""}`} disabled={pending} data-testid={testId}>
        {label}
      </button>
      {state.status === "error" && state.message ? (
        <span role="alert" className="text-xs text-red-700">
          {Object.values(state.fieldErrors ?? {})[0] ?? state.message}
        </span>
      ) : null}
    </form>
  );
}
