import { describe, expect, it } from "vitest";
import { createRatesMap } from "@/lib/pricing/rates-map";
import { type CommissionRuleSet, commissionAmount, percentOf, pickCommissionRule, planCommissions } from "./compute-commissions";

/** A FIXED rule converted the way commissions are: the shop's rates map, one rate from AAA to BBB (both 2 minor digits). */
const convertMinor = (amount: number, rate: string) => createRatesMap([{ fromCurrency: "AAA", toCurrency: "BBB", rate }], { AAA: 2, BBB: 2 }).convert(amount, "AAA", "BBB");

const order = { itemsTotal: 195000, currency: "RUB" }; // 1,950.00 RUB

const noRules: CommissionRuleSet = { productId: "p1", overrides: [], productRules: [], defaults: [] };

describe("percentOf", () => {
  it.each([
    [195000, 1000, 19500], // 10% of 1,950.00 RUB = 195.00 RUB
    [195000, 250, 4875], // 2.5% of 1,950.00 = 48.75 RUB
    [125, 1000, 13], // 10% of 1.25 = 0.125 → 0.13 (half-up)
    [124, 1000, 12], // 10% of 1.24 = 0.124 → 0.12
    [135, 1000, 14], // 10% of 1.35 = 0.135 → 0.14
    [1, 5000, 1], // 50% of 0.01 = 0.005 → 0.01
    [1, 4999, 0], // 49.99% of 0.01 rounds down to nothing
    [0, 1000, 0],
    [195000, 0, 0],
    [900_000_000_000, 10000, 900_000_000_000], // 100% of a huge total stays exact
  ])("%i minor × %i bp = %i minor", (amount, basisPoints, expected) => {
    expect(percentOf(amount, basisPoints)).toBe(expected);
  });
});

describe("converting a FIXED amount at an exact decimal rate", () => {
  it.each([
    [10000, "0.5", 5000], // 100.00 XTS → 50.00 USD
    [333, "0.5", 167], // 3.33 → 1.665 → 1.67
    [10000, "92.3456", 923456], // 100.00 USD → 9,234.56 RUB
    [1, "0.005", 0],
    [100, "1", 100],
  ])("%i at %s = %i", (amount, rate, expected) => {
    expect(convertMinor(amount, rate)).toBe(expected);
  });

  it("refuses a malformed rate", () => {
    expect(() => convertMinor(100, "1e3")).toThrow();
  });
});

describe("pickCommissionRule", () => {
  const rules: CommissionRuleSet = {
    productId: "p1",
    overrides: [
      { partnerId: "a", productId: "p1", level: 0, kind: "FIXED", value: 50000 }, // 500.00 RUB
      { partnerId: "a", productId: null, level: 0, kind: "PERCENT", value: 3000 },
      { partnerId: "b", productId: null, level: 0, kind: "PERCENT", value: 2000 },
      { partnerId: "b", productId: "other", level: 0, kind: "FIXED", value: 1 },
      { partnerId: "c", productId: "p1", level: 1, kind: "FIXED", value: 7000 }, // 70.00 RUB
    ],
    productRules: [{ level: 0, kind: "PERCENT", value: 1500 }],
    defaults: [
      { level: 0, kind: "PERCENT", value: 1000 },
      { level: 1, kind: "PERCENT", value: 500 },
    ],
  };

  it("prefers the partner's product override, then their all-products override", () => {
    expect(pickCommissionRule(rules, "a", 0)).toMatchObject({ kind: "FIXED", value: 50000 });
    expect(pickCommissionRule(rules, "b", 0)).toMatchObject({ kind: "PERCENT", value: 2000 });
  });

  it("falls back to the product's table, then the program default, per level", () => {
    expect(pickCommissionRule(rules, "z", 0)).toMatchObject({ kind: "PERCENT", value: 1500 });
    expect(pickCommissionRule(rules, "z", 1)).toMatchObject({ kind: "PERCENT", value: 500 });
    expect(pickCommissionRule(rules, "c", 1)).toMatchObject({ kind: "FIXED", value: 7000 });
    expect(pickCommissionRule(rules, "c", 0)).toMatchObject({ kind: "PERCENT", value: 1500 });
    expect(pickCommissionRule(rules, "z", 2)).toBeUndefined();
  });
});

