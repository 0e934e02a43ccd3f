// A snapshot of the exchange rates in force, able to convert between any two currencies that
// are linked directly, inversely, or through the shop's home currency (RUB): the shop enters
// "1 USD = 30 RUB" and "1 RUB = 5.9 KZT" and can still show a USD price in KZT. Each conversion
// multiplies the exact ratios first and rounds once.
import { convertMinorByRatio, invertRatio, multiplyRatios, parseRate, type Ratio } from "./convert-minor";

/** The currency every other one is priced against when there is no direct rate. */
export const PIVOT_CURRENCY = "RUB";

export interface RateRow {
  fromCurrency: string;
  toCurrency: string;
  /** Exact decimal string, as stored. */
  rate: string;
}

export interface RatesMap {
  /** Minor-unit digits of a known currency (undefined for an unknown code). */
  digits(currency: string): number | undefined;
  /** The exact ratio from one currency to another, or null when no rate links them. */
  ratio(from: string, to: string): Ratio | null;
  /** `amountMinor` of `from` in minor units of `to`, or null when no rate links them. */
  convert(amountMinor: number, from: string, to: string): number | null;
}

export function createRatesMap(rows: readonly RateRow[], currencyDigits: Readonly<Record<string, number>>): RatesMap {
  const direct = new Map<string, Ratio>();
  for (const row of rows) direct.set(`${row.fromCurrency}>${row.toCurrency}`, parseRate(row.rate));

  const leg = (from: string, to: string): Ratio | null => {
    if (from === to) return { num: 1n, den: 1n };
    const forward = direct.get(`${from}>${to}`);
    if (forward) return forward;
    const backward = direct.get(`${to}>${from}`);
    return backward ? invertRatio(backward) : null;
  };

  const ratio = (from: string, to: string): Ratio | null => {
    const single = leg(from, to);
    if (single) return single;
    const first = leg(from, PIVOT_CURRENCY);
    const second = leg(PIVOT_CURRENCY, to);
    return first && second ? multiplyRatios(first, second) : null;
  };

  const digits = (currency: string) => currencyDigits[currency];

  return {
    digits,
    ratio,
    convert(amountMinor, from, to) {
      if (from === to) return amountMinor;
      const found = ratio(from, to);
      const fromDigits = digits(from);
      const toDigits = digits(to);
      if (!found || fromDigits === undefined || toDigits === undefined) return null;
      return convertMinorByRatio(amountMinor, fromDigits, toDigits, found);
    },
  };
}
