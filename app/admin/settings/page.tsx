import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { panel } from "@/components/ui/styles";
import { ActionButtonForm } from "@/components/admin/settings/action-button-form";
import { CountryForm } from "@/components/admin/settings/country-form";
import { SetRateForm } from "@/components/admin/settings/set-rate-form";
import { SETTINGS_TABS, SettingsTabs, type SettingsTab } from "@/components/admin/settings/settings-tabs";
import { ShippingRuleForm, type ShippingRuleFormValues } from "@/components/admin/settings/shipping-rule-form";
import { ShopSettingsForm } from "@/components/admin/settings/shop-settings-form";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { listCountries } from "@/lib/countries/list-countries";
import { listCurrencies } from "@/lib/currencies/list-currencies";
import { Region, ShippingMethod } from "@/lib/db/generated/enums";
import { isStripeEnabled } from "@/lib/env";
import { formatDateTime } from "@/lib/format-date";
import { LOCALES } from "@/lib/i18n/locales";
import { formatMoney, minorUnitsToDecimalString } from "@/lib/money/format";
import { getShopSettings } from "@/lib/settings/get-shop-settings";
import { listRuleProductOptions } from "@/lib/shipping/list-rule-product-options";
import { listShippingRules, type ShippingRuleRow } from "@/lib/shipping/list-shipping-rules";
import {
  deleteShippingRuleAction,
  saveShippingRuleAction,
  saveShopSettingsAction,
  setCountryEnabledAction,
  setCurrencyEnabledAction,
  setExchangeRateAction,
  updateCountryAction,
} from "./actions";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SettingsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireStaffPage(sectionRoles("settings"), "/admin/settings");
  const requested = (await searchParams).tab;
  const tab: SettingsTab = SETTINGS_TABS.find((candidate) => candidate === requested) ?? "shop";
  const t = await getTranslations("settings");
  return (
    <>
      <PageHeader title={t("title")} />
      <SettingsTabs active={tab} />
      {tab === "shop" ? <ShopSection /> : tab === "currencies" ? <CurrenciesSection /> : tab === "countries" ? <CountriesSection /> : <ShippingSection />}
    </>
  );
}

/** "32.5000000000" → "32.5": the stored decimal without its padding, still exact. */
const trimRate = (rate: string) => (rate.includes(".") ? rate.replace(/0+$/, "").replace(/\.$/, "") : rate);

/** Country names in the reader's language (DESIGN.md: names are not stored). */
async function countryNamer() {
  const names = new Intl.DisplayNames([await getLocale()], { type: "region" });
  return (code: string) => `${names.of(code) ?? code} (${code})`;
}

async function ShopSection() {
  const [t, settings, countries, currencies] = await Promise.all([getTranslations("settings.shop"), getShopSettings({ fresh: true }), listCountries(), listCurrencies()]);
  const localeNames = new Intl.DisplayNames([await getLocale()], { type: "language" });
  const countryName = await countryNamer();
  return (
    <section aria-label={t("title")}>
      <ShopSettingsForm
        action={saveShopSettingsAction}
        values={settings}
        countries={countries.filter((country) => country.isEnabled || country.code === settings.defaultCountry).map((country) => ({ code: country.code, label: countryName(country.code) }))}
        locales={LOCALES.map((code) => ({ code, label: localeNames.of(code) ?? code }))}
        currencies={currencies.currencies.filter((currency) => currency.isEnabled || settings.checkoutCurrenciesShown.includes(currency.code)).map((currency) => currency.code)}
        stripeEnabled={isStripeEnabled()}
      />
    </section>
  );
}

