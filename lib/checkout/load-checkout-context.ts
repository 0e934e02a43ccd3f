// Everything a checkout needs about one product, read once: the product with its prices, tiers,
// form, order bumps, own shipping rules and mail texts (one query, findCheckoutProduct), the countries it can be sold
// to, the shop-wide shipping rules, the shop settings and the exchange rates. getCheckout renders
// from it, placeOrder validates and prices with it.
//
// The product, countries and shop-wide rules, like settings and rates, change rarely and are read
// on every checkout view and order, so each process keeps them for a few seconds (lib/cache/ttl-cache). Code that
// changes them calls clearCheckoutCaches() so its own process sees the change at once; other
// processes catch up within that time.
import { createKeyedTtlCache, createTtlCache } from "@/lib/cache/ttl-cache";
import { db } from "@/lib/db";
import type { Region } from "@/lib/db/generated/enums";
import { isStripeEnabled } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clearRatesCache, getRatesMap } from "@/lib/pricing/get-rates-map";
import type { RatesMap } from "@/lib/pricing/rates-map";
import type { ShippingRuleInput } from "@/lib/pricing/shipping-cost";
import { clearShopSettingsCache, getShopSettings } from "@/lib/settings/get-shop-settings";
import type { TShopSettings } from "@/lib/settings/shop-settings";
import { findCheckoutProduct, type CheckoutProduct } from "./find-checkout-product";

const shippingRuleSelect = { id: true, method: true, productId: true, country: true, region: true, cost: true, currency: true, freeFrom: true, priority: true, isActive: true } as const;

export interface CheckoutCountry {
  code: string;
  region: Region;
  phoneCode: string;
  phoneMask: string | null;
  postcodePattern: string | null;
}

export type { CheckoutProduct };

export interface CheckoutContext {
  product: CheckoutProduct;
  /** Enabled countries whose price region the product has a price for, in the shop's order. */
  countries: CheckoutCountry[];
  shippingRules: ShippingRuleInput[];
  settings: TShopSettings;
  rates: RatesMap;
  stripeEnabled: boolean;
}

// Slugs and cuids are short; anything longer is not a product and need not reach the database.
const MAX_PRODUCT_REF = 200;

/** Loads the checkout of an active product by slug or id; NOT_FOUND otherwise. */
export async function loadCheckoutContext(productSlugOrId: unknown): Promise<CheckoutContext> {
  const ref = typeof productSlugOrId === "string" ? productSlugOrId.trim() : "";
  if (!ref || ref.length > MAX_PRODUCT_REF) throw new AppError("NOT_FOUND", "Product not found");
  const product = await getCheckoutProduct(ref);
  if (!product) throw new AppError("NOT_FOUND", "Product not found");

  const [reference, settings, rates] = await Promise.all([getCheckoutReference(), getShopSettings(), getRatesMap()]);
  const pricedRegions = new Set(product.prices.map((price) => price.region));
  const countries = reference.countries.filter((country) => pricedRegions.has(country.region));
  // A product priced nowhere the shop ships cannot be bought: same answer as an unknown one.
  if (countries.length === 0) throw new AppError("NOT_FOUND", "Product not found");
  return {
    product,
    countries,
    shippingRules: [...reference.shopShippingRules, ...product.shippingRules],
    settings,
    rates,
    stripeEnabled: isStripeEnabled(),
  };
}

/** The country to price for: the requested one if the product sells there, else the shop's default, else the first. */
export function pickCountry(context: Pick<CheckoutContext, "countries" | "settings">, requested?: string): CheckoutCountry {
  const code = requested?.trim().toUpperCase();
  return context.countries.find((country) => country.code === code) ?? context.countries.find((country) => country.code === context.settings.defaultCountry) ?? context.countries[0]!;
}

interface CheckoutReference {
  countries: CheckoutCountry[];
  /** Active rules for every product (productId null). */
  shopShippingRules: ShippingRuleInput[];
}

const referenceCache = createTtlCache("checkout-reference", 5_000, async (): Promise<CheckoutReference> => {
  const [countries, rules] = await Promise.all([
    db.country.findMany({
      where: { isEnabled: true },
      select: { code: true, region: true, phoneCode: true, phoneMask: true, postcodePattern: true },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    }),
    db.shippingRule.findMany({ where: { isActive: true, productId: null }, select: shippingRuleSelect }),
  ]);
  return {
    countries: countries.map((country) => ({ ...country, code: country.code.trim() })),
    shopShippingRules: rules.map(trimRule),
  };
});

const getCheckoutReference = () => referenceCache.get();

const enabledCodeSets = new WeakMap<CheckoutReference, ReadonlySet<string>>();

/** The codes of the countries the shop has enabled (from the cached reference data): the checkout's rewrite names only these. */
export async function getEnabledCountryCodes(): Promise<ReadonlySet<string>> {
  const reference = await getCheckoutReference();
  let codes = enabledCodeSets.get(reference);
  if (!codes) enabledCodeSets.set(reference, (codes = new Set(reference.countries.map((country) => country.code))));
  return codes;
}

// CHAR columns come back padded in some drivers; codes are compared as written.
function trimRule<R extends { country: string | null; currency: string }>(rule: R): R {
  return { ...rule, country: rule.country?.trim() ?? null, currency: rule.currency.trim() };
}

// Products are cached the same way, by the slug or id they were asked for: every order and page
// view of a product would otherwise read it again. Stock in the cached copy is only a first
// check; the reservation in the order's transaction is the one that counts. Unknown refs are not
// kept (anyone can make up slugs), and the map is bounded.
const productCache = createKeyedTtlCache("checkout-products", 5_000, findCheckoutProduct, { maxEntries: 500, keep: (product) => product !== null });

const getCheckoutProduct = (ref: string): Promise<CheckoutProduct | null> => productCache.get(ref);

/** Forget the cached products, countries, shop-wide shipping rules, settings and rates (after editing them, and in tests). */
export function clearCheckoutCaches() {
  productCache.clear();
  referenceCache.clear();
  clearShopSettingsCache();
  clearRatesCache();
}