describe("commissionAmount", () => {
  it("pays FIXED minor units as they are in the order currency", () => {
    expect(commissionAmount({ kind: "FIXED", value: 30000 }, order)).toBe(30000); // 300.00 RUB
    expect(commissionAmount({ kind: "FIXED", value: 30000, currency: "RUB" }, order)).toBe(30000);
  });

  it("converts a FIXED default of another currency at the given rate, and pays nothing without one", () => {
    expect(
      commissionAmount({ kind: "FIXED", value: 500, currency: "USD" }, order, (amount, from) =>
        createRatesMap([{ fromCurrency: "USD", toCurrency: "RUB", rate: "92.5" }], { USD: 2, RUB: 2 }).convert(amount, from, "RUB"),
      ),
    ).toBe(46250); // 5.00 USD → 462.50 RUB
    expect(commissionAmount({ kind: "FIXED", value: 500, currency: "EUR" }, order, () => null)).toBe(0);
  });

  it("pays PERCENT of the items total", () => {
    expect(commissionAmount({ kind: "PERCENT", value: 1000 }, order)).toBe(19500); // 195.00 RUB
  });
});

describe("planCommissions", () => {
  const rules: CommissionRuleSet = {
    ...noRules,
    defaults: [
      { level: 0, kind: "PERCENT", value: 1000 }, // 10%
      { level: 1, kind: "FIXED", value: 5000 }, // 50.00 RUB
      { level: 2, kind: "PERCENT", value: 100 }, // 1%
    ],
  };
  const active = (id: string) => ({ id, status: "ACTIVE" });

  it("pays one commission per level up the chain", () => {
    expect(planCommissions({ chain: [active("a"), active("b"), active("c")], levels: 3, order, rules })).toEqual([
      { level: 0, partnerId: "a", amount: 19500, ruleKind: "PERCENT", ruleValue: 1000 }, // 195.00 RUB
      { level: 1, partnerId: "b", amount: 5000, ruleKind: "FIXED", ruleValue: 5000 }, // 50.00 RUB
      { level: 2, partnerId: "c", amount: 1950, ruleKind: "PERCENT", ruleValue: 100 }, // 19.50 RUB
    ]);
  });

  it("stops at the program's levels and at the end of the chain", () => {
    expect(planCommissions({ chain: [active("a"), active("b"), active("c")], levels: 2, order, rules }).map((c) => c.level)).toEqual([0, 1]);
    expect(planCommissions({ chain: [active("a")], levels: 3, order, rules }).map((c) => c.level)).toEqual([0]);
  });

  it("skips levels whose partner is not ACTIVE", () => {
    const planned = planCommissions({ chain: [active("a"), { id: "b", status: "BANNED" }, active("c")], levels: 3, order, rules });
    expect(planned.map((c) => [c.level, c.partnerId])).toEqual([
      [0, "a"],
      [2, "c"],
    ]);
  });

  it("pays nothing for a zero rule, a rounding to zero, or no rule at all", () => {
    const zero: CommissionRuleSet = { ...noRules, productRules: [{ level: 0, kind: "FIXED", value: 0 }], defaults: [{ level: 1, kind: "PERCENT", value: 1 }] };
    expect(planCommissions({ chain: [active("a"), active("b")], levels: 2, order: { itemsTotal: 49, currency: "RUB" }, rules: zero })).toEqual([]); // 0.01% of 0.49 RUB
    expect(planCommissions({ chain: [active("a")], levels: 2, order, rules: noRules })).toEqual([]);
  });
});
