// How share rules combine. A co-owner's rule for a product wins over their all-products rule (the
// most specific rule wins, per co-owner), so "30 % of everything, but 10 % of the Diesel" means
// 10 % of the Diesel. The shares of one product add up over the co-owners; a product without
// product rules gets the all-products rules only, which is also what a product created tomorrow
// gets. Pure: the callers pass the rules of the active co-owners.
import { MAX_BASIS_POINTS } from "./coowner-input";

export interface ShareRule {
  coOwnerId: string;
  /** null: all products. */
  productId: string | null;
  basisPoints: number;
}

/** Basis points of `productId` going to each co-owner with a share in it (none: not in the map). */
export function sharesOfProduct(rules: readonly ShareRule[], productId: string): Map<string, number> {
  const shares = new Map<string, number>();
  for (const rule of rules) if (rule.productId === null && !shares.has(rule.coOwnerId)) shares.set(rule.coOwnerId, rule.basisPoints);
  for (const rule of rules) if (rule.productId === productId) shares.set(rule.coOwnerId, rule.basisPoints);
  return shares;
}

/** The total share of every product that has rules of its own, and of any other product (`allProducts`). */
export function shareTotals(rules: readonly ShareRule[]): { allProducts: number; products: Map<string, number> } {
  const sum = (shares: Map<string, number>) => [...shares.values()].reduce((total, basisPoints) => total + basisPoints, 0);
  const allProducts = rules.filter((rule) => rule.productId === null).reduce((total, rule) => total + rule.basisPoints, 0);
  const products = new Map<string, number>();
  for (const productId of new Set(rules.map((rule) => rule.productId).filter((id): id is string => id !== null))) products.set(productId, sum(sharesOfProduct(rules, productId)));
  return { allProducts, products };
}

/** The products (null: those without rules of their own) whose shares add up to more than 100 %. */
export function sharesOverLimit(rules: readonly ShareRule[]): { productId: string | null; basisPoints: number }[] {
  const totals = shareTotals(rules);
  return [
    ...(totals.allProducts > MAX_BASIS_POINTS ? [{ productId: null, basisPoints: totals.allProducts }] : []),
    ...[...totals.products].filter(([, basisPoints]) => basisPoints > MAX_BASIS_POINTS).map(([productId, basisPoints]) => ({ productId, basisPoints })),
  ];
}
