// The automatic discounts and promotions in force (or about to be), as DiscountRules: read on
// every checkout view and order, changed rarely, so each process keeps them for a few seconds
// (lib/cache/ttl-cache). Dates are checked against the clock on every use (apply-discounts.ts),
// so a promotion that ends stops at that moment whatever the cache holds; a rule switched off or
// edited in the admin is seen at once by that process (clearDiscountRulesCache) and by the
// others within the cache's lifetime.
import { createTtlCache } from "@/lib/cache/ttl-cache";
import { db } from "@/lib/db";
import type { DiscountRule } from "./discount-rule";
import { clearCouponCache } from "./find-coupon";

const TTL_MS = 5_000;

const rulesCache = createTtlCache("discount-rules", TTL_MS, async (): Promise<DiscountRule[]> => {
  // Rules that ended more than a cache lifetime ago can never apply again: left in the table.
  const since = new Date(Date.now() - TTL_MS);
  const [automatic, promotions] = await Promise.all([
    db.automaticDiscount.findMany({
      where: { isActive: true, OR: [{ endsAt: null }, { endsAt: { gt: since } }] },
      select: {
        id: true,
        name: true,
        kind: true,
        value: true,
        currency: true,
        productId: true,
        region: true,
        minQuantity: true,
        minOrderTotal: true,
        startsAt: true,
        endsAt: true,
        priority: true,
        scope: true,
        rfmSegments: true,
        abcClasses: true,
        firstOrderOnly: true,
        combinable: true,
      },
    }),
    db.promotion.findMany({
      // A promotion is a price on the products it lists: with none left (their rows go with a
      // deleted product) it applies to nothing — an empty list would read as every product.
      where: { isActive: true, endsAt: { gt: since }, products: { some: {} } },
      select: {
        id: true,
        name: true,
        kind: true,
        value: true,
        currency: true,
        startsAt: true,
        endsAt: true,
        showCountdown: true,
        combinable: true,
        products: { select: { productId: true } },
      },
    }),
  ]);
  return [
    ...automatic.map((rule): DiscountRule => ({
      source: "AUTOMATIC",
      id: rule.id,
      label: rule.name,
      kind: rule.kind,
      value: rule.value,
      currency: rule.currency?.trim() ?? null,
      scope: rule.scope,
      productIds: rule.productId ? [rule.productId] : [],
      productsExcluded: false,
      minOrderTotal: rule.minOrderTotal,
      minQuantity: rule.minQuantity,
      startsAt: rule.startsAt,
      endsAt: rule.endsAt,
      isActive: true,
      region: rule.region,
      rfmSegments: rule.rfmSegments,
      abcClasses: rule.abcClasses,
      firstOrderOnly: rule.firstOrderOnly,
      maxUses: null,
      usedCount: 0,
      maxUsesPerCustomer: null,
      combinable: rule.combinable,
      priority: rule.priority,
    })),
    ...promotions.map((promotion): DiscountRule => ({
      source: "PROMOTION",
      id: promotion.id,
      label: promotion.name,
      kind: promotion.kind,
      value: promotion.value,
      currency: promotion.currency?.trim() ?? null,
      scope: "ITEMS",
      productIds: promotion.products.map((product) => product.productId),
      productsExcluded: false,
      minOrderTotal: null,
      minQuantity: null,
      startsAt: promotion.startsAt,
      endsAt: promotion.endsAt,
      isActive: true,
      region: null,
      rfmSegments: [],
      abcClasses: [],
      firstOrderOnly: false,
      maxUses: null,
      usedCount: 0,
      maxUsesPerCustomer: null,
      combinable: promotion.combinable,
      priority: 0,
      countdown: promotion.showCountdown,
    })),
  ];
});

/** Automatic discounts and promotions that may apply now (check each with apply-discounts). */
export const loadDiscountRules = () => rulesCache.get();

/** After an edit in the admin (and in tests): the rules, and the coupons cached by code (find-coupon.ts). */
export const clearDiscountRulesCache = () => {
  rulesCache.clear();
  clearCouponCache();
};

/** Whether any rule needs to know the customer (earlier orders, RFM segment, ABC class). */
export function rulesNeedCustomer(rules: readonly DiscountRule[]): boolean {
  return rules.some((rule) => rule.firstOrderOnly || rule.maxUsesPerCustomer !== null || rule.rfmSegments.length > 0 || rule.abcClasses.length > 0);
}
