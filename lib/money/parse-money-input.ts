// What a shopper types into a money field ("1500", "1 500,50") turned into integer minor units
// without ever going through a float.

/**
 * Parses a decimal amount typed in major units into minor units (`"1290.5"`, 2 digits → 129050).
 * Returns null for anything that is not a plain non-negative amount with at most `digits`
 * decimals, or that is too large to be an exact integer.
 */
export function parseMoneyInput(input: string, digits: number): number | null {
  const cleaned = input.replace(/[\s\u00a0\u202f']/g, "").replace(",", ".");
  const match = /^(\d{1,13})(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const [, whole = "0", fraction = ""] = match;
  if (fraction.length > digits) return null;
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, "0") || "0");
  return minor <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(minor) : null;
}
