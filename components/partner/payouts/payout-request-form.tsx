"use client";
// The payout request form: amount (prefilled with the available balance of the chosen currency,
// in major units as a person types it) and currency. The server refuses anything above the
// balance or below the minimum; its errors come back as i18n keys and are translated here.
import { useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import { control, primaryButton } from "@/components/ui/styles";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

export interface PayoutCurrencyOption {
  currency: string;
  /** The available balance as typed into the amount field ("1290.50"). */
  defaultAmount: string;
}

export function PayoutRequestForm(props: {
  action: (state: ActionState<{ amount: string; currency: string }>, formData: FormData) => Promise<ActionState<{ amount: string; currency: string }>>;
  options: PayoutCurrencyOption[];
}) {
  const { action, options } = props;
  const t = useTranslations();
  const id = useId();
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const [currency, setCurrency] = useState(options[0]?.currency ?? "");
  const chosen = options.find((option) => option.currency === currency);
  const errorValues = state.status === "error" ? state.values : undefined;
  const translate = (key: string) => (t.has(key) ? t(key) : t("cabinetPayouts.errors.VALIDATION"));
  const amountError = state.status === "error" ? state.fieldErrors?.amount : undefined;
  const currencyError = state.status === "error" ? state.fieldErrors?.currency : undefined;
  const otherError = state.status === "error" ? (state.fieldErrors?._ ?? (amountError || currencyError ? undefined : state.message)) : undefined;

  return (
    <form action={formAction} className="space-y-4" data-testid="payout-request-form" noValidate>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-amount`} className="mb-1 block text-sm font-medium text-slate-700">
            {t("cabinetPayouts.amount")}
          </label>
          <input
            // Remount on a currency change so the default follows the chosen balance.
            key={`${currency}-${state.status}`}
            id={`${id}-amount`}
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            maxLength={20}
            defaultValue={errorValues?.currency === currency ? errorValues.amount : (chosen?.defaultAmount ?? "")}
            aria-invalid={amountError ? true : undefined}
            aria-describedby={amountError ? `${id}-amount-error` : undefined}
            className={`${control} w-48`}
            data-testid="payout-amount"
          />
        </div>
        <div>
          <label htmlFor={`${id}-currency`} className="mb-1 block text-sm font-medium text-slate-700">
            {t("cabinetPayouts.currency")}
          </label>
          <select id={`${id}-currency`} name="currency" value={currency} onChange={(event) => setCurrency(event.target.value)} className={`${control} w-28`}>
            {options.map((option) => (
              <option key={option.currency} value={option.currency}>
                {option.currency}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={pending} className={primaryButton} data-testid="payout-submit">
          {pending ? t("cabinetPayouts.submitting") : t("cabinetPayouts.submit")}
        </button>
      </div>
      {amountError ? (
        <p id={`${id}-amount-error`} role="alert" className="text-sm text-red-700" data-testid="payout-error">
          {translate(amountError)}
        </p>
      ) : null}
      {currencyError ? (
        <p role="alert" className="text-sm text-red-700" data-testid="payout-error">
          {translate(currencyError)}
        </p>
      ) : null}
      {otherError ? (
        <p role="alert" className="text-sm text-red-700" data-testid="payout-error">
          {translate(otherError)}
        </p>
      ) : null}
      {state.status === "success" ? (
        <p role="status" className="text-sm text-emerald-700" data-testid="payout-success">
          {t("cabinetPayouts.requested")}
        </p>
      ) : null}
    </form>
  );
}
