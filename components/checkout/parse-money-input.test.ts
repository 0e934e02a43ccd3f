import { describe, expect, it } from "vitest";
import { parseMoneyInput } from "./parse-money-input";

describe("parseMoneyInput", () => {
  it.each<[string, number, number | null]>([
    ["1290", 2, 129000], // 1,290.00 RUB
    ["1 290,50", 2, 129050], // 1,290.50 RUB, Russian style
    ["1\u00a0290.5", 2, 129050], // no-break space as typed by some keyboards
    ["12.", 2, 1200], // 12.00
    ["0", 2, 0],
    ["0.01", 2, 1], // the smallest amount
    ["1500", 0, 1500], // a currency without minor units
    ["1.5", 3, 1500], // 1.500 in a 3-digit currency
    ["1290.505", 2, null], // more decimals than the currency has
    ["-1", 2, null],
    ["1e3", 2, null],
    ["abc", 2, null],
    ["", 2, null],
    ["99999999999999", 2, null], // longer than any price
  ])("%j with %d digits → %s", (input, digits, expected) => {
    expect(parseMoneyInput(input, digits)).toBe(expected);
  });
});
