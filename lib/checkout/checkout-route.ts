// The checkout's public and internal addresses. Shoppers open /checkout/<product>; proxy.ts
// rewrites that to /checkout/<product>/<locale>/<countries>, the statically rendered page (cached
// a few seconds per path), with the visitor's locale and the countries they would be priced for,
// best first: the one asked for with ?country=, else those of the browser's languages. Only
// countries the shop has enabled are named, at most MAX_COUNTRY_WISHES, so the number of cached
// pages stays small whatever a visitor sends.
import { resolveLocale, type Locale } from "@/lib/i18n/locales";
import { countriesFromAcceptLanguage } from "./countries-from-accept-language";

export const MAX_COUNTRY_WISHES = 3;
/** The countries segment when the visitor named none the shop sells to: the shop's default. */
export const NO_COUNTRY_WISH = "-";

const COUNTRY_CODE = /^[A-Za-z]{2}$/;

/** `?country=` when it is a country code, upper-cased; undefined otherwise. */
export const normaliseCountryParam = (value: string | string[] | null | undefined) => (typeof value === "string" && COUNTRY_CODE.test(value) ? value.toUpperCase() : undefined);

/** The countries to try, best first: ?country= alone when given, else those of Accept-Language. */
export function countryWishes(requested: string | null | undefined, acceptLanguage: string | null | undefined, enabled: ReadonlySet<string>): string[] {
  const country = normaliseCountryParam(requested);
  const wishes = country ? [country] : countriesFromAcceptLanguage(acceptLanguage);
  return wishes.filter((code) => enabled.has(code)).slice(0, MAX_COUNTRY_WISHES);
}

export const countriesSegment = (wishes: readonly string[]) => (wishes.length > 0 ? wishes.join("-") : NO_COUNTRY_WISH);

/** The countries of a countries segment; null when it is not one this app makes. */
export function parseCountriesSegment(segment: string): string[] | null {
  if (segment === NO_COUNTRY_WISH) return [];
  const codes = segment.split("-");
  if (codes.length > MAX_COUNTRY_WISHES || !codes.every((code) => /^[A-Z]{2}$/.test(code))) return null;
  return codes;
}

/** `/checkout/<product>` (one segment, an optional trailing slash): the product as written in the URL. */
export const publicCheckoutProduct = (pathname: string) => /^\/checkout\/([^/]+)\/?$/.exec(pathname)?.[1] ?? null;

/** The internal path of the static checkout page (`product` as it appeared in the URL, still encoded). */
export const checkoutPagePath = (product: string, locale: Locale, wishes: readonly string[]) => `/checkout/${product}/${locale}/${countriesSegment(wishes)}`;

/** Header set by the production server (server.ts) on a checkout view it has already rewritten, so the proxy need not run. */
export const CHECKOUT_REWRITTEN_HEADER = "x-lavka-checkout-rewritten";

/**
 * The internal path of a public checkout view: the visitor's locale (cookie, else
 * Accept-Language) and countries (?country=, else Accept-Language, enabled ones only). Null when
 * `pathname` is not a public checkout address.
 */
export function resolveCheckoutPagePath(
  pathname: string,
  visitor: { country: string | null; localeCookie: string | undefined; acceptLanguage: string | null },
  enabledCountries: ReadonlySet<string>,
): string | null {
  const product = publicCheckoutProduct(pathname);
  if (product === null) return null;
  const locale = resolveLocale(visitor.localeCookie, visitor.acceptLanguage);
  return checkoutPagePath(product, locale, countryWishes(visitor.country, visitor.acceptLanguage, enabledCountries));
}
