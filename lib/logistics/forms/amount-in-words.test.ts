import { describe, expect, it } from "vitest";
import { countInWords, rublesDecimal, rublesDigits, rublesInWords } from "./amount-in-words";

describe("rublesInWords", () => {
  it.each([
    [129000, "Одна тысяча двести девяносто рублей 00 копеек"], // 1,290.00 RUB
    [2101, "Двадцать один рубль 01 копейка"], // 21.01 RUB
    [20250, "Двести два рубля 50 копеек"], // 202.50 RUB
    [0, "Ноль рублей 00 копеек"],
    [100000100, "Один миллион один рубль 00 копеек"], // 1,000,001.00 RUB
    [211205, "Две тысячи сто двенадцать рублей 05 копеек"], // 2,112.05 RUB: "две тысячи", "двенадцать … рублей"
  ])("%i kopecks → %s", (minor, words) => {
    expect(rublesInWords(minor)).toBe(words);
  });

  it("refuses fractions of a kopeck and negative amounts", () => {
    expect(() => rublesInWords(12.5)).toThrow(RangeError);
    expect(() => rublesInWords(-100)).toThrow(RangeError);
  });
});

describe("digits", () => {
  it.each([
    [129000, "1290.00", "1 290,00"],
    [5, "0.05", "0,05"],
    [123456789, "1234567.89", "1 234 567,89"],
  ])("%i", (minor, decimal, digits) => {
    expect(rublesDecimal(minor)).toBe(decimal);
    expect(rublesDigits(minor)).toBe(digits);
  });
});

describe("countInWords", () => {
  it.each([
    [500, "Пятьсот"],
    [21, "Двадцать один"],
    [1, "Один"],
  ])("%i → %s", (count, words) => expect(countInWords(count)).toBe(words));
});
