// Which payment and delivery methods a checkout offers. Pure, shared by getCheckout (what the page
// shows) and placeOrder (what it accepts), so both apply the same rule.
import type { PaymentMethod, ProductType, ShippingMethod } from "@/lib/db/generated/enums";

export const CHECKOUT_PAYMENT_METHODS = ["COD", "COURIER", "PREPAID"] as const satisfies readonly PaymentMethod[];

export interface PaymentMethodRules {
  codAllowed: boolean;
  /** Empty: COD everywhere the shop ships. */
  codCountries: readonly string[];
  country: string;
  stripeEnabled: boolean;
  productType: ProductType;
  /** A COURIER shipping rule applies to the country. */
  courierAvailable: boolean;
  /** The shop-wide switch (settings.paymentMethodsEnabled). */
  enabled: readonly PaymentMethod[];
}

export function isCodAllowed(rules: Pick<PaymentMethodRules, "codAllowed" | "codCountries" | "country">): boolean {
  return rules.codAllowed && (rules.codCountries.length === 0 || rules.codCountries.includes(rules.country));
}

export function availablePaymentMethods(rules: PaymentMethodRules): PaymentMethod[] {
  const methods: PaymentMethod[] = [];
  if (isCodAllowed(rules)) methods.push("COD");
  // Cash to a courier is still cash on delivery, so it follows the product's COD switch; where a
  // courier goes is the shipping rules' business, not the COD country list (that one is the post's).
  if (rules.codAllowed && rules.courierAvailable && rules.productType === "PHYSICAL") methods.push("COURIER");
  if (rules.stripeEnabled) methods.push("PREPAID");
  return methods.filter((method) => rules.enabled.includes(method));
}

/** Delivery methods that go with a payment method (the first is the default). */
export function shippingMethodsFor(paymentMethod: PaymentMethod, productType: ProductType): ShippingMethod[] {
  if (productType === "DIGITAL") return [];
  switch (paymentMethod) {
    case "COD":
      return ["POST", "PICKUP_POINT"];
    case "COURIER":
      return ["COURIER"];
    case "PREPAID":
      return ["POST", "PICKUP_POINT", "COURIER"];
  }
}
