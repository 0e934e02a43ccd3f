import { describe, expect, it } from "vitest";
import { applyDiscounts, checkDiscountRule } from "./apply-discounts";
import type { CustomerFacts, DiscountCart, DiscountRule } from "./discount-rule";

const NOW = new Date("2026-12-06T12:00:00Z");

function rule(overrides: Partial<DiscountRule> = {}): DiscountRule {
  return {
    source: "COUPON",
    id: "c1",
    label: "WELCOME10",
    kind: "PERCENT",
    value: 1000, // 10 %
    currency: null,
    scope: "ORDER",
    productIds: [],
    productsExcluded: false,
    minOrderTotal: null,
    minQuantity: null,
    startsAt: null,
    endsAt: null,
    isActive: true,
    region: null,
    rfmSegments: [],
    abcClasses: [],
    firstOrderOnly: false,
    maxUses: null,
    usedCount: 0,
    maxUsesPerCustomer: null,
    combinable: false,
    priority: 0,
    ...overrides,
  };
}

// 2 × 1,950.00 RUB watch + a 490.00 RUB gift box, 300.00 RUB shipping.
const cart: DiscountCart = {
  currency: "RUB",
  region: "RU",
  lines: [
    { productId: "watch", quantity: 2, unitPrice: 195000 },
    { productId: "box", quantity: 1, unitPrice: 49000 },
  ],
  shipping: 30000,
};
const facts = (overrides: Partial<CustomerFacts> = {}): CustomerFacts => ({ earlierOrders: 0, couponUses: 0, rfmSegment: null, abcClass: null, ...overrides });

describe("checkDiscountRule", () => {
  it.each<[string, Partial<DiscountRule>, { itemsAmount: number; shippingAmount: number }]>([
    ["10 % of the whole order: items 4,390.00 and shipping 300.00", {}, { itemsAmount: 43900, shippingAmount: 3000 }],
    ["10 % of the items only", { scope: "ITEMS" }, { itemsAmount: 43900, shippingAmount: 0 }],
    ["100 % of the shipping", { scope: "SHIPPING", value: 10000 }, { itemsAmount: 0, shippingAmount: 30000 }],
    ["10 % of the listed product only", { scope: "ITEMS", productIds: ["watch"] }, { itemsAmount: 39000, shippingAmount: 0 }],
    ["10 % of all but the excluded product", { scope: "ITEMS", productIds: ["watch"], productsExcluded: true }, { itemsAmount: 4900, shippingAmount: 0 }],
    ["fixed 500.00 RUB off the order", { kind: "FIXED", value: 50000, currency: "RUB" }, { itemsAmount: 50000, shippingAmount: 0 }],
    ["fixed larger than the items spills over to shipping, never below zero", { kind: "FIXED", value: 1_000_000, currency: "RUB" }, { itemsAmount: 439000, shippingAmount: 30000 }],
    ["fixed off the items is capped by the items", { kind: "FIXED", value: 1_000_000, currency: "RUB", scope: "ITEMS" }, { itemsAmount: 439000, shippingAmount: 0 }],
    ["sale price 1,500.00 RUB per watch", { source: "PROMOTION", kind: "PRICE", value: 150000, currency: "RUB", productIds: ["watch"] }, { itemsAmount: 90000, shippingAmount: 0 }],
    ["percent rounds half-up: 12.5 % of 490.00 → 61.25", { productIds: ["box"], scope: "ITEMS", value: 1250 }, { itemsAmount: 6125, shippingAmount: 0 }],
    ["percent above 100 % is 100 %", { scope: "ITEMS", value: 20000 }, { itemsAmount: 439000, shippingAmount: 0 }],
    ["a percent rule with a minimum in another currency converts it", { currency: "USD", minOrderTotal: 1000 }, { itemsAmount: 43900, shippingAmount: 3000 }],
  ])("%s", (_name, overrides, expected) => {
    expect(checkDiscountRule(rule(overrides), cart, facts(), NOW, (amount) => amount * 100)).toEqual({ ok: true, ...expected });
  });

  it.each<[string, Partial<DiscountRule>, Partial<CustomerFacts>, string, number?]>([
    ["switched off", { isActive: false }, {}, "INACTIVE"],
    ["not started", { startsAt: new Date("2026-12-07T00:00:00Z") }, {}, "NOT_STARTED"],
    ["ended the moment before", { endsAt: NOW }, {}, "EXPIRED"],
    ["used up", { maxUses: 5, usedCount: 5 }, {}, "USED_UP"],
    ["used by this customer", { maxUsesPerCustomer: 1 }, { couponUses: 1 }, "USED_BY_CUSTOMER"],
    ["fixed in another currency", { kind: "FIXED", value: 1000, currency: "USD" }, {}, "FOREIGN_CURRENCY"],
    ["minimum in a currency without a rate", { currency: "EUR", minOrderTotal: 1000 }, {}, "FOREIGN_CURRENCY"],
    ["only for a product not in the cart", { productIds: ["other"] }, {}, "PRODUCT_EXCLUDED"],
    ["every product in the cart excluded", { productIds: ["watch", "box"], productsExcluded: true }, {}, "PRODUCT_EXCLUDED"],
    ["minimum order total 5,000.00 not met by 4,390.00", { minOrderTotal: 500000, currency: "RUB" }, {}, "MIN_TOTAL", 500000],
    ["minimum quantity 3 of the watch not met by 2", { minQuantity: 3, productIds: ["watch"] }, {}, "MIN_QUANTITY", 3],
    ["first order only, with an earlier order", { firstOrderOnly: true }, { earlierOrders: 1 }, "FIRST_ORDER_ONLY"],
    ["another region", { region: "CIS" }, {}, "REGION"],
    ["an RFM segment the customer is not in", { rfmSegments: ["champions"] }, { rfmSegment: "at_risk" }, "SEGMENT"],
    ["an ABC class of a customer without one", { abcClasses: ["A"] }, {}, "SEGMENT"],
    ["free shipping on an order without shipping", { scope: "SHIPPING" }, {}, "NOTHING_TO_DISCOUNT"],
  ])("not applicable: %s", (_name, overrides, customer, problem, minimum) => {
    const shippingFree = problem === "NOTHING_TO_DISCOUNT" ? { ...cart, shipping: 0 } : cart;
    const convert = (amount: number, from: string) => (from === "USD" ? amount * 100 : null);
    expect(checkDiscountRule(rule(overrides), shippingFree, facts(customer), NOW, convert)).toEqual({ ok: false, problem, ...(minimum ? { minimum } : {}) });
  });

  it("a customer in the segment and class gets it", () => {
    expect(checkDiscountRule(rule({ rfmSegments: ["champions"], abcClasses: ["A"] }), cart, facts({ rfmSegment: "champions", abcClass: "A" }), NOW).ok).toBe(true);
  });

  it("an unknown contact counts as a new customer (first-order coupons apply in a live quote)", () => {
    expect(checkDiscountRule(rule({ firstOrderOnly: true, maxUsesPerCustomer: 1 }), cart, null, NOW).ok).toBe(true);
  });
});

