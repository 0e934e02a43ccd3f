// Checks a checkout submission against the product's rules and prices it: the order's lines and
// totals as the server computes them (the client's figures are never read). Pure over the loaded
// CheckoutContext, so every bad input is found before a transaction starts, all at once, as
// field errors (i18n keys of "checkoutErrors") keyed like the form's fields.
import type { OrderItemKind, PaymentMethod, Region, ShippingMethod } from "@/lib/db/generated/enums";
import { AppError, type FieldErrors } from "@/lib/errors";
import { applyDiscounts, type DiscountOutcome } from "@/lib/marketing/discounts/apply-discounts";
import type { AppliedDiscount, CustomerFacts, DiscountRule } from "@/lib/marketing/discounts/discount-rule";
import { computeTotals, MAX_ORDER_TOTAL, type Totals } from "@/lib/pricing/compute-totals";
import { checkPayWhatYouWant, unitPriceFor } from "@/lib/pricing/unit-price";
import { resolveCheckoutFields } from "./checkout-fields";
import type { CheckoutContext, CheckoutCountry } from "./load-checkout-context";
import { availablePaymentMethods, shippingMethodsFor } from "./payment-methods";
import type { TPlaceOrderInput } from "./place-order";
import { quoteShipping } from "./quote-shipping";
import { validateCheckoutFields, type ValidatedCheckoutValues } from "./validate-checkout-fields";

export interface PricedLine {
  productId: string;
  kind: OrderItemKind;
  upsellId: string | null;
  productName: string;
  quantity: number;
  unitPrice: number;
  unitCost: number;
}

export interface PricedOrder extends PricedCart {
  values: ValidatedCheckoutValues;
}

export interface PricedCart {
  country: CheckoutCountry;
  region: Region;
  paymentMethod: PaymentMethod;
  shippingMethod: ShippingMethod | null;
  lines: PricedLine[];
  totals: Totals;
  /** The discounts applied (each one OrderDiscount row); their amounts add up to totals.discountTotal. */
  discounts: AppliedDiscount[];
  /** The coupon the order gets (applied), or null. */
  coupon: { id: string; code: string } | null;
  /** What became of the coupon entered, if any (lib/marketing/discounts). */
  couponOutcome: DiscountOutcome["coupon"];
}

/**
 * The discounts a cart is priced with: the coupon entered (null: none, or no such code), the
 * automatic discounts and promotions in force, what is known of the customer, and the time.
 */
export interface DiscountInput {
  /** The code as entered (trimmed, upper-case); with `coupon` null, an unknown code. */
  couponCode: string | null;
  coupon: DiscountRule | null;
  rules: readonly DiscountRule[];
  facts: CustomerFacts | null;
  now: Date;
}

/** The part of the checkout input that decides the price (the contact fields do not). */
export type CartInput = Pick<TPlaceOrderInput, "country" | "quantity" | "paymentMethod" | "shippingMethod" | "payAmount" | "bumpIds">;

/** Field-error key of each reason a coupon does not apply (messages: checkoutErrors.coupon.*). */
export const couponProblemKey = (problem: string) => `checkoutErrors.coupon.${problem}`;

const PAY_AMOUNT_ERRORS = {
  NOT_AN_AMOUNT: "checkoutErrors.amountInvalid",
  BELOW_MINIMUM: "checkoutErrors.amountBelowMinimum",
  TOO_LARGE: "checkoutErrors.amountTooLarge",
} as const;

export const checkoutValidationError = (fieldErrors: FieldErrors) => new AppError("VALIDATION", "Some fields are invalid", { fieldErrors });

/** Validates and prices; throws AppError VALIDATION with every field error found. */
export function priceOrder(context: CheckoutContext, input: TPlaceOrderInput, discounts?: DiscountInput): PricedOrder {
  const fieldErrors: FieldErrors = {};
  const country = context.countries.find((entry) => entry.code === input.country);
  if (!country) throw checkoutValidationError({ country: ["checkoutErrors.countryNotAvailable"] });
  const fields = resolveCheckoutFields(context.product, context.product.formFields, input.locale);
  const { values, fieldErrors: formErrors } = validateCheckoutFields(fields, input.fields, country);
  Object.assign(fieldErrors, formErrors);

  const { cart, fieldErrors: cartErrors } = priceCart(context, input, discounts);
  for (const [key, messages] of Object.entries(cartErrors)) (fieldErrors[key] ??= []).push(...messages);

  if (Object.keys(fieldErrors).length === 0 && input.expectedTotal !== undefined && input.expectedTotal !== cart.totals.total) {
    // The page showed another total (prices changed, a promotion ended, or the figure was
    // tampered with): the shopper must see the real one before committing to it.
    fail(fieldErrors, "total", "checkoutErrors.totalChanged");
  }
  if (Object.keys(fieldErrors).length > 0) throw checkoutValidationError(fieldErrors);
  return { ...cart, values };
}

/** The normalised phone and email the form's contact fields give (for the discount rules that look at the customer). */
export function checkoutContactOf(
  context: CheckoutContext,
  input: Pick<TPlaceOrderInput, "country" | "locale" | "fields">,
): { phoneNormalized: string | null; emailNormalized: string | null } {
  const country = context.countries.find((entry) => entry.code === input.country);
  if (!country) return { phoneNormalized: null, emailNormalized: null };
  const fields = resolveCheckoutFields(context.product, context.product.formFields, input.locale);
  const { values } = validateCheckoutFields(fields, input.fields, country);
  return { phoneNormalized: values.phoneNormalized, emailNormalized: values.emailNormalized };
}

