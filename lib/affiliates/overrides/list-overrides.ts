// A partner's commission overrides for the admin partner page: all-products rates first, then by
// product name and level. Plain values only (no Date/Decimal), ready for client components.
import { db } from "@/lib/db";
import type { AmountKind } from "@/lib/db/generated/enums";

export interface OverrideRow {
  id: string;
  productId: string | null;
  productName: string | null;
  /** The product's currency: a FIXED rate for one product is read in it. */
  productCurrency: string | null;
  level: number;
  kind: AmountKind;
  /** Minor units (FIXED) or basis points (PERCENT). */
  value: number;
}

export async function listOverrides(partnerId: string): Promise<OverrideRow[]> {
  const rows = await db.partnerCommissionOverride.findMany({
    where: { partnerId },
    select: { id: true, productId: true, level: true, kind: true, value: true, product: { select: { name: true, currency: true } } },
  });
  return rows
    .map(({ product, ...row }) => ({ ...row, productName: product?.name ?? null, productCurrency: product?.currency.trim() ?? null }))
    .sort((a, b) => (a.productId === null ? 0 : 1) - (b.productId === null ? 0 : 1) || (a.productName ?? "").localeCompare(b.productName ?? "") || a.level - b.level);
}