describe("applyDiscounts: stacking", () => {
  const auto = (overrides: Partial<DiscountRule>) => rule({ source: "AUTOMATIC", id: "a1", label: "2+ watches", ...overrides });
  const promo = (overrides: Partial<DiscountRule>) => rule({ source: "PROMOTION", id: "p1", label: "Black Friday", ...overrides });

  it.each<[string, DiscountRule | null, DiscountRule[], { labels: string[]; items: number; shipping: number; coupon: string | null }]>([
    ["no rules, no discount", null, [], { labels: [], items: 0, shipping: 0, coupon: null }],
    ["the coupon alone", rule(), [], { labels: ["WELCOME10"], items: 43900, shipping: 3000, coupon: "APPLIED" }],
    [
      "the best single one wins: 15 % automatic over the 10 % coupon",
      rule(),
      [auto({ value: 1500, scope: "ITEMS" })],
      { labels: ["2+ watches"], items: 65850, shipping: 0, coupon: "NOT_BEST" },
    ],
    ["the coupon wins when it is better", rule({ value: 2000 }), [auto({ value: 1000 })], { labels: ["WELCOME10"], items: 87800, shipping: 6000, coupon: "APPLIED" }],
    ["a tie keeps the coupon unused", rule(), [auto({})], { labels: ["2+ watches"], items: 43900, shipping: 3000, coupon: "NOT_BEST" }],
    [
      "combinable ones add up when together better",
      rule({ combinable: true }),
      [auto({ combinable: true, scope: "SHIPPING", value: 10000 })],
      { labels: ["2+ watches", "WELCOME10"], items: 43900, shipping: 30000, coupon: "APPLIED" },
    ],
    [
      "a non-combinable one that beats the combination stands alone",
      rule({ combinable: true }),
      [auto({ combinable: true, scope: "SHIPPING", value: 10000 }), promo({ kind: "PRICE", value: 100000, currency: "RUB", productIds: ["watch"] })],
      { labels: ["Black Friday"], items: 190000, shipping: 0, coupon: "NOT_BEST" },
    ],
    [
      "combined never below zero: 80 % + 80 % of the items is 100 %",
      rule({ combinable: true, value: 8000, scope: "ITEMS" }),
      [auto({ combinable: true, value: 8000, scope: "ITEMS" })],
      { labels: ["2+ watches", "WELCOME10"], items: 439000, shipping: 0, coupon: "APPLIED" },
    ],
    [
      "a rule that does not apply is left out; the coupon's reason is kept",
      rule({ minOrderTotal: 1_000_000, currency: "RUB" }),
      [auto({ value: 500 })],
      { labels: ["2+ watches"], items: 21950, shipping: 1500, coupon: "NOT_APPLICABLE" },
    ],
    [
      "higher priority wins a tie",
      null,
      [auto({ id: "a1", label: "low" }), auto({ id: "a2", label: "high", priority: 5 })],
      { labels: ["high"], items: 43900, shipping: 3000, coupon: null },
    ],
  ])("%s", (_name, coupon, rules, expected) => {
    const outcome = applyDiscounts({ cart, coupon, rules, facts: facts(), now: NOW });
    expect(outcome.applied.map((entry) => entry.label).sort()).toEqual(expected.labels.sort());
    expect(outcome.itemsDiscount).toBe(expected.items);
    expect(outcome.shippingDiscount).toBe(expected.shipping);
    expect(outcome.coupon?.status ?? null).toBe(expected.coupon);
    for (const entry of outcome.applied) expect(entry.amount).toBeGreaterThan(0);
  });

  it("reports why the coupon did not apply, with the minimum", () => {
    const outcome = applyDiscounts({ cart, coupon: rule({ minOrderTotal: 500000, currency: "RUB" }), rules: [], facts: facts(), now: NOW });
    expect(outcome.coupon).toEqual({ status: "NOT_APPLICABLE", problem: "MIN_TOTAL", minimum: 500000 });
    expect(outcome.applied).toEqual([]);
  });
});
