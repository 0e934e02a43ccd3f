"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

/**
 * useActionState for forms whose typed values must survive a refused save: a form `action`
 * makes React reset uncontrolled inputs after every submission, so the form is submitted from
 * onSubmit instead and keeps what the person typed next to the field errors.
 */
export function useKeptFormAction(action: (state: ActionState, formData: FormData) => Promise<ActionState>) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(formData));
  };
  return { state, onSubmit, pending };
}
