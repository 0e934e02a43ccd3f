// The shapes the discount rules work on: one DiscountRule for a coupon, an automatic discount or a
// promotion (loaded from their tables by load-discount-rules.ts / find-coupon.ts), the cart as the
// checkout priced it, and what is known of the customer. Amounts are integer minor units of the
// order's currency unless a rule names another `currency`; percentages are basis points.
import type { DiscountScope, DiscountSource, Region } from "@/lib/db/generated/enums";

export type { DiscountScope };
export type DiscountRuleSource = Exclude<DiscountSource, "MANUAL">;
export type DiscountKind = "PERCENT" | "FIXED" | "PRICE";

export interface DiscountRule {
  source: DiscountRuleSource;
  id: string;
  /** The coupon's code, or the discount's / promotion's name: shown to the shopper and on the order. */
  label: string;
  /** PERCENT: basis points; FIXED: minor units of `currency`; PRICE (promotions): the sale price of one unit. */
  kind: DiscountKind;
  value: number;
  /** Currency of FIXED / PRICE values and of minOrderTotal; null: the order's (PERCENT without a minimum). */
  currency: string | null;
  scope: DiscountScope;
  /** Products it applies to (or, with productsExcluded, does not); empty: every product. */
  productIds: readonly string[];
  productsExcluded: boolean;
  minOrderTotal: number | null;
  minQuantity: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
  isActive: boolean;
  region: Region | null;
  /** Customer RFM segments / ABC classes it is for; empty: every customer. */
  rfmSegments: readonly string[];
  abcClasses: readonly string[];
  firstOrderOnly: boolean;
  maxUses: number | null;
  usedCount: number;
  maxUsesPerCustomer: number | null;
  combinable: boolean;
  /** Among equally good discounts the higher priority wins. */
  priority: number;
  /** Promotions: show a countdown to endsAt on the checkout page. */
  countdown?: boolean;
  /** Coupons: the row's "updatedAt" as read (text), which the order's claim of a use checks (find-coupon.ts). */
  version?: string;
}

export interface DiscountCartLine {
  productId: string;
  quantity: number;
  /** Minor units of the cart's currency. */
  unitPrice: number;
}

export interface DiscountCart {
  currency: string;
  region: Region;
  lines: readonly DiscountCartLine[];
  /** Shipping cost, minor units. */
  shipping: number;
}

/**
 * What is known of the customer placing the order (by normalised phone / email); null when no
 * contact is known yet (a live quote before the form is filled in): such a shopper counts as new.
 */
export interface CustomerFacts {
  /** Earlier orders that were not cancelled, spam or duplicates. */
  earlierOrders: number;
  /** Orders already placed with the coupon being checked. */
  couponUses: number;
  rfmSegment: string | null;
  abcClass: string | null;
}

/** Why a rule does not apply; each has a message under "discounts.problems" in messages/*.json. */
export type DiscountProblem =
  | "UNKNOWN"
  | "INACTIVE"
  | "NOT_STARTED"
  | "EXPIRED"
  | "USED_UP"
  | "USED_BY_CUSTOMER"
  | "FOREIGN_CURRENCY"
  | "PRODUCT_EXCLUDED"
  | "MIN_TOTAL"
  | "MIN_QUANTITY"
  | "FIRST_ORDER_ONLY"
  | "REGION"
  | "SEGMENT"
  | "NOTHING_TO_DISCOUNT";

export interface AppliedDiscount {
  source: DiscountRuleSource;
  id: string;
  label: string;
  /** The whole amount taken off (minor units), shippingAmount included. */
  amount: number;
  /** The part of `amount` taken off shipping; the rest is off the items. */
  shippingAmount: number;
}

/** Converts minor units between currencies (the shop's rates); null when no rate is known. */
export type ConvertMinor = (amountMinor: number, from: string, to: string) => number | null;
