// A coupon by the code the shopper typed, as a DiscountRule (read fresh: its uses count), or null
// when no coupon has that code. Codes are stored upper-case; the input is trimmed and upper-cased.
import { z } from "zod";
import { Prisma } from "@/lib/db";
import type { AmountKind, DiscountScope } from "@/lib/db/generated/enums";
import { pgPoolRunner } from "@/lib/db/sql-runner";
import type { DiscountRule } from "./discount-rule";

const UNKNOWN = "checkoutErrors.coupon.UNKNOWN";

/** A code as typed: letters, digits, dash and underscore, up to 40 characters (upper-cased). */
export const ZCouponCode = z
  .string({ error: UNKNOWN })
  .trim()
  .toUpperCase()
  .max(40, { error: UNKNOWN })
  .regex(/^[A-Z0-9_-]*$/, { error: UNKNOWN });

interface CouponRow {
  id: string;
  code: string;
  kind: AmountKind;
  value: number;
  currency: string | null;
  minOrderTotal: number | null;
  maxUses: number | null;
  usedCount: number;
  maxUsesPerCustomer: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
  isActive: boolean;
  scope: DiscountScope;
  productsExcluded: boolean;
  minQuantity: number | null;
  firstOrderOnly: boolean;
  combinable: boolean;
  productIds: string[];
}

export const normalizeCouponCode = (code: string) => code.trim().toUpperCase();

export async function findCoupon(code: string): Promise<DiscountRule | null> {
  // On node-postgres: every order and live quote with a code reads it, and through Prisma's
  // client (a relation too) it cost several times the CPU of the rest of the order's reads.
  // Timestamps come back as UTC instants (the columns hold UTC without a zone).
  const [coupon] = await pgPoolRunner().query<CouponRow>(Prisma.sql`
    SELECT c.id, c.code, c.kind::text AS kind, c.value, c.currency, c."minOrderTotal", c."maxUses", c."usedCount", c."maxUsesPerCustomer",
      c."startsAt" AT TIME ZONE 'UTC' AS "startsAt", c."endsAt" AT TIME ZONE 'UTC' AS "endsAt", c."isActive", c.scope::text AS scope,
      c."productsExcluded", c."minQuantity", c."firstOrderOnly", c.combinable,
      ARRAY(SELECT p."productId" FROM "CouponProduct" p WHERE p."couponId" = c.id ORDER BY p."productId") AS "productIds"
    FROM "Coupon" c WHERE c.code = ${normalizeCouponCode(code)}`);
  if (!coupon) return null;
  return {
    source: "COUPON",
    id: coupon.id,
    label: coupon.code,
    kind: coupon.kind,
    value: coupon.value,
    currency: coupon.currency?.trim() ?? null,
    scope: coupon.scope,
    productIds: coupon.productIds,
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
