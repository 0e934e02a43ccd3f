"use client";
// The program's settings (levels, cookie lifetime, hold, minimum payout, approval mode, the default
// commission per level) on the partners page. The server validates; this shows its localised field errors and keeps what was
// typed after a refusal.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { control, panel, primaryButton } from "@/components/ui/styles";
import { controlProps, Field } from "@/components/admin/settings/field";
import { useResponseKey } from "@/components/admin/settings/use-response-key";
import { initialActionState, typedOr, type ActionState } from "@/lib/forms/action-state";

export interface ProgramSettingsValues {
  levels: number;
  cookieLifetimeDays: number;
  holdDays: number;
  /** The minimum payout in major units as it should appear in the input ("1000.00"). */
  minimumPayoutAmount: string;
  minimumPayoutCurrency: string;
  approvalMode: "AUTO" | "MANUAL";
  /** One row per level the program can pay (index = level), as the inputs show it. */
  commissionDefaults: CommissionDefaultValues[];
}

export interface CommissionDefaultValues {
  kind: "NONE" | "FIXED" | "PERCENT";
  /** "10.00" (percent) or "150.00" (major units); empty without a rate. */
  value: string;
  /** FIXED only ("" = each order's own currency); the program's currency otherwise, preselected for a new FIXED rate. */
  currency: string;
}

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  values: ProgramSettingsValues;
  currencies: string[];
}

export function ProgramSettingsForm({ action, values, currencies }: Props) {
  const t = useTranslations("adminPartners.program");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const responseKey = useResponseKey(state);
  const error = (name: string) => state.fieldErrors?.[name];
  const number = (name: "levels" | "cookieLifetimeDays" | "holdDays", min: number, max: number) => (
    <Field label={t(name)} name={name} error={error(name)}>
      <input
        {...controlProps(name, error(name))}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        className={`${control} w-32`}
        defaultValue={typedOr(state, name, String(values[name]))}
      />
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
            <input
              {...controlProps("minimumPayoutAmount", error("minimumPayoutAmount"))}
              inputMode="decimal"
              className={`${control} w-40`}
              defaultValue={typedOr(state, "minimumPayoutAmount", values.minimumPayoutAmount)}
            />
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
      <fieldset className="grid gap-3" data-testid="commission-defaults">
        <legend className="text-sm font-semibold text-slate-800">{t("defaults.title")}</legend>
        <p className="text-xs text-slate-500">{t("defaults.hint")}</p>
        {values.commissionDefaults.map((row, level) => {
          const name = (part: "Kind" | "Value" | "Currency") => `default${part}.${level}`;
          const rowError = error(name("Value"));
          return (
            <div key={level} className="grid gap-2 sm:grid-cols-[12rem_10rem_10rem_7rem] sm:items-start" data-testid="commission-default-row" data-level={level}>
              <span className="pt-2 text-sm text-slate-700">{level === 0 ? t("defaults.levelOwn") : t("defaults.levelLine", { number: level + 1, line: level })}</span>
              <select name={name("Kind")} aria-label={t("defaults.kind")} className={control} defaultValue={typedOr(state, name("Kind"), row.kind)}>
                <option value="NONE">{t("defaults.none")}</option>
                <option value="PERCENT">{t("defaults.percent")}</option>
                <option value="FIXED">{t("defaults.fixed")}</option>
              </select>
              <div className="flex flex-col gap-1">
                <input
                  {...controlProps(name("Value"), rowError)}
                  inputMode="decimal"
                  aria-label={t("defaults.value")}
                  placeholder={t("defaults.valuePlaceholder")}
                  className={control}
                  defaultValue={typedOr(state, name("Value"), row.value)}
                />
                {rowError ? (
                  <span id={`settings-${name("Value")}-error`} className="text-xs text-red-700" data-testid={`error-${name("Value")}`}>
                    {rowError}
                  </span>
                ) : null}
              </div>
              <select name={name("Currency")} aria-label={t("defaults.currency")} className={control} defaultValue={typedOr(state, name("Currency"), row.currency)}>
                <option value="">{t("defaults.orderCurrency")}</option>
                {currencies.map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </fieldset>
      <FormMessage state={state} testId="program-settings-message" />
      <div>
        <button type="submit" className={primaryButton} disabled={pending}>
          {pending ? t("saving") : t("save")}
        </button>
      </div>
    </form>
  );
}
