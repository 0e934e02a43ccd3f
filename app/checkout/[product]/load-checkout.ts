// Loads the checkout view once per request (the page and its metadata both need it) and picks
// the visitor's country: ?country= when given, else the regions of the browser's languages.
// It is getCheckout in its two steps, so that the country can be chosen from the countries the
// product is sold in without a second read.
import { cache } from "react";
import { buildCheckoutView } from "@/lib/checkout/get-checkout";
import { loadCheckoutContext } from "@/lib/checkout/load-checkout-context";
import type { Locale } from "@/lib/i18n/locales";
import { countriesFromAcceptLanguage } from "@/components/checkout/countries-from-accept-language";

export const normaliseCountryParam = (value: string | string[] | undefined) => (typeof value === "string" && /^[A-Za-z]{2}$/.test(value) ? value.toUpperCase() : undefined);

export const loadCheckout = cache(async (product: string, requestedCountry: string | undefined, acceptLanguage: string | null, locale: Locale) => {
  const context = await loadCheckoutContext(product);
  // The first wish the shop can serve; none (an unknown ?country=, a browser from elsewhere)
  // prices for the shop's default country.
  const wishes = requestedCountry ? [requestedCountry] : countriesFromAcceptLanguage(acceptLanguage);
  const country = wishes.find((code) => context.countries.some((served) => served.code === code));
  return buildCheckoutView(context, { country, locale });
});
