// Delivery cost of a checkout, shared by the page (getCheckout) and the order (placeOrder).
// Post is always offered for physical goods, free where the shop has no rule for it (a shop that
// set no rates charges nothing); courier and pickup points exist only where a rule offers them.
// Digital goods are not shipped.
import type { ShippingMethod } from "@/lib/db/generated/enums";
import { shippingCost } from "@/lib/pricing/shipping-cost";
import type { CheckoutContext, CheckoutCountry } from "./load-checkout-context";

export const SHIPPING_METHODS: readonly ShippingMethod[] = ["POST", "COURIER", "PICKUP_POINT"];

/** The cost of `method` in minor units of the product's currency, or null when it is not offered. */
export function quoteShipping(context: Pick<CheckoutContext, "product" | "shippingRules" | "rates">, country: CheckoutCountry, method: ShippingMethod, itemsTotal: number): number | null {
  if (context.product.type === "DIGITAL") return null;
  const quote = shippingCost(
    context.shippingRules,
    { productId: context.product.id, country: country.code, region: country.region, method, itemsTotal, currency: context.product.currency },
    context.rates.convert,
  );
  if (quote) return quote.cost;
  return method === "POST" ? 0 : null;
}

/** Every delivery method offered in the country with its cost for `itemsTotal`. */
export function offeredShipping(
  context: Pick<CheckoutContext, "product" | "shippingRules" | "rates">,
  country: CheckoutCountry,
  itemsTotal: number,
): { method: ShippingMethod; cost: number }[] {
  return SHIPPING_METHODS.flatMap((method) => {
    const cost = quoteShipping(context, country, method, itemsTotal);
    return cost === null ? [] : [{ method, cost }];
  });
}
