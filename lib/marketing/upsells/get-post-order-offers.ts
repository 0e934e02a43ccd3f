// The one-click offers of an order's thank-you page: active ONE_CLICK upsells whose trigger
// product is in the order, with a price in the order's currency, whose offered product is on sale
// and in stock, and that the order does not hold yet — plus those it took, shown as added. Showing
// an offer to a person (`record`) writes its UpsellView row once per upsell and order: the row's
// id is the offer's idempotency key (the button sends it back) and the rows are the "shown"
// statistic, so a reload neither counts twice nor makes a second key.
import { z } from "zod";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import { canTakePostOrderOffer, POST_ORDER_OFFER_LIMIT } from "./post-order-offer-rules";
import { upsellTexts } from "./upsell-texts";

export interface TPostOrderOffer {
  /** The offer's key for takeUpsellOffer (an UpsellView id); null when it was not recorded. */
  viewId: string | null;
  upsellId: string;
  title: string;
  description: string | null;
  productName: string;
  imageUrl: string | null;
  quantity: number;
  /** The offer's price per unit, minor units of `currency`. */
  price: number;
  /** The offered product's regular unit price in the order's region, when it is sold in the order's currency and costs more. */
  regularPrice: number | null;
  currency: string;
  taken: boolean;
}

const ZPublicId = z.uuid();

export async function getPostOrderOffers(publicId: string, options: { locale: Locale; record: boolean }): Promise<TPostOrderOffer[]> {
  if (!ZPublicId.safeParse(publicId).success) return [];
  const order = await db.order.findUnique({
    where: { publicId },
    select: {
      id: true,
      status: true,
      paymentMethod: true,
      currency: true,
      region: true,
      items: { select: { productId: true, upsellId: true } },
      upsellViews: { where: { takenAt: { not: null }, upsell: { kind: "ONE_CLICK" } }, select: { id: true, upsellId: true } },
    },
  });
  if (!order) return [];
  const currency = order.currency.trim();
  const inOrder = new Set(order.items.flatMap((item) => (item.upsellId ? [item.upsellId] : [])));
  const taken = new Map(order.upsellViews.map((view) => [view.upsellId, view.id]));
  const open = canTakePostOrderOffer(order);
  if (!open && taken.size === 0) return [];

  const candidates = await db.upsell.findMany({
    where: {
      kind: "ONE_CLICK",
      OR: [
        ...(open
          ? [{ isActive: true, offerProduct: { isActive: true }, triggers: { some: { productId: { in: order.items.map((item) => item.productId) } } }, id: { notIn: [...inOrder] } }]
          : []),
        { id: { in: [...taken.keys()] } },
      ],
    },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      titleEn: true,
      description: true,
      descriptionEn: true,
      quantity: true,
      prices: { where: { currency }, select: { price: true } },
      offerProduct: {
        select: { name: true, imageUrl: true, currency: true, stock: true, reserved: true, prices: { where: { region: order.region }, select: { price: true } } },
      },
    },
  });
  const views = await db.upsellView.findMany({ where: { orderId: order.id, upsellId: { in: candidates.map((upsell) => upsell.id) } }, select: { id: true, upsellId: true, revenue: true } });

  const offers = candidates.filter((upsell) => {
    if (taken.has(upsell.id)) return true;
    const stock = upsell.offerProduct.stock;
    return upsell.prices.length > 0 && (stock === null || stock - upsell.offerProduct.reserved >= upsell.quantity);
  });
  const shown = [...offers.filter((upsell) => taken.has(upsell.id)), ...offers.filter((upsell) => !taken.has(upsell.id)).slice(0, POST_ORDER_OFFER_LIMIT)];

  const viewIds = new Map(views.map((view) => [view.upsellId, view.id]));
  const missing = shown.filter((upsell) => !viewIds.has(upsell.id));
  if (options.record && missing.length > 0) {
    await db.upsellView.createMany({ data: missing.map((upsell) => ({ upsellId: upsell.id, orderId: order.id, currency })), skipDuplicates: true });
    const created = await db.upsellView.findMany({ where: { orderId: order.id, upsellId: { in: missing.map((upsell) => upsell.id) } }, select: { id: true, upsellId: true } });
    for (const view of created) viewIds.set(view.upsellId, view.id);
  }

  return shown.map((upsell) => {
    const price = upsell.prices[0]?.price ?? 0;
    const regular = upsell.offerProduct.currency.trim() === currency ? upsell.offerProduct.prices[0]?.price : undefined;
    return {
      viewId: viewIds.get(upsell.id) ?? null,
      upsellId: upsell.id,
      ...upsellTexts(upsell, options.locale),
      productName: upsell.offerProduct.name,
      imageUrl: upsell.offerProduct.imageUrl,
      quantity: upsell.quantity,
      price,
      regularPrice: regular !== undefined && regular > price ? regular : null,
      currency,
      taken: taken.has(upsell.id),
    };
  });
}
