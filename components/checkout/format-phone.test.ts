import { describe, expect, it } from "vitest";
import { formatPhone } from "./format-phone";

const RU = "+7 (999) 999-99-99";

describe("formatPhone", () => {
  it.each([
    ["", ""],
    ["+", "+"],
    ["+7", "+7"],
    ["+79", "+7 (9"],
    ["+7 (916", "+7 (916"],
    ["9161234567", "+7 (916) 123-45-67"],
    ["+7 916 123 45 67", "+7 (916) 123-45-67"],
    // The trunk prefix 8 stands for +7.
    ["89161234567", "+7 (916) 123-45-67"],
    ["79161234567", "+7 (916) 123-45-67"],
    // Kazakh numbers start with 7 after the code: typed without "+", the 7 is a national digit.
    ["701", "+7 (701"],
    // Extra digits are kept for the server to judge, never dropped.
    ["+7 (916) 123-45-678", "+7 (916) 123-45-678"],
    ["+7 (", "+7"],
  ])("%j → %j with the Russian mask", (typed, expected) => {
    expect(formatPhone(typed, RU, "+7")).toBe(expected);
  });

  it("keeps the country code literal even when it contains 9s", () => {
    expect(formatPhone("+4915112345678", "+49 999 99999999", "+49")).toBe("+49 151 12345678");
    expect(formatPhone("15112345678", "+49 999 99999999", "+49")).toBe("+49 151 12345678");
    expect(formatPhone("+375291234567", "+375 (99) 999-99-99", "+375")).toBe("+375 (29) 123-45-67");
  });

  it("leaves the value alone without a mask, minus characters a phone never has", () => {
    expect(formatPhone("+1 (555) 010-9999", null, "+1")).toBe("+1 (555) 010-9999");
    expect(formatPhone("abc", null, "+1")).toBe("");
  });
});
