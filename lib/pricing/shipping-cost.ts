// Shipping cost by the shop's rules. The most specific active rule for the method wins:
// country over region over neither, and at each of those a product's own rule over a shop-wide
// one; among equals the highest `priority`. A rule is free from `freeFrom` (items total).
import type { Region, ShippingMethod } from "@/lib/db/generated/enums";

export interface ShippingRuleInput {
  id: string;
  method: ShippingMethod;
  productId: string | null;
  country: string | null;
  region: Region | null;
  cost: number;
  currency: string;
  freeFrom: number | null;
  priority: number;
  isActive: boolean;
}

export interface ShippingQuery {
  productId?: string;
  country: string;
  region: Region;
  method: ShippingMethod;
  /** Items total in minor units of `currency` (the order's). */
  itemsTotal: number;
  currency: string;
}

/** Converts minor units between currencies (getRatesMap().convert); null when no rate is known. */
export type ConvertMinor = (amountMinor: number, from: string, to: string) => number | null;

export interface ShippingQuote {
  ruleId: string;
  method: ShippingMethod;
  /** Minor units of the order's currency. */
  cost: number;
}

function specificity(rule: ShippingRuleInput): number {
  const geography = rule.country ? 3 : rule.region ? 2 : 1;
  return geography * 2 + (rule.productId ? 1 : 0);
}

/** The rule that applies, or undefined when none does (the method is not offered there). */
export function pickShippingRule<R extends ShippingRuleInput>(rules: readonly R[], query: Omit<ShippingQuery, "itemsTotal" | "currency">): R | undefined {
  let best: R | undefined;
  for (const rule of rules) {
    if (!rule.isActive || rule.method !== query.method) continue;
    if (rule.productId && rule.productId !== query.productId) continue;
    if (rule.country && rule.country !== query.country) continue;
    if (rule.region && rule.region !== query.region) continue;
    if (!best || specificity(rule) > specificity(best) || (specificity(rule) === specificity(best) && rule.priority > best.priority)) best = rule;
  }
  return best;
}

/**
 * The shipping cost for the query in the order's currency, or null when no rule offers the
 * method there. Rules priced in another currency are converted (cost and threshold) with
 * `convert`; a rule whose currency cannot be converted throws, as that is a setup error.
 */
export function shippingCost(rules: readonly ShippingRuleInput[], query: ShippingQuery, convert?: ConvertMinor): ShippingQuote | null {
  const rule = pickShippingRule(rules, query);
  if (!rule) return null;
  const toOrderCurrency = (amount: number) => {
    if (rule.currency === query.currency) return amount;
    const converted = convert?.(amount, rule.currency, query.currency);
    if (converted === null || converted === undefined) {
      throw new Error(`Shipping rule ${rule.id} is priced in ${rule.currency} and there is no rate to ${query.currency}`);
    }
    return converted;
  };
  const free = rule.freeFrom !== null && query.itemsTotal >= toOrderCurrency(rule.freeFrom);
  return { ruleId: rule.id, method: rule.method, cost: free ? 0 : toOrderCurrency(rule.cost) };
}
