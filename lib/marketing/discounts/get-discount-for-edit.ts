// One coupon, automatic discount or promotion as its editor shows it (amounts as typed: decimals
// in the rule's currency, percentages, Moscow datetime-local), with the products to choose from.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { currencyMinorDigits, minorUnitsToDecimalString } from "@/lib/money/format";

export type DiscountEditorKind = "coupon" | "automatic" | "promotion";

const typedAmount = (value: number | null, kind: string, currency: string | null) =>
  value === null ? "" : kind === "PERCENT" ? minorUnitsToDecimalString(value, 2).replace(/\.?0+$/, "") : minorUnitsToDecimalString(value, currencyMinorDigits(currency ?? "RUB"));
/** The instant as a datetime-local value in Moscow time (UTC+3). */
const typedDate = (date: Date | null) => (date ? new Date(date.getTime() + 3 * 3_600_000).toISOString().slice(0, 16) : "");

export async function getDiscountForEdit(kind: DiscountEditorKind, id: string | null, actor: TSectionActor) {
  assertSectionActor(actor, "advertising");
  const products = await db.product.findMany({ orderBy: { name: "asc" }, take: 500, select: { id: true, name: true, currency: true } });
  if (!id) return { values: null, products };
  let values: Record<string, string | string[] | boolean> | null = null;
  if (kind === "coupon") {
    const row = await db.coupon.findUnique({ where: { id }, include: { products: { select: { productId: true } } } });
    if (row) {
      const currency = row.currency?.trim() ?? null;
      values = {
        id: row.id,
        code: row.code,
        description: row.description ?? "",
        kind: row.kind,
        value: typedAmount(row.value, row.kind, currency),
        currency: currency ?? "",
        scope: row.scope,
        productIds: row.products.map((product) => product.productId),
        productsExcluded: row.productsExcluded,
        minOrderTotal: row.minOrderTotal === null ? "" : typedAmount(row.minOrderTotal, "FIXED", currency),
        minQuantity: row.minQuantity?.toString() ?? "",
        maxUses: row.maxUses?.toString() ?? "",
        maxUsesPerCustomer: row.maxUsesPerCustomer?.toString() ?? "",
        startsAt: typedDate(row.startsAt),
        endsAt: typedDate(row.endsAt),
        firstOrderOnly: row.firstOrderOnly,
        combinable: row.combinable,
        isActive: row.isActive,
      };
    }
  } else if (kind === "automatic") {
    const row = await db.automaticDiscount.findUnique({ where: { id } });
    if (row) {
      const currency = row.currency?.trim() ?? null;
      values = {
        id: row.id,
        name: row.name,
        kind: row.kind,
        value: typedAmount(row.value, row.kind, currency),
        currency: currency ?? "",
        scope: row.scope,
        productId: row.productId ?? "",
        region: row.region ?? "",
        rfmSegments: row.rfmSegments,
        abcClasses: row.abcClasses,
        minOrderTotal: row.minOrderTotal === null ? "" : typedAmount(row.minOrderTotal, "FIXED", currency),
        minQuantity: row.minQuantity?.toString() ?? "",
        startsAt: typedDate(row.startsAt),
        endsAt: typedDate(row.endsAt),
        priority: String(row.priority),
        firstOrderOnly: row.firstOrderOnly,
        combinable: row.combinable,
        isActive: row.isActive,
      };
    }
  } else {
    const row = await db.promotion.findUnique({ where: { id }, include: { products: { select: { productId: true } } } });
    if (row) {
      const currency = row.currency?.trim() ?? null;
      values = {
        id: row.id,
        name: row.name,
        description: row.description ?? "",
        kind: row.kind,
        value: typedAmount(row.value, row.kind, currency),
        currency: currency ?? "",
        productIds: row.products.map((product) => product.productId),
        startsAt: typedDate(row.startsAt),
        endsAt: typedDate(row.endsAt),
        showCountdown: row.showCountdown,
        combinable: row.combinable,
        isActive: row.isActive,
      };
    }
  }
  if (!values) throw new AppError("NOT_FOUND", "No such discount");
  return { values, products };
}
