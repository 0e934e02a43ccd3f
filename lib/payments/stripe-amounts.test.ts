import { describe, expect, it } from "vitest";
import { isStripeCurrencySupported, toStripeCurrency } from "./stripe-amounts";

describe("isStripeCurrencySupported", () => {
  it.each([
    ["RUB", true], // 129000 = 1,290.00 RUB for both
    ["usd", true],
    ["EUR", true],
    ["KZT", true],
    ["BYN", true],
    ["JPY", true], // zero-decimal for both
    ["KWD", false], // 3 digits in ISO, special in Stripe
    ["HUF", false], // Stripe wants multiples of 100
    ["ISK", false],
    ["R1B", false],
  ])("%s → %s", (currency, expected) => {
    expect(isStripeCurrencySupported(currency)).toBe(expected);
  });

  it("speaks lower case to Stripe", () => {
    expect(toStripeCurrency("RUB")).toBe("rub");
  });
});
