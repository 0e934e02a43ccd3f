// The one place money is turned into text. Amounts are integer minor units (kopecks, cents)
// plus an ISO 4217 code; the number of minor digits comes from Intl for that currency (RUB 2,
// JPY 0, KWD 3), and the value reaches Intl as an exact decimal string, so no float ever
// touches an amount.

// The formatter with its minor digits: resolvedOptions() builds a new object on every call, which
// showed in the profile of a 50-row order list.
const formatters = new Map<string, { formatter: Intl.NumberFormat; digits: number }>();

function formatterFor(locale: string, currency: string): { formatter: Intl.NumberFormat; digits: number } {
  const key = `${locale}|${currency}`;
  let entry = formatters.get(key);
  if (!entry) {
    // Throws a RangeError for a malformed currency code: a bug in the caller, not user input.
    const formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
    entry = { formatter, digits: formatter.resolvedOptions().maximumFractionDigits ?? 2 };
    formatters.set(key, entry);
  }
  return entry;
}

/** Minor-unit digits of a currency as Intl knows them (RUB → 2, JPY → 0, KWD → 3). */
export function currencyMinorDigits(currency: string): number {
  return formatterFor("en", currency.toUpperCase()).digits;
}

/** `129000` RUB with 2 digits → `"1290.00"`; exact for any integer, including bigint. */
export function minorUnitsToDecimalString(amountMinor: number | bigint, digits: number): `${number}` {
  if (typeof amountMinor === "number" && !Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`Money amount must be an integer number of minor units, got ${amountMinor}`);
  }
  const negative = amountMinor < 0;
  // A safe integer's digits are exact as a number (no BigInt per amount: exports format millions).
  const absolute = typeof amountMinor === "number" ? String(Math.abs(amountMinor)) : (negative ? -amountMinor : amountMinor).toString();
  const sign = negative ? "-" : "";
  if (digits === 0) return `${sign}${absolute}` as `${number}`;
  const padded = absolute.padStart(digits + 1, "0");
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}` as `${number}`;
}

/**
 * Formats an amount in minor units for a reader of `locale`:
 * `formatMoney(129000, "RUB", "en")` → `"RUB 1,290.00"`, in `"ru"` → `"1 290,00 ₽"`.
 */
export function formatMoney(amountMinor: number | bigint, currency: string, locale: string): string {
  const code = currency.toUpperCase();
  const { formatter, digits } = formatterFor(locale, code);
  // A decimal string, not a number: Intl formats it exactly (ECMA-402 NumberFormat v3).
  return formatter.format(minorUnitsToDecimalString(amountMinor, digits));
}
