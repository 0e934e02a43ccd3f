"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { control, panel, primaryButton } from "@/components/ui/styles";
import { initialActionState, typedOr, type ActionState } from "@/lib/forms/action-state";
import { controlProps, Field } from "./field";
import { useResponseKey } from "./use-response-key";

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  currencies: string[];
}

export function SetRateForm({ action, currencies }: Props) {
  const t = useTranslations("settings.rates");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const responseKey = useResponseKey(state);
  const error = (name: string) => state.fieldErrors?.[name];
  return (
    <form key={responseKey} action={formAction} className={`${panel} flex flex-col gap-4 p-5`} data-testid="set-rate-form" noValidate>
      <h3 className="font-semibold">{t("setTitle")}</h3>
      <div className="flex flex-wrap items-start gap-4">
        <Field label={t("from")} name="fromCurrency" error={error("fromCurrency")}>
          <select
            {...controlProps("fromCurrency", error("fromCurrency"))}
            defaultValue={typedOr(state, "fromCurrency", currencies.includes("USD") ? "USD" : (currencies[0] ?? ""))}
            className={control}
          >
            {currencies.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("to")} name="toCurrency" error={error("toCurrency")}>
          <select
            {...controlProps("toCurrency", error("toCurrency"))}
            defaultValue={typedOr(state, "toCurrency", currencies.includes("RUB") ? "RUB" : (currencies[0] ?? ""))}
            className={control}
          >
            {currencies.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("rate")} name="rate" error={error("rate")} hint={t("rateHint")}>
          <input
            {...controlProps("rate", error("rate"))}
            defaultValue={typedOr(state, "rate", "")}
            inputMode="decimal"
            autoComplete="off"
            placeholder="30.25"
            maxLength={30}
            className={control}
          />
        </Field>
      </div>
      <FormMessage state={state} testId="set-rate-message" />
      <button type="submit" className={`${primaryButton} self-start`} disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
