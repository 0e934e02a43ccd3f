import { describe, expect, it } from "vitest";
import type { Region } from "@/lib/db/generated/enums";
import { computeTotals } from "./compute-totals";
import { pickShippingRule, shippingCost, type ShippingRuleInput } from "./shipping-cost";
import { checkPayWhatYouWant, unitPriceFor } from "./unit-price";

describe("unitPriceFor", () => {
  const tiers = [
    { minQuantity: 5, unitPrice: 170000 }, // 1,700.00 RUB from 5 units
    { minQuantity: 2, unitPrice: 180000 }, // 1,800.00 RUB from 2 units
    { minQuantity: 10, unitPrice: 150000 }, // 1,500.00 RUB from 10 units
  ];
  it.each<[number, number]>([
    [1, 195000], // 1,950.00 RUB: base price
    [2, 180000],
    [4, 180000],
    [5, 170000],
    [9, 170000],
    [10, 150000],
    [99, 150000],
  ])("%i units cost %i each", (quantity, expected) => {
    expect(unitPriceFor({ price: 195000, tiers, quantity })).toBe(expected);
  });

  it("uses the base price without tiers", () => {
    expect(unitPriceFor({ price: 129000, tiers: [], quantity: 3 })).toBe(129000); // 1,290.00 RUB
  });
});

describe("checkPayWhatYouWant", () => {
  it.each<[number, number | null, ReturnType<typeof checkPayWhatYouWant>]>([
    [50000, 50000, null], // 500.00 RUB at a 500.00 RUB minimum
    [75000, 50000, null], // 750.00 RUB
    [49999, 50000, "BELOW_MINIMUM"], // 499.99 RUB
    [0, null, null], // free is fine without a minimum
    [0, 100, "BELOW_MINIMUM"],
    [-100, null, "NOT_AN_AMOUNT"],
    [10.5, null, "NOT_AN_AMOUNT"],
    [Number.NaN, null, "NOT_AN_AMOUNT"],
    [1_000_000_01, null, "TOO_LARGE"], // 1,000,000.01
  ])("%d with minimum %s → %s", (amount, minimum, expected) => {
    expect(checkPayWhatYouWant(amount, minimum)).toBe(expected);
  });
});

describe("shipping", () => {
  const rule = (overrides: Partial<ShippingRuleInput> & { id: string }): ShippingRuleInput => ({
    method: "POST",
    productId: null,
    country: null,
    region: null,
    cost: 30000, // 300.00 RUB
    currency: "RUB",
    freeFrom: null,
    priority: 0,
    isActive: true,
    ...overrides,
  });
  const rules: ShippingRuleInput[] = [
    rule({ id: "anywhere", cost: 90000 }), // 900.00 RUB
    rule({ id: "anywhere-high", cost: 80000, priority: 5 }), // 800.00 RUB
    rule({ id: "region-ru", region: "RU", cost: 35000, freeFrom: 500000 }), // 350.00 RUB, free from 5,000.00
    rule({ id: "region-cis", region: "CIS", cost: 60000 }), // 600.00 RUB
    rule({ id: "country-ru", country: "RU", cost: 30000, freeFrom: 300000 }), // 300.00, free from 3,000.00
    rule({ id: "product-region-ru", productId: "p1", region: "RU", cost: 20000 }), // 200.00 RUB
    rule({ id: "product-country-kz", productId: "p1", country: "KZ", cost: 45000 }), // 450.00 RUB
    rule({ id: "product-anywhere", productId: "p2", cost: 10000 }), // 100.00 RUB
    rule({ id: "courier-ru", method: "COURIER", country: "RU", cost: 50000 }), // 500.00 RUB
    rule({ id: "inactive-country-by", country: "BY", cost: 1, isActive: false }),
    rule({ id: "usd-world", region: "WORLD", cost: 1500, currency: "USD", freeFrom: 10000 }), // 15.00 USD, free from 100.00 USD
  ];

  it.each<[string, string | undefined, string, Region, "POST" | "COURIER" | "PICKUP_POINT", string | undefined]>([
    // name, product, country, region, method, winning rule
    ["country beats region and product+region", "p1", "RU", "RU", "POST", "country-ru"],
    ["country beats region", undefined, "RU", "RU", "POST", "country-ru"],
    ["product + country beats region", "p1", "KZ", "CIS", "POST", "product-country-kz"],
    ["region when no country rule", undefined, "KZ", "CIS", "POST", "region-cis"],
    ["product + region beats region", "p1", "UA", "RU", "POST", "product-region-ru"],
    ["inactive rules are skipped", undefined, "BY", "CIS", "POST", "region-cis"],
    ["product rule beats shop rule without geography", "p2", "FR", "WORLD", "POST", "usd-world"],
    ["courier is not offered outside its country", "p3", "KZ", "CIS", "COURIER", undefined],
    ["other product's rules do not apply", "p3", "KZ", "CIS", "POST", "region-cis"],
    ["courier only where a courier rule exists", undefined, "RU", "RU", "COURIER", "courier-ru"],
    ["no rule: method not offered", undefined, "KZ", "CIS", "PICKUP_POINT", undefined],
  ])("%s", (_name, productId, country, region, method, expected) => {
    expect(pickShippingRule(rules, { productId, country, region, method })?.id).toBe(expected);
  });

  it("prefers priority among rules of the same specificity", () => {
    const onlyGeneric = rules.filter((r) => r.id.startsWith("anywhere"));
    expect(pickShippingRule(onlyGeneric, { country: "FR", region: "WORLD", method: "POST" })?.id).toBe("anywhere-high");
    expect(pickShippingRule([...onlyGeneric, rule({ id: "product-anywhere-2", productId: "p9", cost: 1 })], { productId: "p9", country: "FR", region: "WORLD", method: "POST" })?.id).toBe(
      "product-anywhere-2",
    );
  });

  const usdToRub = (amount: number, from: string, to: string) => (from === "USD" && to === "RUB" ? amount * 30 : null); // 1 USD = 30 RUB

  it.each<[string, string, Region, number, number | null]>([
    // name, country, region, items total (RUB), cost (RUB)
    ["below the free threshold", "RU", "RU", 299999, 30000], // 2,999.99 RUB → 300.00 shipping
    ["at the free threshold", "RU", "RU", 300000, 0], // 3,000.00 RUB → free
    ["rule in another currency, converted", "DE", "WORLD", 100000, 45000], // 15.00 USD = 450.00 RUB
    ["its threshold converted too", "DE", "WORLD", 300000, 0], // 3,000.00 RUB ≥ 100.00 USD = 3,000.00 RUB
  ])("%s", (_name, country, region, itemsTotal, expected) => {
    const quote = shippingCost(rules, { country, region, method: "POST", itemsTotal, currency: "RUB" }, usdToRub);
    expect(quote?.cost ?? null).toBe(expected);
  });

  it("returns null when no rule offers the method", () => {
    expect(shippingCost(rules, { country: "KZ", region: "CIS", method: "PICKUP_POINT", itemsTotal: 1, currency: "RUB" })).toBeNull();
  });

  it("fails loudly when a rule's currency cannot be converted", () => {
    expect(() => shippingCost(rules, { country: "DE", region: "WORLD", method: "POST", itemsTotal: 1, currency: "RUB" })).toThrow(/no rate/);
  });
});

