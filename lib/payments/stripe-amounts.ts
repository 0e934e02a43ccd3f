// Lavka amounts are integer minor units with the number of digits ISO 4217 (via Intl) gives the
// currency; Stripe's "smallest currency unit" is the same for most currencies but not for all.
// Where the two disagree an amount would be off by 100×, so such currencies are refused rather
// than converted (https://docs.stripe.com/currencies#special-cases).
import { currencyMinorDigits } from "@/lib/money/format";

/** Currencies whose Stripe amount unit differs from the ISO minor unit, or needs rounding rules. */
const STRIPE_SPECIAL_CURRENCIES = new Set(["ISK", "HUF", "TWD", "UGX", "BHD", "JOD", "KWD", "OMR", "TND"]);

/** Stripe's zero-decimal currencies (amounts in whole units). */
const STRIPE_ZERO_DECIMAL = new Set(["BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "VND", "VUV", "XAF", "XOF", "XPF"]);

/** True when an amount of this currency can be sent to Stripe as is. */
export function isStripeCurrencySupported(currency: string): boolean {
  const code = currency.toUpperCase();
  if (!/^[A-Z]{3}$/.test(code) || STRIPE_SPECIAL_CURRENCIES.has(code)) return false;
  let isoDigits: number;
  try {
    isoDigits = currencyMinorDigits(code);
  } catch {
    return false;
  }
  return isoDigits === (STRIPE_ZERO_DECIMAL.has(code) ? 0 : 2);
}

/** Stripe's lower-case currency code (its API speaks lower case). */
export const toStripeCurrency = (currency: string) => currency.toLowerCase();
