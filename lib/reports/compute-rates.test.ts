import { describe, expect, it } from "vitest";
import { computeRates, formatRate, ratioBasisPoints } from "./compute-rates";

describe("ratioBasisPoints", () => {
  it.each([
    // part, whole, basis points
    [0, 10, 0],
    [10, 10, 10_000],
    [1, 3, 3333], // 33.333… %
    [2, 3, 6667], // 66.666… % rounds up
    [1, 8, 1250],
    [1, 16, 625],
    [1, 20_000, 1], // 0.005 % rounds half up to 1 bp
    [1, 20_001, 0],
    [7, 9, 7778],
    [3, 2, 15_000], // more paid than shipped cannot happen, but the maths stays honest
  ])("%i / %i = %i bp", (part, whole, expected) => {
    expect(ratioBasisPoints(part, whole)).toBe(expected);
  });

  it("has no rate for an empty period", () => {
    expect(ratioBasisPoints(0, 0)).toBeNull();
  });

  it.each([
    [-1, 5],
    [1, -5],
    [0.5, 2],
    [1, Number.NaN],
  ])("refuses counts that are not non-negative integers (%s / %s)", (part, whole) => {
    expect(() => ratioBasisPoints(part, whole)).toThrow(RangeError);
  });
});

describe("computeRates", () => {
  it.each([
    {
      name: "typical week",
      counts: { orders: 40, confirmed: 26, duplicateOrSpam: 4, shipped: 20, shippedAndPaid: 15 },
      rates: { approveRate: 6500, validApproveRate: 7222, buyoutRate: 7500 },
    },
    {
      name: "nothing happened",
      counts: { orders: 0, confirmed: 0, duplicateOrSpam: 0, shipped: 0, shippedAndPaid: 0 },
      rates: { approveRate: null, validApproveRate: null, buyoutRate: null },
    },
    {
      name: "only duplicates and spam",
      counts: { orders: 3, confirmed: 0, duplicateOrSpam: 3, shipped: 0, shippedAndPaid: 0 },
      rates: { approveRate: 0, validApproveRate: null, buyoutRate: null },
    },
    {
      name: "everything confirmed and bought out",
      counts: { orders: 5, confirmed: 5, duplicateOrSpam: 0, shipped: 4, shippedAndPaid: 4 },
      rates: { approveRate: 10_000, validApproveRate: 10_000, buyoutRate: 10_000 },
    },
    {
      name: "shipped orders from an earlier period count for buyout only",
      counts: { orders: 1, confirmed: 0, duplicateOrSpam: 0, shipped: 3, shippedAndPaid: 1 },
      rates: { approveRate: 0, validApproveRate: 0, buyoutRate: 3333 },
    },
  ])("$name", ({ counts, rates }) => {
    expect(computeRates(counts)).toEqual(rates);
  });
});

describe("formatRate", () => {
  it.each([
    [6500, "en", "65.0%"],
    [3333, "en", "33.3%"],
    [1235, "en", "12.4%"], // 12.35 % rounds half up
    [1234, "en", "12.3%"],
    [10_000, "en", "100.0%"],
    [5, "en", "0.1%"],
    [0, "en", "0.0%"],
    [7222, "ru", "72,2\u00a0%"],
    [null, "en", "—"],
  ])("%s bp in %s → %s", (basisPoints, locale, expected) => {
    expect(formatRate(basisPoints, locale)).toBe(expected);
  });
});
