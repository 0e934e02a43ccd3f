"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { control, primaryButton } from "@/components/ui/styles";
import { initialActionState, tickedOr, typedOr, type ActionState } from "@/lib/forms/action-state";
import { controlProps, Field } from "./field";
import { useResponseKey } from "./use-response-key";

/** A rule as the form edits it: amounts already as decimal text in the rule's currency. */
export interface ShippingRuleFormValues {
  id?: string;
  name: string;
  method: string;
  scope: "EVERYWHERE" | "REGION" | "COUNTRY";
  country: string;
  region: string;
  productId: string;
  cost: string;
  currency: string;
  freeFrom: string;
  priority: number;
  isActive: boolean;
}

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  values: ShippingRuleFormValues;
  methods: { value: string; label: string }[];
  regions: { value: string; label: string }[];
  countries: { value: string; label: string }[];
  products: { value: string; label: string }[];
  currencies: string[];
}

export function ShippingRuleForm({ action, values, methods, regions, countries, products, currencies }: Props) {
  const t = useTranslations("settings.shipping");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const responseKey = useResponseKey(state);
  const [scope, setScope] = useState(values.scope);
  // The scope decides which fields show; after each answer it follows the remounted form
  // (the typed scope after an error, the stored one after a save).
  const [scopeKey, setScopeKey] = useState(responseKey);
  if (scopeKey !== responseKey) {
    setScopeKey(responseKey);
    setScope(typedOr(state, "scope", values.scope) as typeof scope);
  }
  const error = (name: string) => state.fieldErrors?.[name];
  const key = values.id ?? "new";
  const id = (name: string) => `${key}-${name}`;
  return (
    <form key={`${JSON.stringify(values)}-${responseKey}`} action={formAction} className="flex flex-col gap-4" data-testid={`shipping-rule-form-${key}`} noValidate>
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t("name")} name={id("name")} error={error("name")}>
          <input {...controlProps(id("name"), error("name"))} name="name" defaultValue={typedOr(state, "name", values.name)} maxLength={120} className={control} />
        </Field>
        <Field label={t("method")} name={id("method")} error={error("method")}>
          <select {...controlProps(id("method"), error("method"))} name="method" defaultValue={typedOr(state, "method", values.method)} className={control}>
            {methods.map((method) => (
              <option key={method.value} value={method.value}>
                {method.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("scope")} name={id("scope")} error={error("scope")}>
          <select
            {...controlProps(id("scope"), error("scope"))}
            name="scope"
            defaultValue={typedOr(state, "scope", values.scope)}
            onChange={(event) => setScope(event.target.value as typeof scope)}
            className={control}
          >
            {(["EVERYWHERE", "REGION", "COUNTRY"] as const).map((option) => (
              <option key={option} value={option}>
                {t(`scopes.${option}`)}
              </option>
            ))}
          </select>
        </Field>
        {scope === "COUNTRY" ? (
          <Field label={t("country")} name={id("country")} error={error("country")}>
            <select {...controlProps(id("country"), error("country"))} name="country" defaultValue={typedOr(state, "country", values.country)} className={control}>
              <option value="">—</option>
              {countries.map((country) => (
                <option key={country.value} value={country.value}>
                  {country.label}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {scope === "REGION" ? (
          <Field label={t("region")} name={id("region")} error={error("region")}>
            <select {...controlProps(id("region"), error("region"))} name="region" defaultValue={typedOr(state, "region", values.region)} className={control}>
              <option value="">—</option>
              {regions.map((region) => (
                <option key={region.value} value={region.value}>
                  {region.label}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field label={t("product")} name={id("productId")} error={error("productId")}>
          <select {...controlProps(id("productId"), error("productId"))} name="productId" defaultValue={typedOr(state, "productId", values.productId)} className={control}>
            <option value="">{t("allProducts")}</option>
            {products.map((product) => (
              <option key={product.value} value={product.value}>
                {product.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("cost")} name={id("cost")} error={error("cost")} hint={t("amountHint")}>
          <input {...controlProps(id("cost"), error("cost"))} name="cost" inputMode="decimal" defaultValue={typedOr(state, "cost", values.cost)} maxLength={30} className={control} />
        </Field>
        <Field label={t("currency")} name={id("currency")} error={error("currency")}>
          <select {...controlProps(id("currency"), error("currency"))} name="currency" defaultValue={typedOr(state, "currency", values.currency)} className={control}>
            {currencies.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("freeFrom")} name={id("freeFrom")} error={error("freeFrom")} hint={t("freeFromHint")}>
          <input
            {...controlProps(id("freeFrom"), error("freeFrom"))}
            name="freeFrom"
            inputMode="decimal"
            defaultValue={typedOr(state, "freeFrom", values.freeFrom)}
            maxLength={30}
            className={control}
          />
        </Field>
        <Field label={t("priority")} name={id("priority")} error={error("priority")} hint={t("priorityHint")}>
          <input
            {...controlProps(id("priority"), error("priority"))}
            name="priority"
            inputMode="numeric"
            defaultValue={typedOr(state, "priority", String(values.priority))}
            className={control}
          />
        </Field>
        <label className="flex items-center gap-2 self-end pb-2 text-sm">
          <input type="checkbox" name="isActive" defaultChecked={tickedOr(state, "isActive", "on", values.isActive)} />
          {t("isActive")}
        </label>
      </div>
      <FormMessage state={state} testId={`shipping-rule-message-${key}`} />
      <button type="submit" className={`${primaryButton} self-start`} disabled={pending}>
        {values.id ? t("save") : t("add")}
      </button>
    </form>
  );
}
