"use client";
// A button whose Server Action answers with a signing secret (reveal, roll): the answer's message
// and the secret appear under it.
import { useActionState } from "react";
import { secondaryButton } from "@/components/ui/styles";
import { FormMessage } from "@/components/ui/form-message";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";
import { SecretBox } from "./secret-box";

type State = ActionState & { secret?: string };

interface Props {
  action: (state: State, formData: FormData) => Promise<State>;
  endpointId: string;
  label: string;
  confirmText?: string;
  testId: string;
}

export function SecretActionForm({ action, endpointId, label, confirmText, testId }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState as State);
  return (
    <form
      action={formAction}
      className="flex flex-col items-start gap-2"
      onSubmit={(event) => {
        if (confirmText && !window.confirm(confirmText)) event.preventDefault();
      }}
    >
      <input type="hidden" name="endpointId" value={endpointId} />
      <button type="submit" className={secondaryButton} disabled={pending} data-testid={testId}>
        {label}
      </button>
      <FormMessage state={state} />
      {state.secret ? <SecretBox secret={state.secret} /> : null}
    </form>
  );
}
