// Sums in words ("сумма прописью") for the postal forms, through number-to-words-ru: rubles in
// words, kopecks in digits, as Russian Post and banks write them ("Одна тысяча двести девяносто
// рублей 00 копеек").
import numberToWords from "number-to-words-ru";

/** Minor units (kopecks) → "1290.00": exact, no floats. */
export function rublesDecimal(minor: number): string {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new RangeError(`not an amount in kopecks: ${minor}`);
  return `${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;
}

/** 129000 → "Одна тысяча двести девяносто рублей 00 копеек". */
export function rublesInWords(minor: number): string {
  return numberToWords.convert(rublesDecimal(minor), { currency: "rub", convertNumberToWords: { integer: true, fractional: false } });
}

/** 500 → "Пятьсот": a count in words (f.103's number of items). */
export function countInWords(count: number): string {
  return numberToWords
    .convert(String(count), {
      currency: { currencyNameCases: ["", "", ""], fractionalPartNameCases: ["", "", ""], currencyNounGender: { integer: 0, fractionalPart: 0 } },
      showNumberParts: { integer: true, fractional: false },
      showCurrency: { integer: false, fractional: false },
    })
    .trim();
}

/** 129000 → "1 290,00": the digits as the forms print them. */
export function rublesDigits(minor: number): string {
  const [rubles, kopecks] = rublesDecimal(minor).split(".") as [string, string];
  return `${rubles.replace(/\B(?=(\d{3})+(?!\d))/g, " ")},${kopecks}`;
}
