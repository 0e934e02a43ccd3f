// The two numbers every COD merchant and partner watches (DESIGN.md), as integer basis points
// (10000 = 100 %), so every screen and export rounds the same way and no float reaches a total.

export interface RateCounts {
  /** Orders placed in the period. */
  orders: number;
  /** Of those, orders now in a confirmed status (CONFIRMED, SHIPPED, DELIVERED, HANDED, PAID). */
  confirmed: number;
  /** Of those, orders marked DUPLICATE or SPAM: left out of the "valid" approve rate. */
  duplicateOrSpam: number;
  /** Orders shipped in the period (by shippedAt). */
  shipped: number;
  /** Of those, orders that reached PAID. */
  shippedAndPaid: number;
}

export interface Rates {
  /** confirmed / orders; null when there were no orders (no rate, rather than 0 %). */
  approveRate: number | null;
  /** confirmed / (orders − duplicates − spam). */
  validApproveRate: number | null;
  /** PAID / shipped, by shipping period. */
  buyoutRate: number | null;
}

/** `part / whole` in basis points, rounded half up; null when `whole` is 0. */
export function ratioBasisPoints(part: number, whole: number): number | null {
  if (!Number.isSafeInteger(part) || !Number.isSafeInteger(whole) || part < 0 || whole < 0) {
    throw new RangeError(`Rate needs non-negative integer counts, got ${part}/${whole}`);
  }
  if (whole === 0) return null;
  // Integer maths: floor((2·part·10000 + whole) / (2·whole)) is part/whole·10000 rounded half up.
  return Math.floor((2 * part * 10_000 + whole) / (2 * whole));
}

export function computeRates(counts: RateCounts): Rates {
  return {
    approveRate: ratioBasisPoints(counts.confirmed, counts.orders),
    validApproveRate: ratioBasisPoints(counts.confirmed, counts.orders - counts.duplicateOrSpam),
    buyoutRate: ratioBasisPoints(counts.shippedAndPaid, counts.shipped),
  };
}

/** `1234` basis points → "12.3 %" (en) / "12,3 %" (ru); "—" when there is no rate. */
export function formatRate(basisPoints: number | null, locale: string): string {
  if (basisPoints === null) return "—";
  const formatter = new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  // Intl gets an exact decimal string ("0.1235"), so the half-up rounding is exact too.
  const sign = basisPoints < 0 ? "-" : "";
  const digits = String(Math.abs(basisPoints)).padStart(5, "0");
  return formatter.format(`${sign}${digits.slice(0, -4)}.${digits.slice(-4)}` as `${number}`);
}
