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

describe("parseMoneyInput: amounts typed in admin forms", () => {
  it.each([
    ["300", 2, 30000], // 300.00 RUB
    ["1290.5", 2, 129050], // 1,290.50 RUB
    ["1 290,50", 2, 129050], // 1,290.50 RUB, as typed in ru
    ["1\u00a0290,50", 2, 129050], // with Intl's no-break space
    ["0", 2, 0],
    ["0.01", 2, 1], // 0.01 USD
    ["1500", 0, 1500], // 1,500 of a currency without minor units
    ["19.999", 3, 19999], // 19.999 of a 3-digit currency
    ["0.1", 2, 10], // a float would make this 10.000000000000002
  ])("%s with %i digits → %i", (text, digits, expected) => {
    expect(parseMoneyInput(text, digits)).toBe(expected);
  });

  it.each([["abc"], [""], ["-1"], ["1e5"], ["1.234"], ["1.2.3"], ["12,34,5"], ["99999999999999"], [" . "]])("refuses %j", (text) => {
    expect(parseMoneyInput(text, 2)).toBeNull();
  });

  it("refuses decimals for a currency without minor units", () => {
    expect(parseMoneyInput("10.5", 0)).toBeNull();
  });
});
