// The shop settings name a country and currencies by code; lib/settings checks their shape, this
// checks they exist here: the default country must be one checkout offers, and each currency
// shown on checkout must be a known, enabled one (an unknown code would simply never show).
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export async function checkShopReferences(input: { defaultCountry?: unknown; checkoutCurrenciesShown?: unknown }): Promise<void> {
  const fieldErrors: Record<string, string[]> = {};
  const country = typeof input.defaultCountry === "string" ? input.defaultCountry.trim() : null;
  const currencies = Array.isArray(input.checkoutCurrenciesShown) ? input.checkoutCurrenciesShown.filter((code): code is string => typeof code === "string") : [];

  const [countryRow, currencyRows] = await Promise.all([
    country && /^[A-Z]{2}$/.test(country) ? db.country.findUnique({ where: { code: country }, select: { isEnabled: true } }) : undefined,
    currencies.length ? db.currency.findMany({ where: { code: { in: currencies }, isEnabled: true }, select: { code: true } }) : [],
  ]);
  // undefined: the shape is wrong, and lib/settings reports that in its own words.
  if (countryRow !== undefined && !countryRow?.isEnabled) fieldErrors.defaultCountry = ["settings.errors.countryNotEnabled"];
  const enabled = new Set(currencyRows.map((row) => row.code.trim()));
  if (currencies.some((code) => /^[A-Z]{3}$/.test(code) && !enabled.has(code))) fieldErrors.checkoutCurrenciesShown = ["settings.errors.currencyNotEnabled"];
  if (Object.keys(fieldErrors).length) throw new AppError("VALIDATION", "Some settings are invalid", { fieldErrors });
}
