// A coupon by the code the shopper typed, as a DiscountRule, or null when no coupon has that code.
// Codes are stored upper-case; the input is trimmed and upper-cased.
//
// Every order and live quote with a code reads its coupon, so each process keeps the ones that
// could apply (active, uses left) for a few seconds (lib/cache/ttl-cache); an unknown, inactive
// or used-up code is read afresh on every ask, so a refusal is never an old answer. The order's
// claim of a use (lib/checkout/order-write-sql, reserveStock) checks what the cache may have
// missed under the coupon's row lock: the uses left, and `version` (the row's "updatedAt", which
// every edit of the coupon or its products moves) — a coupon edited meanwhile fails the claim
// with COUPON_CHANGED, and the order is priced again on a fresh read (lib/checkout/place-order).
import { z } from "zod";
import { createKeyedTtlCache } from "@/lib/cache/ttl-cache";
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
  version: string;
}

export const normalizeCouponCode = (code: string) => code.trim().toUpperCase();

const TTL_MS = 5_000;

const usable = (coupon: DiscountRule | null) => coupon !== null && coupon.isActive && (coupon.maxUses === null || coupon.usedCount < coupon.maxUses);

const couponCache = createKeyedTtlCache("coupons", TTL_MS, readCoupon, { maxEntries: 1_000, keep: usable });

/** The coupon of a code: from this process's cache while it could apply, else read now (`fresh`: always read now). */
export function findCoupon(code: string, options: { fresh?: boolean } = {}): Promise<DiscountRule | null> {
  return couponCache.get(normalizeCouponCode(code), options);
}

/** After an edit in the admin (its own process sees it at once), and in tests. */
export const clearCouponCache = () => couponCache.clear();

async function readCoupon(code: string): Promise<DiscountRule | null> {
  // On node-postgres: every order and live quote with a code reads it, and through Prisma's
  // client (a relation too) it cost several times the CPU of the rest of the order's reads.
  // Timestamps come back as UTC instants (the columns hold UTC without a zone).
  const [coupon] = await pgPoolRunner().query<CouponRow>(Prisma.sql`
    SELECT c.id, c.code, c.kind::text AS kind, c.value, c.currency, c."minOrderTotal", c."maxUses", c."usedCount", c."maxUsesPerCustomer",
      c."startsAt" AT TIME ZONE 'UTC' AS "startsAt", c."endsAt" AT TIME ZONE 'UTC' AS "endsAt", c."isActive", c.scope::text AS scope,
      c."productsExcluded", c."minQuantity", c."firstOrderOnly", c.combinable, c."updatedAt"::text AS version,
      ARRAY(SELECT p."productId" FROM "CouponProduct" p WHERE p."couponId" = c.id ORDER BY p."productId") AS "productIds"
    FROM "Coupon" c WHERE c.code = ${code}`);
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
    version: coupon.version,
  };
}
