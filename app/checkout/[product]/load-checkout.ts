// Loads the checkout view once per render (the page and its metadata both need it) and picks
// the visitor's country: the first of the countries named in the page's path (proxy.ts put
// ?country= or the regions of the browser's languages there) that the product is sold in.
// It is getCheckout in its two steps, so that the country can be chosen from the countries the
// product is sold in without a second read.
import { cache } from "react";
import { parseCountriesSegment } from "@/lib/checkout/checkout-route";
import { buildCheckoutView } from "@/lib/checkout/get-checkout";
import { loadCheckoutContext } from "@/lib/checkout/load-checkout-context";
import type { Locale } from "@/lib/i18n/locales";

/** `countries` is the page's countries segment (a string, so that React's cache matches it). */
export const loadCheckout = cache(async (product: string, countries: string, locale: Locale) => {
  const context = await loadCheckoutContext(product);
  const countryWishes = parseCountriesSegment(countries) ?? [];
  // The first wish the shop can serve; none (an unknown ?country=, a browser from elsewhere)
  // prices for the shop's default country.
  const country = countryWishes.find((code) => context.countries.some((served) => served.code === code));
  return buildCheckoutView(context, { country, locale });
});
