"use client";
// One button that posts a mailing's id to a Server Action (start, pause, resume, cancel, delete)
// and shows the answer; an optional confirmation first.
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { primaryButton, secondaryButton } from "@/components/ui/styles";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function MailingActionForm(props: { action: FormAction; mailingId: string; label: string; confirm?: string; primary?: boolean; testId: string }) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(props.action, initialActionState);
  useEffect(() => {
    if (state.status === "success") router.refresh();
  }, [state, router]);
  return (
    <form
      action={formAction}
      className="grid gap-2"
      onSubmit={(event) => {
        if (props.confirm && !window.confirm(props.confirm)) event.preventDefault();
      }}
    >
      <input type="hidden" name="mailingId" value={props.mailingId} />
      <div>
        <button type="submit" className={props.primary ? primaryButton : secondaryButton} disabled={pending} data-testid={props.testId}>
          {props.label}
        </button>
      </div>
      <FormMessage state={state} testId={`${props.testId}-message`} />
      {/* The specific reason (an empty audience, a state that changed meanwhile). */}
      {Object.values(state.fieldErrors ?? {}).map((message) => (
        <p key={message} role="alert" className="text-sm text-red-800" data-testid={`${props.testId}-reason`}>
          {message}
        </p>
      ))}
    </form>
  );
}
