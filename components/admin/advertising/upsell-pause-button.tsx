"use client";

// Pause / resume of one upsell in the list; the server's answer decides what the row shows.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { secondaryButton } from "@/components/ui/styles";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

export function UpsellPauseButton({ id, isActive, action }: { id: string; isActive: boolean; action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const t = useTranslations("adminUpsells");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="isActive" value={String(!isActive)} />
      <button type="submit" className={secondaryButton.replace("h-9", "h-8")} disabled={pending} data-testid="upsell-pause">
        {isActive ? t("pause") : t("resume")}
      </button>
      {state.status === "error" ? <FormMessage state={state} /> : null}
    </form>
  );
}
