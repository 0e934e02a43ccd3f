"use client";
// The merge page's form: the comparison table (rendered on the server, passed as children) with
// its radios, the "update the preview" button (a GET of the same page) and the merge button.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { primaryButton, secondaryButton } from "@/components/ui/styles";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

export function MergeForm({ action, count, children }: { action: (state: ActionState, formData: FormData) => Promise<ActionState>; count: number; children: React.ReactNode }) {
  const t = useTranslations("crmMerge.merge");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        if (submitter?.dataset.merge === "1" && !window.confirm(t("confirm"))) event.preventDefault();
      }}
      className="grid gap-4"
      data-testid="merge-form"
    >
      {children}
      <FormMessage state={state} testId="merge-message" />
      <div className="flex flex-wrap gap-2">
        <button type="submit" formAction="/admin/customers/merge" formMethod="get" className={secondaryButton} data-testid="merge-preview">
          {t("preview")}
        </button>
        <button type="submit" data-merge="1" className={primaryButton} disabled={pending} data-testid="merge-submit">
          {pending ? t("merging") : t("submit", { count })}
        </button>
      </div>
    </form>
  );
}
