"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { control, primaryButton, secondaryButton } from "@/components/ui/styles";
import type { AmountKind, Region } from "@/lib/db/generated/enums";
import type { ActionState } from "@/lib/forms/action-state";
import { minorUnitsToDecimalString } from "@/lib/money/format";
import type { ProductDetails, ProductEditorReferences } from "@/lib/products/get-product";
import { Labelled, Section } from "./field";
import { useKeptFormAction } from "./use-kept-form-action";

const REGIONS: Region[] = ["RU", "CIS", "WORLD"];
const CONFIRMATION_MODES = ["EMAIL_LINK", "OPERATOR", "NONE"] as const;
const REWARD_TRIGGERS = ["APPROVAL", "BUYOUT"] as const;

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** null: a new product. */
  product: ProductDetails | null;
  references: ProductEditorReferences;
}

let rowCounter = 0;
const rowKey = () => `row-${++rowCounter}`;

/**
 * The product's own fields in anchored sections: name and description, prices and commissions,
 * COD and confirmation, pages, stock. Amounts are shown and typed in major units; the server
 * turns them into minor units exactly (lib/products/parse-product-form).
 */
export function ProductEditorForm({ action, product, references }: Props) {
  const t = useTranslations("products");
  const { state, onSubmit, pending } = useKeptFormAction(action);
  const error = (name: string) => state.fieldErrors?.[name];

  const [currency, setCurrency] = useState(product?.currency ?? references.currencies[0]?.code ?? "RUB");
  const initialDigits = references.currencies.find((entry) => entry.code === product?.currency)?.minorUnitDigits ?? 2;
  const money = (amount: number | null | undefined) => (amount === null || amount === undefined ? "" : minorUnitsToDecimalString(amount, initialDigits));
  const percent = (basisPoints: number) => minorUnitsToDecimalString(basisPoints, 2).replace(/\.00$/, "");
  const price = (region: Region) => product?.prices.find((entry) => entry.region === region);

  const [tiers, setTiers] = useState(() =>
    (product?.priceTiers ?? []).map((tier) => ({ key: rowKey(), region: tier.region, minQuantity: String(tier.minQuantity), unitPrice: money(tier.unitPrice) })),
  );
  const [commissions, setCommissions] = useState(() =>
    (product?.commissions ?? []).map((row) => ({ key: rowKey(), kind: row.kind, value: row.kind === "PERCENT" ? percent(row.value) : money(row.value) })),
  );
  const [stockTracked, setStockTracked] = useState(product ? product.stock !== null : true);
  const [codAllowed, setCodAllowed] = useState(product?.codAllowed ?? true);
  const [payWhatYouWant, setPayWhatYouWant] = useState(product?.payWhatYouWant ?? false);
  const [slug, setSlug] = useState(product?.slug ?? "");
  const amountProps = { inputMode: "decimal" as const, autoComplete: "off", className: `${control} w-full tabular-nums` };

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-5" data-testid="product-form" noValidate>
      {product ? <input type="hidden" name="productId" value={product.id} /> : null}

      <Section id="basics" title={t("editor.sections.basics")}>
        <div className="grid gap-4 md:grid-cols-2">
          <Labelled label={t("editor.fields.name")} error={error("name")}>
            <input name="name" defaultValue={product?.name ?? ""} required maxLength={200} className={control} aria-invalid={Boolean(error("name"))} />
          </Labelled>
          <Labelled label={t("editor.fields.slug")} error={error("slug")} hint={t("editor.fields.slugHint", { slug: slug || "…" })}>
            <input
              name="slug"
              value={slug}
              onChange={(event) => setSlug(event.target.value)}
              required
              maxLength={80}
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              className={`${control} font-mono`}
              aria-invalid={Boolean(error("slug"))}
            />
          </Labelled>
          <Labelled label={t("editor.fields.type")} error={error("type")}>
            <select name="type" defaultValue={product?.type ?? "PHYSICAL"} className={control}>
              {(["PHYSICAL", "DIGITAL"] as const).map((type) => (
                <option key={type} value={type}>
                  {t(`types.${type}`)}
                </option>
              ))}
            </select>
          </Labelled>
          <Labelled label={t("editor.fields.imageUrl")} error={error("imageUrl")}>
            <input name="imageUrl" type="url" defaultValue={product?.imageUrl ?? ""} maxLength={2000} className={control} aria-invalid={Boolean(error("imageUrl"))} />
          </Labelled>
          <Labelled label={t("editor.fields.sku")} error={error("sku")}>
            <input name="sku" defaultValue={product?.sku ?? ""} maxLength={64} className={control} />
          </Labelled>
          <Labelled label={t("editor.fields.weightGrams")} error={error("weightGrams")}>
            <input name="weightGrams" inputMode="numeric" defaultValue={product?.weightGrams ?? ""} className={control} aria-invalid={Boolean(error("weightGrams"))} />
          </Labelled>
          <Labelled label={t("editor.fields.description")} error={error("description")} className="md:col-span-2">
            <textarea name="description" defaultValue={product?.description ?? ""} rows={4} maxLength={10000} className={`${control} h-auto py-2`} />
          </Labelled>
        </div>
      </Section>

      <Section id="prices" title={t("editor.sections.prices")}>
        <div className="flex flex-col gap-5">
          <div className="flex flex-wrap items-end gap-4">
            <Labelled label={t("editor.fields.currency")} error={error("currency")}>
              <select name="currency" value={currency} onChange={(event) => setCurrency(event.target.value)} className={`${control} w-32`}>
                {references.currencies.map((entry) => (
                  <option key={entry.code} value={entry.code}>
                    {entry.code}
                  </option>
                ))}
              </select>
            </Labelled>
            <label className="flex items-center gap-2 pb-2 text-sm">
              <input
                type="checkbox"
                name="payWhatYouWant"
                checked={payWhatYouWant}
                onChange={(event) => setPayWhatYouWant(event.target.checked)}
                className="size-4 rounded border-slate-300"
              />
              {t("editor.fields.payWhatYouWant")}
            </label>
          </div>
          <div>
            <p className="mb-2 text-xs text-slate-500">{t("editor.notSoldHint")}</p>
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left text-xs text-slate-500">
                  <th className="py-1 pr-3 font-medium">{t("editor.fields.region")}</th>
                  <th className="py-1 pr-3 font-medium">
                    {t("editor.fields.price")}, {currency}
                  </th>
                  <th className="py-1 pr-3 font-medium">{t("editor.fields.compareAt")}</th>
                  {payWhatYouWant ? <th className="py-1 pr-3 font-medium">{t("editor.fields.minimum")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {REGIONS.map((region) => (
                  <tr key={region} className="align-top">
                    <td className="py-1.5 pr-3 whitespace-nowrap">{t(`regions.${region}`)}</td>
                    <td className="py-1.5 pr-3">
                      <Labelled label="" error={error(`price.${region}`)}>
                        <input
                          name={`price.${region}`}
                          defaultValue={money(price(region)?.price)}
                          aria-label={`${t("editor.fields.price")} (${t(`regions.${region}`)})`}
                          aria-invalid={Boolean(error(`price.${region}`))}
                          {...amountProps}
                        />
                      </Labelled>
                    </td>
                    <td className="py-1.5 pr-3">
                      <Labelled label="" error={error(`compareAt.${region}`)}>
                        <input
                          name={`compareAt.${region}`}
                          defaultValue={money(price(region)?.compareAtPrice)}
                          aria-label={`${t("editor.fields.compareAt")} (${t(`regions.${region}`)})`}
                          {...amountProps}
                        />
                      </Labelled>
                    </td>
                    {payWhatYouWant ? (
                      <td className="py-1.5 pr-3">
                        <Labelled label="" error={error(`minimum.${region}`)}>
                          <input
                            name={`minimum.${region}`}
                            defaultValue={money(price(region)?.minimumPrice)}
                            aria-label={`${t("editor.fields.minimum")} (${t(`regions.${region}`)})`}
                            {...amountProps}
                          />
                        </Labelled>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium text-slate-700">{t("editor.fields.tiers")}</legend>
            {tiers.map((tier, index) => (
              <div key={tier.key} className="flex flex-wrap items-start gap-3" data-testid="tier-row">
                <select name="tier.region" defaultValue={tier.region} aria-label={t("editor.fields.region")} className={`${control} w-44`}>
                  {REGIONS.map((region) => (
                    <option key={region} value={region}>
                      {t(`regions.${region}`)}
                    </option>
                  ))}
                </select>
                <Labelled label="" error={error(`tier.${index}.minQuantity`) ?? error(`tier.${index}.region`)}>
                  <input
                    name="tier.minQuantity"
                    inputMode="numeric"
                    defaultValue={tier.minQuantity}
                    placeholder={t("editor.fields.tierMinQuantity")}
                    aria-label={t("editor.fields.tierMinQuantity")}
                    className={`${control} w-32`}
                  />
                </Labelled>
                <Labelled label="" error={error(`tier.${index}.unitPrice`)}>
                  <input
                    name="tier.unitPrice"
                    defaultValue={tier.unitPrice}
                    placeholder={t("editor.fields.tierUnitPrice")}
                    aria-label={t("editor.fields.tierUnitPrice")}
                    {...amountProps}
                    className={`${control} w-40 tabular-nums`}
                  />
                </Labelled>
                <button type="button" className={secondaryButton} onClick={() => setTiers((rows) => rows.filter((row) => row.key !== tier.key))}>
                  {t("editor.fields.remove")}
                </button>
              </div>
            ))}
            <button type="button" className={`${secondaryButton} self-start`} onClick={() => setTiers((rows) => [...rows, { key: rowKey(), region: "RU", minQuantity: "", unitPrice: "" }])}>
              {t("editor.fields.addTier")}
            </button>
          </fieldset>

          <Labelled label={`${t("editor.fields.baseCost")}, ${currency}`} error={error("baseCost")} className="max-w-xs">
            <input name="baseCost" defaultValue={money(product?.baseCost ?? 0)} {...amountProps} />
          </Labelled>

          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium text-slate-700">{t("editor.fields.commissions")}</legend>
            <p className="text-xs text-slate-500">{t("editor.fields.commissionsHint")}</p>
            {commissions.map((row, level) => (
              <div key={row.key} className="flex flex-wrap items-start gap-3" data-testid="commission-row">
                <span className="w-24 pt-2 text-sm">{t("editor.fields.level", { level })}</span>
                <select
                  name="commission.kind"
                  value={row.kind}
                  onChange={(event) => setCommissions((rows) => rows.map((entry) => (entry.key === row.key ? { ...entry, kind: event.target.value as AmountKind } : entry)))}
                  aria-label={t("editor.fields.kind")}
                  className={`${control} w-52`}
                >
                  {(["FIXED", "PERCENT"] as const).map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`amountKinds.${kind}`)}
                    </option>
                  ))}
                </select>
                <Labelled label="" error={error(`commission.${level}.value`)}>
                  <span className="flex items-center gap-1.5">
                    <input name="commission.value" defaultValue={row.value} aria-label={t("editor.fields.value")} {...amountProps} className={`${control} w-32 tabular-nums`} />
                    <span className="text-sm text-slate-500">{row.kind === "PERCENT" ? "%" : currency}</span>
                  </span>
                </Labelled>
                {level === commissions.length - 1 ? (
                  <button type="button" className={secondaryButton} onClick={() => setCommissions((rows) => rows.slice(0, -1))}>
                    {t("editor.fields.remove")}
                  </button>
                ) : null}
              </div>
            ))}
            {commissions.length < 10 ? (
              <button type="button" className={`${secondaryButton} self-start`} onClick={() => setCommissions((rows) => [...rows, { key: rowKey(), kind: "PERCENT", value: "" }])}>
                {t("editor.fields.addLevel")}
              </button>
            ) : null}
          </fieldset>

          <Labelled label={t("editor.fields.rewardTrigger")} error={error("rewardTrigger")} className="max-w-sm">
            <select name="rewardTrigger" defaultValue={product?.rewardTrigger ?? "APPROVAL"} className={control}>
              {REWARD_TRIGGERS.map((trigger) => (
                <option key={trigger} value={trigger}>
                  {t(`rewardTriggers.${trigger}`)}
                </option>
              ))}
            </select>
          </Labelled>
        </div>
      </Section>

      <Section id="cod" title={t("editor.sections.cod")}>
        <div className="flex flex-col gap-4">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="codAllowed" checked={codAllowed} onChange={(event) => setCodAllowed(event.target.checked)} className="size-4 rounded border-slate-300" />
            {t("editor.fields.codAllowed")}
          </label>
          <fieldset disabled={!codAllowed} className="disabled:opacity-50">
            <legend className="mb-2 text-xs font-medium text-slate-600">{t("editor.fields.codCountries")}</legend>
            <div className="flex flex-wrap gap-3">
              {references.countries.map((country) => (
                <label key={country.code} className="flex items-center gap-1.5 text-sm">
                  <input
                    type="checkbox"
                    name="codCountries"
                    value={country.code}
                    defaultChecked={product?.codCountries.includes(country.code) ?? false}
                    className="size-4 rounded border-slate-300"
                  />
                  {country.code}
                </label>
              ))}
            </div>
            {error("codCountries") ? <p className="mt-1 text-xs text-red-700">{error("codCountries")}</p> : null}
          </fieldset>
          <Labelled label={t("editor.fields.confirmationMode")} error={error("confirmationMode")} className="max-w-sm">
            <select name="confirmationMode" defaultValue={product?.confirmationMode ?? "EMAIL_LINK"} className={control}>
              {CONFIRMATION_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`confirmationModes.${mode}`)}
                </option>
              ))}
            </select>
          </Labelled>
        </div>
      </Section>

      <Section id="pages" title={t("editor.sections.pages")}>
        <div className="grid gap-4 md:grid-cols-2">
          <Labelled label={t("editor.fields.confirmPageUrl")} error={error("confirmPageUrl")}>
            <input name="confirmPageUrl" type="url" defaultValue={product?.confirmPageUrl ?? ""} placeholder="https://" className={control} aria-invalid={Boolean(error("confirmPageUrl"))} />
          </Labelled>
          <Labelled label={t("editor.fields.thankYouPageUrl")} error={error("thankYouPageUrl")}>
            <input
              name="thankYouPageUrl"
              type="url"
              defaultValue={product?.thankYouPageUrl ?? ""}
              placeholder="https://"
              className={control}
              aria-invalid={Boolean(error("thankYouPageUrl"))}
            />
          </Labelled>
        </div>
        <p className="mt-2 text-xs text-slate-500">{t("editor.fields.pagesHint")}</p>
      </Section>

      <Section id="stock" title={t("editor.sections.stock")}>
        <div className="flex flex-wrap items-end gap-6">
          <label className="flex items-center gap-2 pb-2 text-sm">
            <input type="checkbox" name="stockTracked" checked={stockTracked} onChange={(event) => setStockTracked(event.target.checked)} className="size-4 rounded border-slate-300" />
            {t("editor.fields.stockTracked")}
          </label>
          {stockTracked ? (
            <Labelled label={t("editor.fields.stock")} error={error("stock")}>
              <input name="stock" inputMode="numeric" defaultValue={product?.stock ?? 0} className={`${control} w-32 tabular-nums`} aria-invalid={Boolean(error("stock"))} />
            </Labelled>
          ) : null}
          {product ? (
            <div className="pb-2 text-sm text-slate-600">
              <p>{t("editor.fields.reserved", { count: product.reserved })}</p>
              {product.stock !== null ? <p>{t("editor.fields.available", { count: product.stock - product.reserved })}</p> : null}
            </div>
          ) : null}
        </div>
      </Section>

      <div className="sticky bottom-0 z-10 flex flex-wrap items-center gap-4 border-t border-slate-200 bg-white/95 px-1 py-3 backdrop-blur">
        {!product ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="isActive" className="size-4 rounded border-slate-300" />
            {t("editor.activeOnCreate")}
          </label>
        ) : null}
        <button type="submit" className={primaryButton} disabled={pending} data-testid="save-product">
          {product ? t("editor.save") : t("editor.create")}
        </button>
        <div className="min-w-0 flex-1">
          <FormMessage state={state} testId="product-form-result" />
        </div>
      </div>
    </form>
  );
}
