// The discount rules (issue 9), pure: which coupons, automatic discounts and promotions apply to a
// cart, how much each takes off, and which of them the order gets.
//
// - A rule applies when it is active and within its dates, the cart has products it is for (the
//   listed ones, or all but the excluded ones), their quantity and the cart's items total reach
//   its minimums, the region and the customer's RFM segment / ABC class match, the customer has
//   no earlier order when it is for first orders only, and a coupon is not used up (in all or by
//   this customer). A FIXED or PRICE rule in another currency than the cart's never applies.
// - Scope: ORDER takes off the products it is for and the shipping, ITEMS the products only,
//   SHIPPING the shipping only. PERCENT is basis points of that base (rounded half-up); FIXED
//   is one amount off the base (products first, then shipping); PRICE (promotions) lowers each
//   unit of its products to the sale price (never raises it).
// - Stacking: one discount per order, the best for the customer (ties: the higher priority, then
//   a promotion or automatic discount before the coupon, so the coupon's use is kept); unless the
//   combinable rules together take off more, in which case all of those apply, adding up — the
//   items never below zero, the shipping never below zero.
import { percentOf } from "@/lib/affiliates/commissions/compute-commissions";
import type { AppliedDiscount, ConvertMinor, CustomerFacts, DiscountCart, DiscountProblem, DiscountRule } from "./discount-rule";

export type RuleCheck = { ok: true; itemsAmount: number; shippingAmount: number } | { ok: false; problem: DiscountProblem; minimum?: number };

const NEW_CUSTOMER: CustomerFacts = { earlierOrders: 0, couponUses: 0, rfmSegment: null, abcClass: null };

/** Whether one rule applies to the cart, and what it would take off on its own. */
export function checkDiscountRule(rule: DiscountRule, cart: DiscountCart, facts: CustomerFacts | null, now: Date, convert?: ConvertMinor): RuleCheck {
  const customer = facts ?? NEW_CUSTOMER;
  if (!rule.isActive) return { ok: false, problem: "INACTIVE" };
  if (rule.startsAt && rule.startsAt > now) return { ok: false, problem: "NOT_STARTED" };
  if (rule.endsAt && rule.endsAt <= now) return { ok: false, problem: "EXPIRED" };
  if (rule.maxUses !== null && rule.usedCount >= rule.maxUses) return { ok: false, problem: "USED_UP" };
  const foreign = rule.currency !== null && rule.currency !== cart.currency;
  if (foreign && rule.kind !== "PERCENT") return { ok: false, problem: "FOREIGN_CURRENCY" };
  if (rule.region && rule.region !== cart.region) return { ok: false, problem: "REGION" };

  const listed = new Set(rule.productIds);
  const eligible = cart.lines.filter((line) => listed.size === 0 || listed.has(line.productId) !== rule.productsExcluded);
  if (eligible.length === 0) return { ok: false, problem: "PRODUCT_EXCLUDED" };
  const quantity = eligible.reduce((sum, line) => sum + line.quantity, 0);
  if (rule.minQuantity !== null && quantity < rule.minQuantity) return { ok: false, problem: "MIN_QUANTITY", minimum: rule.minQuantity };
  if (rule.minOrderTotal !== null) {
    const itemsTotal = cart.lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
    const minimum = foreign ? (convert?.(rule.minOrderTotal, rule.currency!, cart.currency) ?? null) : rule.minOrderTotal;
    if (minimum === null) return { ok: false, problem: "FOREIGN_CURRENCY" };
    if (itemsTotal < minimum) return { ok: false, problem: "MIN_TOTAL", minimum };
  }
  if (rule.rfmSegments.length > 0 && !(customer.rfmSegment && rule.rfmSegments.includes(customer.rfmSegment))) return { ok: false, problem: "SEGMENT" };
  if (rule.abcClasses.length > 0 && !(customer.abcClass && rule.abcClasses.includes(customer.abcClass))) return { ok: false, problem: "SEGMENT" };
  if (rule.firstOrderOnly && customer.earlierOrders > 0) return { ok: false, problem: "FIRST_ORDER_ONLY" };
  if (rule.source === "COUPON" && rule.maxUsesPerCustomer !== null && customer.couponUses >= rule.maxUsesPerCustomer) return { ok: false, problem: "USED_BY_CUSTOMER" };

  const itemsBase = rule.scope === "SHIPPING" ? 0 : eligible.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
  const shippingBase = rule.scope === "ITEMS" ? 0 : cart.shipping;
  let itemsAmount = 0;
  let shippingAmount = 0;
  if (rule.kind === "PRICE") {
    // A sale price is about the products: it never touches shipping.
    for (const line of eligible) itemsAmount += Math.max(0, line.unitPrice - rule.value) * line.quantity;
  } else if (rule.kind === "PERCENT") {
    itemsAmount = percentOf(itemsBase, Math.min(rule.value, 10_000));
    shippingAmount = percentOf(shippingBase, Math.min(rule.value, 10_000));
  } else {
    itemsAmount = Math.min(rule.value, itemsBase);
    shippingAmount = Math.min(rule.value - itemsAmount, shippingBase);
  }
  if (itemsAmount + shippingAmount <= 0) return { ok: false, problem: "NOTHING_TO_DISCOUNT" };
  return { ok: true, itemsAmount, shippingAmount };
}

