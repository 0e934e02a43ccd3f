// What a checkout page says about discounts before the shopper does anything: whether any
// automatic discount or promotion may apply to its product (then the page asks the server for a
// quote rather than trusting its own sums), and the promotion running on it, for the countdown.
// The page is cached for a few seconds: the countdown runs to the promotion's end in the browser,
// and the server's quote and the order's own pricing are what count.
import type { DiscountRule } from "./discount-rule";

export interface CheckoutDiscountHints {
  /** Some automatic discount or promotion may apply to this product's orders. */
  mayApply: boolean;
  /** The promotion on the product ending first, with a countdown (ISO end time). */
  promotion: { name: string; endsAt: string } | null;
}

export function checkoutDiscountHints(rules: readonly DiscountRule[], productIds: readonly string[], now: Date): CheckoutDiscountHints {
  const live = rules.filter((rule) => (!rule.startsAt || rule.startsAt <= now) && (!rule.endsAt || rule.endsAt > now));
  const concerns = (rule: DiscountRule) => rule.productIds.length === 0 || productIds.some((id) => rule.productIds.includes(id) !== rule.productsExcluded);
  const relevant = live.filter(concerns);
  let promotion: CheckoutDiscountHints["promotion"] = null;
  for (const rule of relevant) {
    if (rule.source !== "PROMOTION" || !rule.countdown || !rule.endsAt) continue;
    if (!promotion || rule.endsAt.toISOString() < promotion.endsAt) promotion = { name: rule.label, endsAt: rule.endsAt.toISOString() };
  }
  // A rule starting within the page's cache lifetime may apply by the time the shopper orders.
  const soon = rules.some((rule) => concerns(rule) && rule.startsAt && rule.startsAt > now && rule.startsAt.getTime() - now.getTime() < 60_000);
  return { mayApply: relevant.length > 0 || soon, promotion };
}