async function CurrenciesSection() {
  const [t, overview, locale] = await Promise.all([getTranslations("settings.rates"), listCurrencies(), getLocale()]);
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="settings-currencies" className="flex flex-col gap-3">
        <h2 id="settings-currencies" className="text-lg font-semibold">
          {t("currenciesTitle")}
        </h2>
        <div className={`${panel} overflow-x-auto`}>
          <table className="table" data-testid="currencies-table">
            <thead>
              <tr>
                <th>{t("code")}</th>
                <th>{t("name")}</th>
                <th>{t("symbol")}</th>
                <th>{t("digits")}</th>
                <th>{t("status")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {overview.currencies.map((currency) => (
                <tr key={currency.code} data-testid={`currency-${currency.code}`}>
                  <td className="font-mono">{currency.code}</td>
                  <td>{currency.name}</td>
                  <td>{currency.symbol}</td>
                  <td>{currency.minorUnitDigits}</td>
                  <td>{currency.isEnabled ? t("enabled") : t("disabled")}</td>
                  <td>
                    <ActionButtonForm
                      action={setCurrencyEnabledAction}
                      fields={{ code: currency.code, isEnabled: String(!currency.isEnabled) }}
                      label={currency.isEnabled ? t("disable") : t("enable")}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="settings-rates" className="flex flex-col gap-3">
        <h2 id="settings-rates" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-slate-600">{t("intro")}</p>
        <div className={`${panel} overflow-x-auto`}>
          <table className="table" data-testid="rates-table">
            <thead>
              <tr>
                <th>{t("pair")}</th>
                <th>{t("current")}</th>
                <th>{t("since")}</th>
                <th>{t("example")}</th>
                <th>{t("history")}</th>
              </tr>
            </thead>
            <tbody>
              {overview.pairs.map((pair) => (
                <tr key={`${pair.fromCurrency}-${pair.toCurrency}`} data-testid={`rate-${pair.fromCurrency}-${pair.toCurrency}`}>
                  <td className="font-mono whitespace-nowrap">
                    {pair.fromCurrency} → {pair.toCurrency}
                  </td>
                  <td className="whitespace-nowrap" data-testid={`rate-current-${pair.fromCurrency}-${pair.toCurrency}`}>
                    {pair.current ? `1 ${pair.fromCurrency} = ${trimRate(pair.current.rate)} ${pair.toCurrency}` : "—"}
                  </td>
                  <td className="whitespace-nowrap">{pair.current ? formatDateTime(new Date(pair.current.validFrom)) : "—"}</td>
                  <td className="whitespace-nowrap">
                    {pair.example
                      ? `${formatMoney(pair.example.amountMinor, pair.example.currency, locale)} ≈ ${formatMoney(pair.example.convertedMinor, pair.example.convertedCurrency, locale)}`
                      : "—"}
                  </td>
                  <td>
                    <details>
                      <summary className="cursor-pointer text-sm text-brand-700">{t("historyCount", { count: pair.history.length })}</summary>
                      <ol className="mt-2 flex flex-col gap-1 text-xs text-slate-600">
                        {pair.history.map((row) => (
                          <li key={row.id}>
                            {formatDateTime(new Date(row.validFrom))} · {trimRate(row.rate)} · {row.createdByName ?? row.source}
                          </li>
                        ))}
                      </ol>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <SetRateForm action={setExchangeRateAction} currencies={overview.currencies.map((currency) => currency.code)} />
      </section>
    </div>
  );
}

async function CountriesSection() {
  const [t, tRegion, countries] = await Promise.all([getTranslations("settings.countries"), getTranslations("settings.regions"), listCountries()]);
  const regions = Object.values(Region).map((region) => ({ value: region, label: tRegion(region) }));
  const countryName = await countryNamer();
  return (
    <section aria-label={t("title")} className="flex flex-col gap-3">
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <div className={`${panel} divide-y divide-slate-200`} data-testid="countries-list">
        <div className="grid grid-cols-[2fr_1.2fr_0.6fr_1.6fr_1.6fr_4rem] gap-x-4 px-4 py-2 text-xs font-medium text-slate-500" aria-hidden>
          <span>{t("country")}</span>
          <span>{t("region")}</span>
          <span>{t("phoneCode")}</span>
          <span>{t("phoneMask")}</span>
          <span>{t("postcodePattern")}</span>
          <span>{t("status")}</span>
        </div>
        {countries.map((country) => (
          <details key={country.code} data-testid={`country-${country.code}`}>
            <summary className="grid cursor-pointer grid-cols-[2fr_1.2fr_0.6fr_1.6fr_1.6fr_4rem] items-center gap-x-4 px-4 py-3 text-sm">
              <span className="font-medium">{countryName(country.code)}</span>
              <span>{tRegion(country.region)}</span>
              <span className="font-mono">{country.phoneCode}</span>
              <span className="font-mono text-slate-600">{country.phoneMask ?? "—"}</span>
              <span className="font-mono text-slate-600">{country.postcodePattern ?? "—"}</span>
              <span className={country.isEnabled ? "text-emerald-700" : "text-slate-500"}>{country.isEnabled ? t("enabled") : t("disabled")}</span>
            </summary>
            <div className="border-t border-slate-100 bg-slate-50">
              <div className="px-4 pt-3">
                <ActionButtonForm
                  action={setCountryEnabledAction}
                  fields={{ code: country.code, isEnabled: String(!country.isEnabled) }}
                  label={country.isEnabled ? t("disable") : t("enable")}
                />
              </div>
              <CountryForm action={updateCountryAction} country={country} regions={regions} />
            </div>
          </details>
        ))}
      </div>
    </section>
  );
}

async function ShippingSection() {
  const [t, tRegion, locale, rules, countries, overview, products] = await Promise.all([
    getTranslations("settings.shipping"),
    getTranslations("settings.regions"),
    getLocale(),
    listShippingRules(),
    listCountries(),
    listCurrencies(),
    listRuleProductOptions(),
  ]);
  const countryName = await countryNamer();
  const digitsOf = Object.fromEntries(overview.currencies.map((currency) => [currency.code, currency.minorUnitDigits]));
  const options = {
    methods: Object.values(ShippingMethod).map((method) => ({ value: method, label: t(`methods.${method}`) })),
    regions: Object.values(Region).map((region) => ({ value: region, label: tRegion(region) })),
    countries: countries.map((country) => ({ value: country.code, label: countryName(country.code) })),
    products,
    currencies: overview.currencies.map((currency) => currency.code),
  };
  const formValues = (rule: ShippingRuleRow): ShippingRuleFormValues => {
    const digits = digitsOf[rule.currency] ?? 2;
    return {
      id: rule.id,
      name: rule.name,
      method: rule.method,
      scope: rule.country ? "COUNTRY" : rule.region ? "REGION" : "EVERYWHERE",
      country: rule.country ?? "",
      region: rule.region ?? "",
      productId: rule.productId ?? "",
      cost: minorUnitsToDecimalString(rule.cost, digits),
      currency: rule.currency,
      freeFrom: rule.freeFrom === null ? "" : minorUnitsToDecimalString(rule.freeFrom, digits),
      priority: rule.priority,
      isActive: rule.isActive,
    };
  };
  const blank: ShippingRuleFormValues = {
    name: "",
    method: "POST",
    scope: "EVERYWHERE",
    country: "",
    region: "",
    productId: "",
    cost: "",
    currency: "RUB",
    freeFrom: "",
    priority: 0,
    isActive: true,
  };

  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="settings-shipping-rules" className="flex flex-col gap-3">
        <h2 id="settings-shipping-rules" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-slate-600">{t("intro")}</p>
        <div className={`${panel} divide-y divide-slate-200`} data-testid="shipping-rules">
          <div className="grid grid-cols-[2fr_1fr_1.5fr_1.5fr_1fr_1.5fr_5rem] gap-x-4 px-4 py-2 text-xs font-medium text-slate-500" aria-hidden>
            <span>{t("name")}</span>
            <span>{t("method")}</span>
            <span>{t("scope")}</span>
            <span>{t("product")}</span>
            <span className="text-right">{t("cost")}</span>
            <span>{t("freeFrom")}</span>
            <span>{t("status")}</span>
          </div>
          {rules.length === 0 ? <p className="px-4 py-3 text-sm text-slate-600">{t("empty")}</p> : null}
          {rules.map((rule) => (
            <details key={rule.id} data-testid={`shipping-rule-${rule.id}`}>
              <summary className="grid cursor-pointer grid-cols-[2fr_1fr_1.5fr_1.5fr_1fr_1.5fr_5rem] items-center gap-x-4 px-4 py-3 text-sm">
                <span className="font-medium">{rule.name}</span>
                <span>{t(`methods.${rule.method}`)}</span>
                <span>{rule.country ? countryName(rule.country) : rule.region ? tRegion(rule.region) : t("scopes.EVERYWHERE")}</span>
                <span className="truncate">{rule.productName ?? t("allProducts")}</span>
                <span className="text-right tabular-nums">{formatMoney(rule.cost, rule.currency, locale)}</span>
                <span className="text-slate-600">{rule.freeFrom === null ? "—" : formatMoney(rule.freeFrom, rule.currency, locale)}</span>
                <span className={rule.isActive ? "text-emerald-700" : "text-slate-500"}>{rule.isActive ? t("active") : t("inactive")}</span>
              </summary>
              <div className="flex flex-col gap-3 border-t border-slate-100 bg-slate-50 p-4">
                <ShippingRuleForm action={saveShippingRuleAction} values={formValues(rule)} {...options} />
                <ActionButtonForm
                  action={deleteShippingRuleAction}
                  fields={{ id: rule.id }}
                  label={t("delete")}
                  confirmText={t("deleteConfirm", { name: rule.name })}
                  danger
                  testId={`delete-rule-${rule.id}`}
                />
              </div>
            </details>
          ))}
        </div>
      </section>
      <section aria-labelledby="settings-shipping-new" className={`${panel} flex flex-col gap-3 p-5`}>
        <h2 id="settings-shipping-new" className="font-semibold">
          {t("newTitle")}
        </h2>
        <ShippingRuleForm action={saveShippingRuleAction} values={blank} {...options} />
      </section>
    </div>
  );
}
