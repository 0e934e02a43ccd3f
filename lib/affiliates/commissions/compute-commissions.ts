// Commission maths, pure (DESIGN.md, Affiliates): one commission per level of an attributed order,
// from the most specific rule that exists for that level — the partner's override for the product,
// then the partner's override for all products, then the product's table, then the program
// default. FIXED is minor units, PERCENT is basis points of the order's items total after its
// discounts (commissionBase: shipping is the carrier's money, not a sale), rounded half-up to minor units. Zero pays nothing: no row.
import type { AmountKind } from "@/lib/db/generated/enums";

export interface CommissionRule {
  kind: AmountKind;
  /** FIXED: minor units of `currency` (the order currency when null); PERCENT: basis points. */
  value: number;
  currency?: string | null;
}

export interface PartnerOverrideRule extends CommissionRule {
  partnerId: string;
  /** null: the partner's rate for every product. */
  productId: string | null;
  level: number;
}

export interface CommissionRuleSet {
  productId: string;
  /** Overrides of the partners of the chain (any level). */
  overrides: readonly PartnerOverrideRule[];
  /** The product's own table, by level. */
  productRules: readonly (CommissionRule & { level: number })[];
  /** The program defaults, by level. */
  defaults: readonly (CommissionRule & { level: number })[];
}

/** One partner up the chain: index 0 is the partner who brought the order, 1 their parent, … */
export interface ChainPartner {
  id: string;
  status: string;
}

export interface PlannedCommission {
  level: number;
  partnerId: string;
  amount: number;
  ruleKind: AmountKind;
  ruleValue: number;
}

const BASIS_POINTS = 10_000n;

/** `numerator / denominator` rounded half-up (away from zero on a tie), for non-negative inputs. */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** Basis points of an amount in minor units, rounded half-up: 12.5 kopecks pays 13. */
export function percentOf(amountMinor: number, basisPoints: number): number {
  if (amountMinor <= 0 || basisPoints <= 0) return 0;
  return Number(divideHalfUp(BigInt(amountMinor) * BigInt(basisPoints), BASIS_POINTS));
}

/**
 * What percent commissions count: the items total less the discounts taken off the items (a
 * discount's part off shipping is the carrier's money either way), never below zero.
 */
export function commissionBase(order: { itemsTotal: number; discountTotal: number; shippingDiscount: number }): number {
  return Math.max(0, order.itemsTotal - Math.max(0, order.discountTotal - order.shippingDiscount));
}

/** The rule that decides `partnerId`'s commission at `level`, most specific first; undefined: none. */
export function pickCommissionRule(rules: CommissionRuleSet, partnerId: string, level: number): CommissionRule | undefined {
  const own = rules.overrides.filter((rule) => rule.partnerId === partnerId && rule.level === level);
  return (
    own.find((rule) => rule.productId === rules.productId) ??
    own.find((rule) => rule.productId === null) ??
    rules.productRules.find((rule) => rule.level === level) ??
    rules.defaults.find((rule) => rule.level === level)
  );
}

/** A FIXED rule's amount in the order's currency (the shop's rates, lib/pricing/rates-map), or null when no rate links them. */
export type ToOrderCurrency = (amountMinor: number, fromCurrency: string) => number | null;

/**
 * The amount of one rule for an order, in the order currency. `toOrderCurrency` converts a FIXED
 * rule of another currency; no rate known pays nothing rather than a guess.
 */
export function commissionAmount(rule: CommissionRule, order: { itemsTotal: number; currency: string }, toOrderCurrency: ToOrderCurrency = () => null): number {
  if (rule.value <= 0) return 0;
  if (rule.kind === "PERCENT") return percentOf(order.itemsTotal, rule.value);
  if (!rule.currency || rule.currency === order.currency) return rule.value;
  return toOrderCurrency(rule.value, rule.currency) ?? 0;
}

/**
 * The commissions of an order: one per paid level whose partner exists and is ACTIVE and whose
 * rule pays more than zero. `chain[level]` is the partner at that level (shorter chains simply
 * end); `levels` is the program's number of paid levels.
 */
export function planCommissions(input: {
  chain: readonly (ChainPartner | undefined)[];
  levels: number;
  order: { itemsTotal: number; currency: string };
  rules: CommissionRuleSet;
  toOrderCurrency?: ToOrderCurrency;
}): PlannedCommission[] {
  const planned: PlannedCommission[] = [];
  for (let level = 0; level < input.levels; level++) {
    const partner = input.chain[level];
    if (!partner || partner.status !== "ACTIVE") continue;
    const rule = pickCommissionRule(input.rules, partner.id, level);
    if (!rule) continue;
    const amount = commissionAmount(rule, input.order, input.toOrderCurrency);
    if (amount <= 0) continue;
    planned.push({ level, partnerId: partner.id, amount, ruleKind: rule.kind, ruleValue: rule.value });
  }
  return planned;
}
