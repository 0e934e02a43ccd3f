// The checkout's live summary. For display only: the server prices the order again from the
// database when it is placed and never reads these numbers.
import { shippingMethodsFor } from "@/lib/checkout/payment-methods";
import type { PaymentMethod, ProductType, ShippingMethod } from "@/lib/db/generated/enums";
import { unitPriceFor } from "@/lib/pricing/unit-price";

export type TDisplayTotals = {
  unitPrice: number;
  mainTotal: number;
  bumpsTotal: number;
  itemsTotal: number;
  shipping: number | null;
  total: number;
};

/**
 * Shipping for the payment method: the first delivery method that goes with it and is offered
 * in the country (the same default placeOrder takes); null when nothing is shipped (digital).
 */
export function shippingFor(shipping: readonly { method: ShippingMethod; cost: number }[], paymentMethod: PaymentMethod | null, productType: ProductType): number | null {
  if (!paymentMethod) return shipping[0]?.cost ?? null;
  for (const method of shippingMethodsFor(paymentMethod, productType)) {
    const offered = shipping.find((option) => option.method === method);
    if (offered) return offered.cost;
  }
  return null;
}

export function computeDisplayTotals(input: {
  basePrice: number;
  tiers: readonly { minQuantity: number; unitPrice: number }[];
  quantity: number;
  /** Pay-what-you-want amount per unit, when the product has it and the shopper typed one. */
  payAmount: number | null;
  /** Line totals of the ticked order bumps. */
  bumpPrices: readonly number[];
  shipping: number | null;
}): TDisplayTotals {
  const quantity = Number.isSafeInteger(input.quantity) && input.quantity > 0 ? input.quantity : 1;
  const unitPrice = input.payAmount ?? unitPriceFor({ price: input.basePrice, tiers: input.tiers, quantity });
  const mainTotal = unitPrice * quantity;
  const bumpsTotal = input.bumpPrices.reduce((sum, price) => sum + price, 0);
  const itemsTotal = mainTotal + bumpsTotal;
  return { unitPrice, mainTotal, bumpsTotal, itemsTotal, shipping: input.shipping, total: itemsTotal + (input.shipping ?? 0) };
}
