import { describe, expect, it } from "vitest";
import { computeDisplayTotals, shippingFor } from "./compute-display-totals";

const tiers = [
  { minQuantity: 2, unitPrice: 89000 }, // 890.00 RUB each from 2
  { minQuantity: 5, unitPrice: 79000 }, // 790.00 RUB each from 5
];

describe("computeDisplayTotals", () => {
  it.each<[string, Parameters<typeof computeDisplayTotals>[0], number]>([
    ["one unit, free shipping", { basePrice: 99000, tiers, quantity: 1, payAmount: null, bumpPrices: [], shipping: 0 }, 99000], // 990.00 RUB
    ["tier from 2", { basePrice: 99000, tiers, quantity: 2, payAmount: null, bumpPrices: [], shipping: 35000 }, 213000], // 2 × 890.00 + 350.00
    ["tier from 5 with bumps", { basePrice: 99000, tiers, quantity: 6, payAmount: null, bumpPrices: [30000, 30000], shipping: 35000 }, 569000], // 6 × 790.00 + 600.00 + 350.00
    ["pay what you want ignores tiers", { basePrice: 150000, tiers, quantity: 2, payAmount: 120050, bumpPrices: [], shipping: 35000 }, 275100], // 2 × 1,200.50 + 350.00
    ["digital: nothing shipped", { basePrice: 50000, tiers: [], quantity: 1, payAmount: null, bumpPrices: [], shipping: null }, 50000],
    ["a quantity being typed counts as one", { basePrice: 99000, tiers, quantity: Number.NaN, payAmount: null, bumpPrices: [], shipping: 0 }, 99000],
  ])("%s", (_name, input, total) => {
    expect(computeDisplayTotals(input).total).toBe(total);
  });
});

describe("shippingFor", () => {
  const offered = [
    { method: "POST" as const, cost: 35000 }, // 350.00 RUB
    { method: "COURIER" as const, cost: 50000 }, // 500.00 RUB
  ];

  it("takes the delivery that goes with the payment method", () => {
    expect(shippingFor(offered, "COD", "PHYSICAL")).toBe(35000);
    expect(shippingFor(offered, "COURIER", "PHYSICAL")).toBe(50000);
    expect(shippingFor(offered, "PREPAID", "PHYSICAL")).toBe(35000);
  });

  it("has nothing to show for digital goods or methods not offered", () => {
    expect(shippingFor([], "PREPAID", "DIGITAL")).toBeNull();
    expect(shippingFor([{ method: "POST", cost: 0 }], "COURIER", "PHYSICAL")).toBeNull();
  });
});
