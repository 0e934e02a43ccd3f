// What the upsell editor needs: the upsell (or nothing, for a new one), the products to choose
// from and the enabled currencies with their minor-unit digits (prices are shown in major units).
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import type { UpsellKind } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";

export interface TUpsellEditor {
  upsell: {
    id: string;
    kind: UpsellKind;
    offerProductId: string;
    triggerProductIds: string[];
    title: string;
    titleEn: string | null;
    description: string | null;
    descriptionEn: string | null;
    quantity: number;
    position: number;
    isActive: boolean;
    /** Minor units per currency. */
    prices: Record<string, number>;
  } | null;
  products: { id: string; name: string; currency: string; isActive: boolean }[];
  currencies: { code: string; digits: number }[];
}

export async function getUpsellEditor(id: string | null, actor: TSectionActor): Promise<TUpsellEditor> {
  assertSectionActor(actor, "advertising");
  const [upsell, products, currencies] = await Promise.all([
    id
      ? db.upsell.findUnique({
          where: { id },
          select: {
            id: true,
            kind: true,
            offerProductId: true,
            title: true,
            titleEn: true,
            description: true,
            descriptionEn: true,
            quantity: true,
            position: true,
            isActive: true,
            triggers: { select: { productId: true } },
            prices: { select: { currency: true, price: true } },
          },
        })
      : null,
    db.product.findMany({ orderBy: [{ isActive: "desc" }, { name: "asc" }], select: { id: true, name: true, currency: true, isActive: true }, take: 1000 }),
    db.currency.findMany({ where: { isEnabled: true }, orderBy: { code: "asc" }, select: { code: true, minorUnitDigits: true } }),
  ]);
  if (id && !upsell) throw new AppError("NOT_FOUND", "adminUpsells.errors.NOT_FOUND");
  return {
    upsell: upsell && {
      id: upsell.id,
      kind: upsell.kind,
      offerProductId: upsell.offerProductId,
      triggerProductIds: upsell.triggers.map((trigger) => trigger.productId),
      title: upsell.title,
      titleEn: upsell.titleEn,
      description: upsell.description,
      descriptionEn: upsell.descriptionEn,
      quantity: upsell.quantity,
      position: upsell.position,
      isActive: upsell.isActive,
      prices: Object.fromEntries(upsell.prices.map((price) => [price.currency.trim(), price.price])),
    },
    products: products.map((product) => ({ ...product, currency: product.currency.trim() })),
    currencies: currencies.map((currency) => ({ code: currency.code.trim(), digits: currency.minorUnitDigits })),
  };
}
