// INN (taxpayer number) of a Russian legal entity (10 digits) or individual entrepreneur (12
// digits): the Federal Tax Service's weighted check digits, so a mistyped digit is caught before
// it lands on a money transfer form.

const WEIGHTS_10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

const checkDigit = (digits: number[], weights: number[]) => (weights.reduce((sum, weight, index) => sum + weight * digits[index]!, 0) % 11) % 10;

/** Whether `inn` is 10 or 12 digits whose check digits match. */
export function isValidInn(inn: string): boolean {
  if (!/^(\d{10}|\d{12})$/.test(inn)) return false;
  const digits = [...inn].map(Number);
  if (digits.length === 10) return checkDigit(digits, WEIGHTS_10) === digits[9];
  return checkDigit(digits, WEIGHTS_11) === digits[10] && checkDigit(digits, WEIGHTS_12) === digits[11];
}
