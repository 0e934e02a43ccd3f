import { describe, expect, it } from "vitest";
import { createRatesMap } from "@/lib/pricing/rates-map";
import { paidRevenueOf } from "./refresh-customer-revenue";

const rates = createRatesMap(
  [
    { fromCurrency: "USD", toCurrency: "RUB", rate: "90.5" },
    { fromCurrency: "RUB", toCurrency: "KZT", rate: "5" },
  ],
  { RUB: 2, USD: 2, KZT: 2, EUR: 2 },
);

describe("paidRevenueOf", () => {
  it("adds RUB as is and converts each other currency's sum once (direct or inverse rates)", () => {
    expect(
      paidRevenueOf(
        [
          { currency: "RUB", amountMinor: 129_000n }, // 1,290.00 RUB
          { currency: "USD", amountMinor: 1_000n }, // 10.00 USD = 905.00 RUB
          { currency: "KZT", amountMinor: 50_000n }, // 500.00 KZT = 100.00 RUB
        ],
        rates,
      ),
    ).toBe(129_000n + 90_500n + 10_000n);
  });

  it("leaves out a currency no rate links to RUB, and is zero for nothing", () => {
    expect(paidRevenueOf([{ currency: "EUR", amountMinor: 5_000n }], rates)).toBe(0n);
    expect(paidRevenueOf([], rates)).toBe(0n);
  });
});
