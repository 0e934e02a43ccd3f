// The shipping rules as the settings page lists them: shop-wide first, then by method and
// specificity, the way the owner reads "which rule wins".
import { db } from "@/lib/db";
import type { Region, ShippingMethod } from "@/lib/db/generated/enums";
import { shippingRuleSelect } from "./shipping-rule-schema";

export interface ShippingRuleRow {
  id: string;
  name: string;
  method: ShippingMethod;
  country: string | null;
  region: Region | null;
  productId: string | null;
  productName: string | null;
  cost: number;
  currency: string;
  freeFrom: number | null;
  priority: number;
  isActive: boolean;
}

export async function listShippingRules(): Promise<ShippingRuleRow[]> {
  const rules = await db.shippingRule.findMany({
    select: { ...shippingRuleSelect, product: { select: { name: true } } },
    orderBy: [{ method: "asc" }, { country: "asc" }, { region: "asc" }, { priority: "desc" }, { createdAt: "asc" }],
  });
  return rules.map(({ product, ...rule }) => ({
    ...rule,
    country: rule.country?.trim() ?? null,
    currency: rule.currency.trim(),
    productName: product?.name ?? null,
  }));
}
