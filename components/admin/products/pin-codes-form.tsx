"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { control, primaryButton, secondaryButton } from "@/components/ui/styles";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";
import type { PinCodeSummary } from "@/lib/products/get-pin-code-summary";

interface Props {
  productId: string;
  summary: PinCodeSummary;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}

/** Paste pin codes (one per line) to add or to remove free ones; shows what is left and which orders got the last ones. */
export function PinCodesForm({ productId, summary, action }: Props) {
  const t = useTranslations("products.pins");
  // A plain form action: after a successful paste the textarea is cleared, which is what is wanted.
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <div className="flex flex-col gap-4">
      <p className="flex gap-6 text-sm">
        <span data-testid="pin-codes-remaining" data-count={summary.remaining}>
          {t("remaining", { count: summary.remaining })}
        </span>
        <span className="text-slate-500">{t("used", { count: summary.used })}</span>
      </p>
      <form action={formAction} className="flex flex-col gap-2">
        <input type="hidden" name="productId" value={productId} />
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          {t("paste")}
          <textarea name="codes" rows={5} className={`${control} h-auto py-2 font-mono`} aria-invalid={Boolean(state.fieldErrors?.codes)} />
          {state.fieldErrors?.codes ? <span className="text-xs font-normal text-red-700">{state.fieldErrors.codes}</span> : null}
        </label>
        <FormMessage state={state} testId="pin-codes-result" />
        <div className="flex gap-2">
          <button type="submit" className={primaryButton} disabled={pending}>
            {t("add")}
          </button>
          <button type="submit" name="intent" value="remove" className={secondaryButton} disabled={pending}>
            {t("remove")}
          </button>
        </div>
      </form>
      {summary.recentlyUsed.length ? (
        <div>
          <h3 className="mb-1 text-xs font-medium text-slate-600">{t("recentlyUsed")}</h3>
          <ul className="text-sm">
            {summary.recentlyUsed.map((row) => (
              <li key={row.code} className="flex gap-4">
                <span className="font-mono">{row.code}</span>
                {row.orderNumber !== null ? <span className="text-slate-500">{t("order", { number: row.orderNumber })}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
