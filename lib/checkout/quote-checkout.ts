// The checkout page's live quote: the cart's totals and discounts as the server prices them now
// (priceCart, the same pricing placeOrder charges by), for the quantity, country, payment method,
// order bumps and coupon the shopper has chosen so far. The page shows these figures and sends the
// total it showed with the order, so a stale cached page or a promotion that ended meanwhile is
// caught before anyone is charged (priceOrder refuses a total the shopper did not see). Reads
// only; a quote with a coupon code takes a point of a per-IP limit, so codes cannot be guessed.
import { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";
import { findCoupon, ZCouponCode } from "@/lib/marketing/discounts/find-coupon";
import { loadDiscountRules, rulesNeedCustomer } from "@/lib/marketing/discounts/load-discount-rules";
import { readCustomerFacts } from "@/lib/marketing/discounts/read-customer-facts";
import type { DiscountProblem, DiscountRuleSource } from "@/lib/marketing/discounts/discount-rule";
import { pgPoolRunner } from "@/lib/db/sql-runner";
import { consumeRateLimit } from "@/lib/rate-limit";
import type { Totals } from "@/lib/pricing/compute-totals";
import { loadCheckoutContext } from "./load-checkout-context";
import { checkoutContactOf, priceCart } from "./price-order";
import { ZPlaceOrderInput } from "./place-order";

export const ZQuoteCheckoutInput = ZPlaceOrderInput.pick({
  product: true,
  quantity: true,
  country: true,
  paymentMethod: true,
  shippingMethod: true,
  payAmount: true,
  bumpIds: true,
  locale: true,
}).extend({
  coupon: z.preprocess((value) => (value === "" || value === null ? undefined : value), ZCouponCode.optional()),
  /** The contact typed so far (phone, email fields by key): first-order and per-customer rules look at it. */
  fields: z.record(z.string().max(64), z.string().max(500)).optional(),
});

export interface CheckoutQuote {
  currency: string;
  totals: Totals;
  discounts: { source: DiscountRuleSource; label: string; amount: number }[];
  /** The coupon entered: applied, not applicable (why; with the minimum where there is one), or beaten by a better discount. */
  coupon: { code: string; status: "APPLIED" | "NOT_BEST" } | { code: string; status: "NOT_APPLICABLE"; problem: DiscountProblem; minimum?: number } | null;
  /** Problems of the cart itself (a quantity out of stock, …) as checkoutErrors keys. */
  fieldErrors: FieldErrors;
}

export async function quoteCheckout(input: unknown, context: { ip: string }): Promise<CheckoutQuote> {
  const parsed = ZQuoteCheckoutInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "The quote input is invalid");
  const data = parsed.data;
  if (data.coupon) await consumeRateLimit("couponQuote", context.ip || "unknown");
  const [checkout, rules, coupon] = await Promise.all([loadCheckoutContext(data.product), loadDiscountRules(), data.coupon ? findCoupon(data.coupon) : null]);
  if (!checkout.countries.some((country) => country.code === data.country)) throw new AppError("VALIDATION", "The country is not available");

  const needsCustomer = rulesNeedCustomer(coupon ? [coupon, ...rules] : rules);
  const contact = needsCustomer && data.fields ? checkoutContactOf(checkout, { country: data.country, locale: data.locale, fields: data.fields }) : null;
  const facts = contact ? await readCustomerFacts(pgPoolRunner(), contact, coupon?.id ?? null) : null;
  const { cart, fieldErrors } = priceCart(checkout, data, { couponCode: data.coupon ?? null, coupon, rules, facts, now: new Date() });
  delete fieldErrors.coupon;
  const outcome = cart.couponOutcome;
  return {
    currency: checkout.product.currency,
    totals: cart.totals,
    discounts: cart.discounts.map((discount) => ({ source: discount.source, label: discount.label, amount: discount.amount })),
    coupon: !data.coupon || !outcome ? null : outcome.status === "NOT_APPLICABLE" ? { code: data.coupon, ...outcome } : { code: data.coupon, status: outcome.status },
    fieldErrors,
  };
}