export interface DiscountOutcome {
  applied: AppliedDiscount[];
  /** Sum of the applied amounts off the items (≤ the items total). */
  itemsDiscount: number;
  /** Sum of the applied amounts off shipping (≤ shipping). */
  shippingDiscount: number;
  /** The coupon's fate when one was given: applied, not applicable (why), or beaten by a better discount. */
  coupon: { status: "APPLIED" } | { status: "NOT_APPLICABLE"; problem: DiscountProblem; minimum?: number } | { status: "NOT_BEST" } | null;
}

const SOURCE_ORDER = { PROMOTION: 0, AUTOMATIC: 1, COUPON: 2 } as const;

/**
 * The discounts of a cart: `coupon` is the one the shopper entered (null: none), `rules` the
 * automatic discounts and promotions in force. Pure; `now` decides dates.
 */
export function applyDiscounts(input: {
  cart: DiscountCart;
  coupon: DiscountRule | null;
  rules: readonly DiscountRule[];
  facts: CustomerFacts | null;
  now: Date;
  convert?: ConvertMinor;
}): DiscountOutcome {
  const { cart, facts, now, convert } = input;
  const candidates: { rule: DiscountRule; itemsAmount: number; shippingAmount: number }[] = [];
  let coupon: DiscountOutcome["coupon"] = null;
  if (input.coupon) {
    const check = checkDiscountRule(input.coupon, cart, facts, now, convert);
    if (check.ok) candidates.push({ rule: input.coupon, itemsAmount: check.itemsAmount, shippingAmount: check.shippingAmount });
    else coupon = { status: "NOT_APPLICABLE", problem: check.problem, ...(check.minimum !== undefined ? { minimum: check.minimum } : {}) };
  }
  for (const rule of input.rules) {
    const check = checkDiscountRule(rule, cart, facts, now, convert);
    if (check.ok) candidates.push({ rule, itemsAmount: check.itemsAmount, shippingAmount: check.shippingAmount });
  }
  const none: DiscountOutcome = { applied: [], itemsDiscount: 0, shippingDiscount: 0, coupon };
  if (candidates.length === 0) return none;

  const itemsTotal = cart.lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
  const better = (a: (typeof candidates)[number], b: (typeof candidates)[number]) =>
    b.itemsAmount + b.shippingAmount - (a.itemsAmount + a.shippingAmount) || b.rule.priority - a.rule.priority || SOURCE_ORDER[a.rule.source] - SOURCE_ORDER[b.rule.source];
  const ranked = [...candidates].sort(better);
  const best = ranked[0]!;
  const single = {
    applied: [toApplied(best.rule, Math.min(best.itemsAmount, itemsTotal), Math.min(best.shippingAmount, cart.shipping))],
  };

  // The combinable rules together, best first, each capped by what the ones before it left.
  let itemsLeft = itemsTotal;
  let shippingLeft = cart.shipping;
  const combined: AppliedDiscount[] = [];
  for (const candidate of ranked) {
    if (!candidate.rule.combinable) continue;
    const items = Math.min(candidate.itemsAmount, itemsLeft);
    const shipping = Math.min(candidate.shippingAmount, shippingLeft);
    if (items + shipping <= 0) continue;
    itemsLeft -= items;
    shippingLeft -= shipping;
    combined.push(toApplied(candidate.rule, items, shipping));
  }
  const sum = (list: AppliedDiscount[]) => list.reduce((total, entry) => total + entry.amount, 0);
  const applied = combined.length > 1 && sum(combined) > sum(single.applied) ? combined : single.applied;

  if (input.coupon && !coupon) coupon = applied.some((entry) => entry.source === "COUPON") ? { status: "APPLIED" } : { status: "NOT_BEST" };
  const shippingDiscount = applied.reduce((total, entry) => total + entry.shippingAmount, 0);
  return { applied, itemsDiscount: sum(applied) - shippingDiscount, shippingDiscount, coupon };
}

function toApplied(rule: DiscountRule, itemsAmount: number, shippingAmount: number): AppliedDiscount {
  return { source: rule.source, id: rule.id, label: rule.label, amount: itemsAmount + shippingAmount, shippingAmount };
}
