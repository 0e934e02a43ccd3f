"use client";
// The program's settings (levels, cookie lifetime, hold, minimum payout, approval mode) on the
// partners page. The server validates; this shows its localised field errors and keeps what was
// typed after a refusal.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/admin/orders/form-message";
import { control, panel, primaryButton } from "@/components/admin/orders/styles";
import { controlProps, Field } from "@/components/admin/settings/field";
import { initialSettingsState, typedOr, type SettingsActionState } from "@/components/admin/settings/settings-action-state";
import { useResponseKey } from "@/components/admin/settings/use-response-key";

export interface ProgramSettingsValues {
  levels: number;
  cookieLifetimeDays: number;
  holdDays: number;
  /** The minimum payout in major units as it should appear in the input ("1000.00"). */
  minimumPayoutAmount: string;
  minimumPayoutCurrency: string;
  approvalMode: "AUTO" | "MANUAL";
}

interface Props {
  action: (state: SettingsActionState, formData: FormData) => Promise<SettingsActionState>;
  values: ProgramSettingsValues;
  currencies: string[];
}

export function ProgramSettingsForm({ action, values, currencies }: Props) {
  const t = useTranslations("adminPartners.program");
  const [state, formAction, pending] = useActionState(action, initialSettingsState);
  const responseKey = useResponseKey(state);
  const error = (name: string) => state.fieldErrors?.[name];
  const number = (name: "levels" | "cookieLifetimeDays" | "holdDays", min: number, max: number) => (
    <Field label={t(name)} name={name} error={error(name)}>
      <input {...controlProps(name, error(name))} type="number" inputMode="numeric" min={min} max={max} step={1} className={`${control} w-32`} defaultValue={typedOr(state, name, String(values[name]))} />
    </Field>
  );
  return (
    <form key={`${JSON.stringify(values)}-${responseKey}`} action={formAction} className={`${panel} grid max-w-3xl gap-5 p-6`} data-testid="program-settings-form" noValidate>
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <div className="grid gap-5 sm:grid-cols-3">
        {number("levels", 1, 5)}
        {number("cookieLifetimeDays", 1, 365)}
        {number("holdDays", 0, 365)}
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label={t("minimumPayout")} name="minimumPayoutAmount" error={error("minimumPayoutAmount")}>
          <div className="flex gap-2">
            <input {...controlProps("minimumPayoutAmount", error("minimumPayoutAmount"))} inputMode="decimal" className={`${control} w-40`} defaultValue={typedOr(state, "minimumPayoutAmount", values.minimumPayoutAmount)} />
            <select name="minimumPayoutCurrency" aria-label={t("currency")} className={control} defaultValue={typedOr(state, "minimumPayoutCurrency", values.minimumPayoutCurrency)}>
              {currencies.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </div>
        </Field>
        <Field label={t("approvalMode")} name="approvalMode" error={error("approvalMode")}>
          <select {...controlProps("approvalMode", error("approvalMode"))} className={control} defaultValue={typedOr(state, "approvalMode", values.approvalMode)}>
            <option value="MANUAL">{t("approvalModes.MANUAL")}</option>
            <option value="AUTO">{t("approvalModes.AUTO")}</option>
          </select>
        </Field>
      </div>
      <FormMessage state={state} testId="program-settings-message" />
      <div>
        <button type="submit" className={primaryButton} disabled={pending}>
          {pending ? t("saving") : t("save")}
        </button>
      </div>
    </form>
  );
}