describe("computeTotals", () => {
  it.each<[string, Parameters<typeof computeTotals>[0], ReturnType<typeof computeTotals>]>([
    [
      "one line with shipping",
      { items: [{ unitPrice: 195000, quantity: 1 }], shipping: 30000 }, // 1,950.00 RUB + 300.00 RUB
      { itemsTotal: 195000, discountTotal: 0, shippingTotal: 30000, total: 225000 }, // 2,250.00 RUB
    ],
    [
      "several lines and a discount",
      {
        items: [
          { unitPrice: 180000, quantity: 2 },
          { unitPrice: 49000, quantity: 1 },
        ],
        discount: 10000,
        shipping: 35000,
      }, // 2 × 1,800.00 + 490.00 − 100.00 + 350.00
      { itemsTotal: 409000, discountTotal: 10000, shippingTotal: 35000, total: 434000 }, // 4,340.00 RUB
    ],
    [
      "discount never exceeds the items",
      { items: [{ unitPrice: 50000, quantity: 1 }], discount: 90000, shipping: 30000 }, // 500.00 − 900.00 → 0 + 300.00
      { itemsTotal: 50000, discountTotal: 50000, shippingTotal: 30000, total: 30000 },
    ],
    [
      "a shipping discount comes off the shipping, never below zero",
      { items: [{ unitPrice: 50000, quantity: 1 }], discount: 5000, shippingDiscount: 90000, shipping: 30000 }, // 500.00 − 50.00, shipping 300.00 − 900.00 → 0
      { itemsTotal: 50000, discountTotal: 35000, shippingTotal: 30000, total: 45000 },
    ],
    ["free goods", { items: [{ unitPrice: 0, quantity: 3 }] }, { itemsTotal: 0, discountTotal: 0, shippingTotal: 0, total: 0 }],
  ])("%s", (_name, input, expected) => {
    expect(computeTotals(input)).toEqual(expected);
  });

  it.each<[string, Parameters<typeof computeTotals>[0]]>([
    ["fractional price", { items: [{ unitPrice: 100.5, quantity: 1 }] }],
    ["negative price", { items: [{ unitPrice: -1, quantity: 1 }] }],
    ["zero quantity", { items: [{ unitPrice: 100, quantity: 0 }] }],
    ["negative shipping", { items: [{ unitPrice: 100, quantity: 1 }], shipping: -1 }],
    ["negative discount", { items: [{ unitPrice: 100, quantity: 1 }], discount: -1 }],
    ["too large for the order columns", { items: [{ unitPrice: 1_000_000_00, quantity: 99 }] }], // 99 × 1,000,000.00
  ])("refuses %s", (_name, input) => {
    expect(() => computeTotals(input)).toThrow(RangeError);
  });
});
