// Exact currency conversion of minor units. Rates are exact decimals (ExchangeRate.rate is
// DECIMAL(20,10)); the amount, the rate and the powers of ten are multiplied as BigInts and
// divided once at the end with half-up rounding, so no float ever touches money.

/** A rate as an exact fraction: 1 major unit of the source = num/den major units of the target. */
export interface Ratio {
  num: bigint;
  den: bigint;
}

const DECIMAL = /^(\d{1,30})(?:\.(\d{1,30}))?$/;

/** "33.5000000000" → 335000000000/10000000000. Throws RangeError for anything but a positive decimal. */
export function parseRate(rate: string): Ratio {
  const match = DECIMAL.exec(rate.trim());
  if (!match) throw new RangeError(`An exchange rate must be a positive decimal like "30.25", got "${rate}"`);
  const fraction = match[2] ?? "";
  const num = BigInt(`${match[1]}${fraction}`);
  if (num === 0n) throw new RangeError(`An exchange rate must be above zero, got "${rate}"`);
  return { num, den: 10n ** BigInt(fraction.length) };
}

export const invertRatio = (ratio: Ratio): Ratio => ({ num: ratio.den, den: ratio.num });
export const multiplyRatios = (a: Ratio, b: Ratio): Ratio => ({ num: a.num * b.num, den: a.den * b.den });

/** n/d rounded to the nearest integer, halves away from zero ("half-up" for either sign). */
export function divideRoundHalfUp(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError("Division by zero");
  if (d < 0n) return divideRoundHalfUp(-n, -d);
  const negative = n < 0n;
  const magnitude = negative ? -n : n;
  const rounded = (2n * magnitude + d) / (2n * d);
  return negative ? -rounded : rounded;
}

function checkDigits(digits: number, name: string) {
  if (!Number.isInteger(digits) || digits < 0 || digits > 6) throw new RangeError(`${name} must be a whole number of digits 0–6, got ${digits}`);
}

/** Converts `amountMinor` by an exact ratio; the result is a safe integer of target minor units. */
export function convertMinorByRatio(amountMinor: number, fromDigits: number, toDigits: number, ratio: Ratio): number {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`Money amount must be an integer number of minor units, got ${amountMinor}`);
  checkDigits(fromDigits, "fromDigits");
  checkDigits(toDigits, "toDigits");
  const numerator = BigInt(amountMinor) * ratio.num * 10n ** BigInt(toDigits);
  const denominator = ratio.den * 10n ** BigInt(fromDigits);
  const result = divideRoundHalfUp(numerator, denominator);
  if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`Converted amount ${result} is too large`);
  }
  return Number(result);
}

/**
 * `amountMinor` of a currency with `fromDigits` minor digits, at `rate` (1 source unit = rate
 * target units, a decimal string), in minor units of a currency with `toDigits` digits, rounded
 * half-up: `convertMinor(6500, 2, 2, "30")` (65.00 USD) → `195000` (1,950.00 RUB).
 */
export function convertMinor(amountMinor: number, fromDigits: number, toDigits: number, rate: string): number {
  return convertMinorByRatio(amountMinor, fromDigits, toDigits, parseRate(rate));
}
