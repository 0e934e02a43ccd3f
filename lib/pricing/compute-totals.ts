// An order's totals from its lines, computed on the server only (client totals are never read).

export interface TotalsLine {
  unitPrice: number;
  quantity: number;
}

export interface Totals {
  itemsTotal: number;
  discountTotal: number;
  shippingTotal: number;
  total: number;
}

function assertMinor(value: number, name: string) {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer of minor units, got ${value}`);
}

// Order columns are 32-bit integers: refuse totals they cannot hold rather than fail in SQL.
export const MAX_ORDER_TOTAL = 2_147_483_647;

/**
 * Line totals, the discount (capped at the items total: never below zero) and shipping; with
 * `shippingDiscount`, the part of the discount taken off shipping (capped at the shipping). The
 * discount total is both parts.
 */
export function computeTotals(input: { items: readonly TotalsLine[]; discount?: number; shippingDiscount?: number; shipping?: number }): Totals {
  let itemsTotal = 0;
  for (const [index, line] of input.items.entries()) {
    assertMinor(line.unitPrice, `items[${index}].unitPrice`);
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) throw new RangeError(`items[${index}].quantity must be a positive integer, got ${line.quantity}`);
    itemsTotal += line.unitPrice * line.quantity;
  }
  const discount = input.discount ?? 0;
  const shippingTotal = input.shipping ?? 0;
  const shippingDiscount = input.shippingDiscount ?? 0;
  assertMinor(discount, "discount");
  assertMinor(shippingDiscount, "shippingDiscount");
  assertMinor(shippingTotal, "shipping");
  const discountTotal = Math.min(discount, itemsTotal) + Math.min(shippingDiscount, shippingTotal);
  const total = itemsTotal - discountTotal + shippingTotal;
  if (!Number.isSafeInteger(total) || total > MAX_ORDER_TOTAL || itemsTotal > MAX_ORDER_TOTAL) throw new RangeError(`Order total ${total} is too large`);
  return { itemsTotal, discountTotal, shippingTotal, total };
}
