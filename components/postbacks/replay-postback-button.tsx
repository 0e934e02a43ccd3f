"use client";
// "Send again" for one logged postback, in the cabinet (the partner's own logs) and on the
// owner's partner page. The server queues a new job and answers with an i18n key.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { secondaryButton } from "@/components/ui/styles";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

export function ReplayPostbackButton(props: { action: (state: ActionState, formData: FormData) => Promise<ActionState>; logId: string; partnerId?: string }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(props.action, initialActionState);
  const message = state.status === "idle" ? null : state.message && t.has(state.message) ? t(state.message) : t("postbacks.actionErrors.INTERNAL");
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <input type="hidden" name="logId" value={props.logId} />
      {props.partnerId ? <input type="hidden" name="partnerId" value={props.partnerId} /> : null}
      <button type="submit" disabled={pending} className={`${secondaryButton} h-8 px-2.5 text-xs`} data-testid="postback-replay">
        {pending ? t("postbacks.replaying") : t("postbacks.replay")}
      </button>
      {message ? (
        <span
          role={state.status === "error" ? "alert" : "status"}
          className={`text-xs ${state.status === "error" ? "text-red-700" : "text-emerald-700"}`}
          data-testid="postback-replay-message"
        >
          {message}
        </span>
      ) : null}
    </form>
  );
}
