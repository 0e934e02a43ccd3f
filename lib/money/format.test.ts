import { describe, expect, it } from "vitest";
import { currencyMinorDigits, formatMoney, minorUnitsToDecimalString } from "./format";

// Intl separates groups and the symbol with (narrow) no-break spaces; compare with plain ones.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("formatMoney", () => {
  it.each([
    { amount: 129000, currency: "RUB", locale: "en", expected: "RUB 1,290.00" }, // 1,290.00 RUB
    { amount: 129000, currency: "RUB", locale: "ru", expected: "1 290,00 ₽" }, // 1,290.00 RUB
    { amount: 6500, currency: "USD", locale: "en", expected: "$65.00" }, // 65.00 USD
    { amount: 6500, currency: "USD", locale: "ru", expected: "65,00 $" }, // 65.00 USD
    { amount: 5, currency: "RUB", locale: "en", expected: "RUB 0.05" }, // 0.05 RUB
    { amount: 0, currency: "EUR", locale: "en", expected: "€0.00" }, // 0.00 EUR
    { amount: -15050, currency: "RUB", locale: "en", expected: "-RUB 150.50" }, // -150.50 RUB
    { amount: 1290, currency: "JPY", locale: "en", expected: "¥1,290" }, // 1,290 JPY (no minor unit)
    { amount: 1500, currency: "KWD", locale: "en", expected: "KWD 1.500" }, // 1.500 KWD (3 digits)
    { amount: 195000, currency: "rub", locale: "en", expected: "RUB 1,950.00" }, // lower-case code accepted
  ])("$amount $currency in $locale → $expected", ({ amount, currency, locale, expected }) => {
    expect(plain(formatMoney(amount, currency, locale))).toBe(expected);
  });

  it("is exact beyond float precision", () => {
    // 90,071,992,547,409.93 USD: 9007199254740993 cents is not representable as a double.
    expect(formatMoney(9007199254740993n, "USD", "en")).toBe("$90,071,992,547,409.93");
  });

  it("refuses non-integer amounts instead of rounding money silently", () => {
    expect(() => formatMoney(12.5, "RUB", "en")).toThrow(RangeError);
  });
});

describe("minorUnitsToDecimalString", () => {
  it.each([
    [129000, 2, "1290.00"],
    [5, 2, "0.05"],
    [-5, 2, "-0.05"],
    [1290, 0, "1290"],
    [1500, 3, "1.500"],
  ] as const)("%s with %s digits → %s", (amount, digits, expected) => {
    expect(minorUnitsToDecimalString(amount, digits)).toBe(expected);
  });
});

describe("currencyMinorDigits", () => {
  it("knows the ISO 4217 exponents", () => {
    expect([currencyMinorDigits("RUB"), currencyMinorDigits("JPY"), currencyMinorDigits("KWD")]).toEqual([2, 0, 3]);
  });
});
