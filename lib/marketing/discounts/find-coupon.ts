// A coupon by the code the shopper typed, as a DiscountRule (read fresh: its uses count), or null
// when no coupon has that code. Codes are stored upper-case; the input is trimmed and upper-cased.
import { z } from "zod";
import { db } from "@/lib/db";
import type { DiscountRule } from "./discount-rule";

const UNKNOWN = "checkoutErrors.coupon.UNKNOWN";

/** A code as typed: letters, digits, dash and underscore, up to 40 characters (upper-cased). */
export const ZCouponCode = z
  .string({ error: UNKNOWN })
  .trim()
  .toUpperCase()
  .max(40, { error: UNKNOWN })
  .regex(/^[A-Z0-9_-]*$/, { error: UNKNOWN });

export const normalizeCouponCode = (code: string) => code.trim().toUpperCase();

export async function findCoupon(code: string): Promise<DiscountRule | null> {
  const coupon = await db.coupon.findUnique({
    where: { code: normalizeCouponCode(code) },
    select: {
      id: true,
      code: true,
      kind: true,
      value: true,
      currency: true,
      minOrderTotal: true,
      maxUses: true,
      usedCount: true,
      maxUsesPerCustomer: true,
      startsAt: true,
      endsAt: true,
      isActive: true,
      scope: true,
      productsExcluded: true,
      minQuantity: true,
      firstOrderOnly: true,
      combinable: true,
      products: { select: { productId: true } },
    },
  });
  if (!coupon) return null;
  return {
    source: "COUPON",
    id: coupon.id,
    label: coupon.code,
    kind: coupon.kind,
    value: coupon.value,
    currency: coupon.currency?.trim() ?? null,
    scope: coupon.scope,
    productIds: coupon.products.map((product) => product.productId),
    productsExcluded: coupon.productsExcluded,
    minOrderTotal: coupon.minOrderTotal,
    minQuantity: coupon.minQuantity,
    startsAt: coupon.startsAt,
    endsAt: coupon.endsAt,
    isActive: coupon.isActive,
    region: null,
    rfmSegments: [],
    abcClasses: [],
    firstOrderOnly: coupon.firstOrderOnly,
    maxUses: coupon.maxUses,
    usedCount: coupon.usedCount,
    maxUsesPerCustomer: coupon.maxUsesPerCustomer,
    combinable: coupon.combinable,
    priority: 0,
  };
}
