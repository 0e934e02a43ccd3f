"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { control, panel, primaryButton } from "@/components/ui/styles";
import { initialActionState, tickedOr, typedOr, type ActionState } from "@/lib/forms/action-state";
import { controlProps, Field } from "./field";
import { useResponseKey } from "./use-response-key";

export interface ShopSettingsValues {
  shopName: string;
  shopEmail: string;
  shopLocale: string;
  defaultCountry: string;
  confirmLinkTtlHours: number;
  duplicateWindowHours: number;
  checkoutCurrenciesShown: string[];
  paymentMethodsEnabled: string[];
}

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  values: ShopSettingsValues;
  countries: { code: string; label: string }[];
  locales: { code: string; label: string }[];
  currencies: string[];
  stripeEnabled: boolean;
}

const PAYMENT_METHODS = ["COD", "COURIER", "PREPAID"] as const;

export function ShopSettingsForm({ action, values, countries, locales, currencies, stripeEnabled }: Props) {
  const t = useTranslations("settings.shop");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const responseKey = useResponseKey(state);
  const error = (name: string) => state.fieldErrors?.[name];
  return (
    // Keyed by the stored values and each answer: after a save the form shows what is stored, after an error what was typed.
    <form key={`${JSON.stringify(values)}-${responseKey}`} action={formAction} className={`${panel} grid max-w-3xl gap-5 p-6`} data-testid="shop-settings-form" noValidate>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label={t("shopName")} name="shopName" error={error("shopName")}>
          <input {...controlProps("shopName", error("shopName"))} defaultValue={typedOr(state, "shopName", values.shopName)} maxLength={120} className={control} />
        </Field>
        <Field label={t("shopEmail")} name="shopEmail" error={error("shopEmail")} hint={t("shopEmailHint")}>
          <input {...controlProps("shopEmail", error("shopEmail"))} type="email" defaultValue={typedOr(state, "shopEmail", values.shopEmail)} maxLength={254} className={control} />
        </Field>
        <Field label={t("defaultCountry")} name="defaultCountry" error={error("defaultCountry")}>
          <select {...controlProps("defaultCountry", error("defaultCountry"))} defaultValue={typedOr(state, "defaultCountry", values.defaultCountry)} className={control}>
            {countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("shopLocale")} name="shopLocale" error={error("shopLocale")} hint={t("shopLocaleHint")}>
          <select {...controlProps("shopLocale", error("shopLocale"))} defaultValue={typedOr(state, "shopLocale", values.shopLocale)} className={control}>
            {locales.map((locale) => (
              <option key={locale.code} value={locale.code}>
                {locale.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("confirmLinkTtlHours")} name="confirmLinkTtlHours" error={error("confirmLinkTtlHours")} hint={t("confirmLinkTtlHoursHint")}>
          <input
            {...controlProps("confirmLinkTtlHours", error("confirmLinkTtlHours"))}
            inputMode="numeric"
            defaultValue={typedOr(state, "confirmLinkTtlHours", String(values.confirmLinkTtlHours))}
            className={control}
          />
        </Field>
        <Field label={t("duplicateWindowHours")} name="duplicateWindowHours" error={error("duplicateWindowHours")} hint={t("duplicateWindowHoursHint")}>
          <input
            {...controlProps("duplicateWindowHours", error("duplicateWindowHours"))}
            inputMode="numeric"
            defaultValue={typedOr(state, "duplicateWindowHours", String(values.duplicateWindowHours))}
            className={control}
          />
        </Field>
      </div>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("checkoutCurrenciesShown")}</legend>
        <div className="flex flex-wrap gap-4">
          {currencies.map((code) => (
            <label key={code} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="checkoutCurrenciesShown"
                value={code}
                defaultChecked={tickedOr(state, "checkoutCurrenciesShown", code, values.checkoutCurrenciesShown.includes(code))}
              />
              {code}
            </label>
          ))}
        </div>
        {error("checkoutCurrenciesShown") ? <span className="text-xs text-red-700">{error("checkoutCurrenciesShown")}</span> : null}
      </fieldset>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("paymentMethodsEnabled")}</legend>
        <div className="flex flex-wrap gap-4">
          {PAYMENT_METHODS.map((method) => (
            <label key={method} className={`flex items-center gap-2 text-sm ${method === "PREPAID" && !stripeEnabled ? "text-slate-500" : ""}`}>
              <input
                type="checkbox"
                name="paymentMethodsEnabled"
                value={method}
                defaultChecked={tickedOr(state, "paymentMethodsEnabled", method, values.paymentMethodsEnabled.includes(method))}
                disabled={method === "PREPAID" && !stripeEnabled}
              />
              {t(`paymentMethod.${method}`)}
            </label>
          ))}
        </div>
        {stripeEnabled ? null : <span className="text-xs text-slate-500">{t("stripeOff")}</span>}
        {error("paymentMethodsEnabled") ? <span className="text-xs text-red-700">{error("paymentMethodsEnabled")}</span> : null}
      </fieldset>

      <FormMessage state={state} testId="shop-settings-message" />
      <button type="submit" className={`${primaryButton} justify-self-start`} disabled={pending}>
        {t("save")}
      </button>
    </form>
  );
}
