import { describe, expect, it } from "vitest";
import { maskName, maskPhone } from "./mask";

describe("maskName", () => {
  it.each([
    ["Ivan Petrov", "I. P."],
    ["  иван   петров  ", "И. П."],
    ["Anna Maria de Souza", "A. M. D."],
    ["Cher", "C."],
    ["", "—"],
    [null, "—"],
  ])("%j → %j", (input, expected) => {
    expect(maskName(input)).toBe(expected);
  });
});

describe("maskPhone", () => {
  it.each([
    ["+79161234567", "+7 *** ***-45-67"],
    ["+7 (916) 123-45-67", "+7 *** ***-45-67"],
    ["+77011234567", "+7 *** ***-45-67"], // Kazakhstan shares +7
    ["+375291234567", "+375 *** ***-45-67"],
    ["+14155551234", "+1 *** ***-12-34"],
    ["89161234567", "*** ***-45-67"], // no country code to trust
    ["123", "—"],
    ["", "—"],
    [null, "—"],
  ])("%j → %j", (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });
});
