// The data of a checkout page (/checkout/<slug or id>): plain JSON-safe values for a server
// component, priced for the visitor's country on the server. The page computes nothing that
// matters: placeOrder recomputes every amount from the same rules.
import type { PaymentMethod, ProductType, Region, ShippingMethod } from "@/lib/db/generated/enums";
import type { Locale } from "@/lib/i18n/locales";
import { resolveCheckoutFields, type TCheckoutField } from "./checkout-fields";
import { loadCheckoutContext, pickCountry, type CheckoutContext, type CheckoutCountry } from "./load-checkout-context";
import { availablePaymentMethods } from "./payment-methods";
import { offeredShipping } from "./quote-shipping";
import { upsellTexts } from "@/lib/marketing/upsells/upsell-texts";

export type { TCheckoutField } from "./checkout-fields";

export interface TCheckoutView {
  product: {
    id: string;
    slug: string;
    name: string;
    description: string | null;
    imageUrl: string | null;
    type: ProductType;
    currency: string;
    payWhatYouWant: boolean;
    /** With pay-what-you-want: the floor of the amount (minor units); null otherwise or without a floor. */
    minimumPrice: number | null;
    confirmationMode: "EMAIL_LINK" | "OPERATOR" | "NONE";
  };
  /** The country priced for (the requested one when the product sells there). */
  country: string;
  region: Region;
  countries: CheckoutCountry[];
  /** One unit at quantity 1, minor units of product.currency (the suggested amount with pay-what-you-want). */
  unitPrice: number;
  compareAtPrice: number | null;
  /** Quantity pricing of the region, by minQuantity ascending. */
  tiers: { minQuantity: number; unitPrice: number }[];
  /** The most that can be ordered now (stock left, at most 99). */
  maxQuantity: number;
  fields: TCheckoutField[];
  paymentMethods: PaymentMethod[];
  /** Cost of each delivery method offered in the country for one unit (minor units of product.currency). */
  shipping: { method: ShippingMethod; cost: number }[];
  /** unitPrice in the shop's display currencies, converted at the current rates. */
  displayPrices: { currency: string; amount: number }[];
  /** Order bumps: a checkbox each; price per unit in product.currency, `quantity` units are added. */
  bumps: { id: string; title: string; description: string | null; price: number; quantity: number }[];
}

export const MAX_ORDER_QUANTITY = 99;

export async function getCheckout(productSlugOrId: string, options: { country?: string; locale: Locale }): Promise<TCheckoutView> {
  const context = await loadCheckoutContext(productSlugOrId);
  return buildCheckoutView(context, options);
}

export function buildCheckoutView(context: CheckoutContext, options: { country?: string; locale: Locale }): TCheckoutView {
  const { product, rates, settings } = context;
  const country = pickCountry(context, options.country);
  const price = product.prices.find((entry) => entry.region === country.region)!;
  const shipping = offeredShipping(context, country, price.price);
  const available = product.stock === null ? MAX_ORDER_QUANTITY : Math.max(0, product.stock - product.reserved);

  return {
    product: {
      id: product.id,
      slug: product.slug,
      name: product.name,
      description: product.description,
      imageUrl: product.imageUrl,
      type: product.type,
      currency: product.currency,
      payWhatYouWant: product.payWhatYouWant,
      minimumPrice: product.payWhatYouWant ? price.minimumPrice : null,
      confirmationMode: product.confirmationMode,
    },
    country: country.code,
    region: country.region,
    countries: context.countries.map((entry) => ({ ...entry })),
    unitPrice: price.price,
    compareAtPrice: price.compareAtPrice,
    tiers: product.priceTiers.filter((tier) => tier.region === country.region).map((tier) => ({ minQuantity: tier.minQuantity, unitPrice: tier.unitPrice })),
    maxQuantity: Math.min(MAX_ORDER_QUANTITY, available),
    fields: resolveCheckoutFields(product, product.formFields, options.locale),
    paymentMethods: availablePaymentMethods({
      codAllowed: product.codAllowed,
      codCountries: product.codCountries,
      country: country.code,
      productType: product.type,
      stripeEnabled: context.stripeEnabled,
      courierAvailable: shipping.some((entry) => entry.method === "COURIER"),
      enabled: settings.paymentMethodsEnabled,
    }),
    shipping,
    displayPrices: settings.checkoutCurrenciesShown
      .filter((currency) => currency !== product.currency)
      .flatMap((currency) => {
        const amount = rates.convert(price.price, product.currency, currency);
        return amount === null ? [] : [{ currency, amount }];
      }),
    bumps: product.upsells.map((upsell) => ({ id: upsell.id, ...upsellTexts(upsell, options.locale), price: upsell.price, quantity: upsell.quantity })),
  };
}
