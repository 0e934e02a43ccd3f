"use client";
// The "start the import" button: posts the settings the preview was computed with.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { primaryButton } from "@/components/ui/styles";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

export function StartImportForm({ action, fields }: { action: (state: ActionState, formData: FormData) => Promise<ActionState>; fields: Record<string, string> }) {
  const t = useTranslations("crmImport.start");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="grid gap-3">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormMessage state={state} testId="import-start-message" />
      <div>
        <button type="submit" className={primaryButton} disabled={pending} data-testid="import-start">
          {pending ? t("starting") : t("submit")}
        </button>
      </div>
    </form>
  );
}
