// What one unit costs: the region's price, lowered by quantity tiers; or, with pay-what-you-want,
// what the shopper chose as long as it is not below the minimum.

export interface PriceTier {
  minQuantity: number;
  unitPrice: number;
}

/**
 * The unit price for `quantity` units: the tier with the highest `minQuantity` not above the
 * quantity, else the base `price` (minor units). Tiers must be those of the same region.
 */
export function unitPriceFor(input: { price: number; tiers: readonly PriceTier[]; quantity: number }): number {
  let best: PriceTier | undefined;
  for (const tier of input.tiers) {
    if (tier.minQuantity <= input.quantity && (!best || tier.minQuantity > best.minQuantity)) best = tier;
  }
  return best ? best.unitPrice : input.price;
}

/** Upper bound for a pay-what-you-want amount: generous, but far from integer overflow. */
export const MAX_PAY_AMOUNT = 1_000_000_00; // 1,000,000.00 in any 2-digit currency

export type PayWhatYouWantProblem = "NOT_AN_AMOUNT" | "BELOW_MINIMUM" | "TOO_LARGE";

/**
 * Checks a pay-what-you-want unit amount (minor units) against the floor; null when it is fine.
 * A missing minimum means anything from zero up.
 */
export function checkPayWhatYouWant(amount: number, minimumPrice: number | null | undefined): PayWhatYouWantProblem | null {
  if (!Number.isSafeInteger(amount) || amount < 0) return "NOT_AN_AMOUNT";
  if (amount > MAX_PAY_AMOUNT) return "TOO_LARGE";
  if (amount < (minimumPrice ?? 0)) return "BELOW_MINIMUM";
  return null;
}