function fail(fieldErrors: FieldErrors, key: string, message: string) {
  (fieldErrors[key] ??= []).push(message);
}

/**
 * The cart's lines, shipping, discounts and totals, with the problems of the price-deciding
 * input as field errors (the contact fields are not looked at). The checkout's live quote
 * prices with it; priceOrder adds the form's fields. The country must be one of the context's.
 */
export function priceCart(context: CheckoutContext, input: CartInput, discounts?: DiscountInput): { cart: PricedCart; fieldErrors: FieldErrors } {
  const { product } = context;
  const fieldErrors: FieldErrors = {};
  const failOn = (key: string, message: string) => fail(fieldErrors, key, message);
  const country = context.countries.find((entry) => entry.code === input.country);
  if (!country) throw checkoutValidationError({ country: ["checkoutErrors.countryNotAvailable"] });
  const price = product.prices.find((entry) => entry.region === country.region)!;

  // The main line: pay-what-you-want takes the shopper's amount (no tiers), otherwise tiers apply.
  let unitPrice: number;
  if (product.payWhatYouWant) {
    const amount = input.payAmount ?? price.price;
    const problem = checkPayWhatYouWant(amount, price.minimumPrice);
    if (problem) failOn("payAmount", PAY_AMOUNT_ERRORS[problem]);
    unitPrice = problem ? price.price : amount;
  } else {
    const tiers = product.priceTiers.filter((tier) => tier.region === country.region);
    unitPrice = unitPriceFor({ price: price.price, tiers, quantity: input.quantity });
  }
  // An early answer; the reservation in the order's transaction is what really decides.
  if (product.stock !== null && product.stock - product.reserved < input.quantity) failOn("quantity", "checkoutErrors.outOfStock");

  const lines: PricedLine[] = [{ productId: product.id, kind: "MAIN", upsellId: null, productName: product.name, quantity: input.quantity, unitPrice, unitCost: product.baseCost }];
  for (const bumpId of new Set(input.bumpIds ?? [])) {
    const bump = product.upsells.find((upsell) => upsell.id === bumpId);
    if (!bump) {
      failOn("bumpIds", "checkoutErrors.bumpUnknown");
      continue;
    }
    lines.push({
      productId: bump.offerProduct.id,
      kind: "BUMP",
      upsellId: bump.id,
      productName: bump.offerProduct.name,
      quantity: bump.quantity,
      unitPrice: bump.price,
      unitCost: bump.offerProduct.baseCost,
    });
  }

  const offered = {
    courier: quoteShipping(context, country, "COURIER", 0) !== null,
  };
  const methods = availablePaymentMethods({
    codAllowed: product.codAllowed,
    codCountries: product.codCountries,
    country: country.code,
    productType: product.type,
    stripeEnabled: context.stripeEnabled,
    courierAvailable: offered.courier,
    enabled: context.settings.paymentMethodsEnabled,
  });
  if (!methods.includes(input.paymentMethod)) {
    failOn("paymentMethod", input.paymentMethod === "COD" ? "checkoutErrors.codNotAllowed" : "checkoutErrors.paymentMethodNotAllowed");
  }

  let itemsTotal = 0;
  for (const line of lines) itemsTotal += line.unitPrice * line.quantity;

  let shippingMethod: ShippingMethod | null = null;
  let shipping = 0;
  const candidates = shippingMethodsFor(input.paymentMethod, product.type);
  if (candidates.length > 0) {
    const wanted = input.shippingMethod ?? candidates.find((method) => quoteShipping(context, country, method, itemsTotal) !== null);
    const cost = wanted && candidates.includes(wanted) ? quoteShipping(context, country, wanted, itemsTotal) : null;
    if (wanted && cost !== null) {
      shippingMethod = wanted;
      shipping = cost;
    } else if (!fieldErrors.paymentMethod) {
      failOn("shippingMethod", "checkoutErrors.shippingNotAvailable");
    }
  }

  // Discounts are worked out on the undiscounted lines and shipping (lib/marketing/discounts).
  let outcome: DiscountOutcome = { applied: [], itemsDiscount: 0, shippingDiscount: 0, coupon: null };
  if (discounts) {
    outcome = applyDiscounts({
      cart: { currency: product.currency, region: country.region, lines, shipping },
      coupon: discounts.coupon,
      rules: discounts.rules,
      facts: discounts.facts,
      now: discounts.now,
      convert: (amount, from, to) => context.rates.convert(amount, from, to),
    });
    if (discounts.couponCode && !discounts.coupon) failOn("coupon", couponProblemKey("UNKNOWN"));
    else if (outcome.coupon?.status === "NOT_APPLICABLE") failOn("coupon", couponProblemKey(outcome.coupon.problem));
  }

  let totals: Totals = { itemsTotal: 0, discountTotal: 0, shippingTotal: 0, total: 0 };
  if (itemsTotal + shipping > MAX_ORDER_TOTAL) failOn(product.payWhatYouWant ? "payAmount" : "quantity", "checkoutErrors.totalTooLarge");
  else totals = computeTotals({ items: lines, shipping, discount: outcome.itemsDiscount, shippingDiscount: outcome.shippingDiscount });

  const applied = outcome.applied.find((entry) => entry.source === "COUPON");
  return {
    cart: {
      country,
      region: country.region,
      paymentMethod: input.paymentMethod,
      shippingMethod,
      lines,
      totals,
      discounts: outcome.applied,
      coupon: applied ? { id: applied.id, code: applied.label } : null,
      couponOutcome: discounts?.couponCode && !discounts.coupon ? { status: "NOT_APPLICABLE", problem: "UNKNOWN" } : outcome.coupon,
    },
    fieldErrors,
  };
}
