"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { control, primaryButton } from "@/components/ui/styles";
import type { CountryRow } from "@/lib/countries/list-countries";
import { initialActionState, tickedOr, typedOr, type ActionState } from "@/lib/forms/action-state";
import { controlProps, Field } from "./field";
import { useResponseKey } from "./use-response-key";

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  country: CountryRow;
  regions: { value: string; label: string }[];
}

export function CountryForm({ action, country, regions }: Props) {
  const t = useTranslations("settings.countries");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const responseKey = useResponseKey(state);
  const error = (name: string) => state.fieldErrors?.[name];
  const id = (name: string) => `${country.code}-${name}`;
  return (
    <form key={`${JSON.stringify(country)}-${responseKey}`} action={formAction} className="flex flex-col gap-4 p-4" data-testid={`country-form-${country.code}`} noValidate>
      <input type="hidden" name="code" value={country.code} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t("region")} name={id("region")} error={error("region")}>
          <select {...controlProps(id("region"), error("region"))} name="region" defaultValue={typedOr(state, "region", country.region)} className={control}>
            {regions.map((region) => (
              <option key={region.value} value={region.value}>
                {region.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("phoneCode")} name={id("phoneCode")} error={error("phoneCode")}>
          <input {...controlProps(id("phoneCode"), error("phoneCode"))} name="phoneCode" defaultValue={typedOr(state, "phoneCode", country.phoneCode)} maxLength={5} className={control} />
        </Field>
        <Field label={t("sortOrder")} name={id("sortOrder")} error={error("sortOrder")}>
          <input
            {...controlProps(id("sortOrder"), error("sortOrder"))}
            name="sortOrder"
            inputMode="numeric"
            defaultValue={typedOr(state, "sortOrder", String(country.sortOrder))}
            className={control}
          />
        </Field>
        <Field label={t("phoneMask")} name={id("phoneMask")} error={error("phoneMask")} hint={t("phoneMaskHint")}>
          <input
            {...controlProps(id("phoneMask"), error("phoneMask"))}
            name="phoneMask"
            defaultValue={typedOr(state, "phoneMask", country.phoneMask ?? "")}
            maxLength={40}
            className={control}
          />
        </Field>
        <Field label={t("postcodePattern")} name={id("postcodePattern")} error={error("postcodePattern")} hint={t("postcodePatternHint")}>
          <input
            {...controlProps(id("postcodePattern"), error("postcodePattern"))}
            name="postcodePattern"
            defaultValue={typedOr(state, "postcodePattern", country.postcodePattern ?? "")}
            maxLength={200}
            className={`${control} font-mono`}
          />
        </Field>
        <label className="flex items-center gap-2 self-end pb-2 text-sm">
          <input type="checkbox" name="isEnabled" defaultChecked={tickedOr(state, "isEnabled", "on", country.isEnabled)} />
          {t("isEnabled")}
        </label>
      </div>
      <FormMessage state={state} />
      <button type="submit" className={`${primaryButton} self-start`} disabled={pending}>
        {t("save")}
      </button>
    </form>
  );
}
