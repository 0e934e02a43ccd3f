import { describe, expect, it } from "vitest";
import { convertMinor, divideRoundHalfUp, parseRate } from "./convert-minor";
import { createRatesMap } from "./rates-map";

describe("convertMinor", () => {
  it.each<[string, number, number, number, string, number]>([
    // name, amount, fromDigits, toDigits, rate, expected
    ["USD → RUB", 6500, 2, 2, "30.0000000000", 195000], // 65.00 USD → 1,950.00 RUB
    ["EUR → RUB", 1000, 2, 2, "33.5000000000", 33500], // 10.00 EUR → 335.00 RUB
    ["RUB → KZT", 195000, 2, 2, "5.9", 1150500], // 1,950.00 RUB → 11,505.00 KZT
    ["RUB → BYN", 195000, 2, 2, "0.0335000000", 6533], // 1,950.00 RUB → 65.325 → 65.33 BYN (half up)
    ["RUB → BYN below half", 100, 2, 2, "0.0335", 3], // 1.00 RUB → 0.0335 → 0.03 BYN
    ["exact half rounds up", 1, 2, 2, "0.5", 1], // 0.01 × 0.5 = 0.005 → 0.01
    ["just below half rounds down", 1, 2, 2, "0.4999999999", 0], // 0.004999… → 0.00
    ["to a 0-digit currency", 10050, 2, 0, "150", 15075], // 100.50 USD → 15,075 JPY
    ["from a 0-digit currency", 15075, 0, 2, "0.0066666667", 10050], // 15,075 JPY → 100.50 USD
    ["to a 3-digit currency", 100000, 2, 3, "0.0037", 3700], // 1,000.00 RUB → 3.700 KWD
    ["zero", 0, 2, 2, "30", 0],
    ["rate 1", 12345, 2, 2, "1", 12345],
    ["negative (a refund) rounds half away from zero", -1, 2, 2, "0.5", -1],
    ["large amounts stay exact", 2_000_000_000, 2, 2, "33.5000000050", 67_000_000_010], // 20,000,000.00 EUR → 670,000,000.10 RUB
  ])("%s", (_name, amount, fromDigits, toDigits, rate, expected) => {
    expect(convertMinor(amount, fromDigits, toDigits, rate)).toBe(expected);
  });

  it.each(["", "abc", "-1", "1e3", "0", "0.000", " 1.2.3", "NaN"])("refuses the rate %j", (rate) => {
    expect(() => convertMinor(100, 2, 2, rate)).toThrow(RangeError);
  });

  it("refuses fractional amounts and odd digit counts", () => {
    expect(() => convertMinor(1.5, 2, 2, "1")).toThrow(RangeError);
    expect(() => convertMinor(100, -1, 2, "1")).toThrow(RangeError);
    expect(() => convertMinor(100, 2, 2.5, "1")).toThrow(RangeError);
  });

  it("parses rates exactly", () => {
    expect(parseRate("33.5000000000")).toEqual({ num: 335000000000n, den: 10000000000n });
    expect(parseRate("30")).toEqual({ num: 30n, den: 1n });
  });

  it.each<[bigint, bigint, bigint]>([
    [5n, 2n, 3n],
    [7n, 2n, 4n],
    [4n, 3n, 1n],
    [5n, 3n, 2n],
    [-5n, 2n, -3n],
    [5n, -2n, -3n],
    [0n, 7n, 0n],
  ])("%d / %d rounds to %d", (n, d, expected) => {
    expect(divideRoundHalfUp(n, d)).toBe(expected);
  });
});

describe("createRatesMap", () => {
  // The demo seed's rates: 1 USD = 30 RUB, 1 EUR = 33.5 RUB, 1 RUB = 5.9 KZT.
  const rates = createRatesMap(
    [
      { fromCurrency: "USD", toCurrency: "RUB", rate: "30.0000000000" },
      { fromCurrency: "EUR", toCurrency: "RUB", rate: "33.5000000000" },
      { fromCurrency: "RUB", toCurrency: "KZT", rate: "5.9000000000" },
    ],
    { RUB: 2, USD: 2, EUR: 2, KZT: 2, JPY: 0 },
  );

  it.each<[string, number, string, string, number | null]>([
    ["same currency", 195000, "RUB", "RUB", 195000],
    ["direct", 6500, "USD", "RUB", 195000], // 65.00 USD → 1,950.00 RUB
    ["inverse", 195000, "RUB", "USD", 6500], // 1,950.00 RUB → 65.00 USD
    ["inverse with rounding", 195000, "RUB", "EUR", 5821], // 1,950.00 / 33.5 = 58.2089… EUR → 58.21
    ["cross through RUB", 6500, "USD", "EUR", 5821], // 65 × 30 / 33.5 = 58.2089… EUR
    ["cross, other way", 1000, "EUR", "USD", 1117], // 10 × 33.5 / 30 = 11.1666… USD → 11.17
    ["cross to KZT", 100, "USD", "KZT", 17700], // 1.00 USD → 30 RUB → 177.00 KZT
    ["no rate", 100, "USD", "JPY", null],
    ["unknown currency", 100, "USD", "XXX", null],
  ])("%s", (_name, amount, from, to, expected) => {
    expect(rates.convert(amount, from, to)).toBe(expected);
  });
});
