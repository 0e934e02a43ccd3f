// Takes a one-click offer of the thank-you page: adds the offered product to the same order, once.
// The rules (issue 9):
// - the key is the offer's view (getPostOrderOffers): it must belong to this order — another
//   order's key, or a made-up one, is NOT_FOUND and changes nothing;
// - once: the order row is locked, so concurrent clicks queue up, and the second sees the view
//   taken and answers "already added" (OrderItem's unique (orderId, upsellId) backs this up);
// - only before shipping and for orders paid on delivery (canTakePostOrderOffer); a paused
//   upsell, one without a price in the order's currency, or whose trigger is not in the order
//   is refused; so is an offered product that is off sale or out of stock;
// - the line is priced at the upsell's own price; the order's discounts stay as they are (their
//   OrderDiscount rows and discountTotal are not touched: the offer's price is its discount, and
//   an order-level percent is not applied to it again); shipping stays as quoted;
// - stock is reserved like the order's own lines; totals, the view's statistics (taken, revenue),
//   the partner's PERCENT commissions (recalculateOrderCommissions) and a history note are
//   written in the same transaction;
// - the customer hears of it: a mail they already got (the confirmation link, or "order
//   accepted") is followed by a short "order updated" mail through the outbox; a mail still to
//   come (confirmed later by an operator, or paid) is built from the order and shows the item.
import { z } from "zod";
import { recalculateOrderCommissions } from "@/lib/affiliates/commissions/recalculate-order-commissions";
import { clip, orderMailSelect, orderPageUrl, shopInfo, summary } from "@/lib/checkout/order-mails";
import { db, type DbTransaction } from "@/lib/db";
import type { OrderStatus, PaymentMethod } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import { queueMail } from "@/lib/mail/queue-mail";
import { computeTotals, MAX_ORDER_TOTAL } from "@/lib/pricing/compute-totals";
import { consumeRateLimit } from "@/lib/rate-limit";
import { getShopSettings } from "@/lib/settings/get-shop-settings";
import { stockHolding } from "@/lib/orders/transitions";
import { canTakePostOrderOffer } from "./post-order-offer-rules";

export const ZTakeUpsellOfferInput = z.object({
  publicId: z.uuid({ error: "upsellErrors.NOT_FOUND" }),
  viewId: z.string({ error: "upsellErrors.NOT_FOUND" }).trim().min(1, { error: "upsellErrors.NOT_FOUND" }).max(64, { error: "upsellErrors.NOT_FOUND" }),
});
export type TTakeUpsellOfferInput = z.input<typeof ZTakeUpsellOfferInput>;

export interface TakeUpsellOfferResult {
  /** ADDED: this call added the item; ALREADY_ADDED: an earlier call did (nothing changed now). */
  outcome: "ADDED" | "ALREADY_ADDED";
  order: { publicId: string; itemsTotal: number; discountTotal: number; shippingTotal: number; total: number; currency: string };
}

/** Refusals the thank-you page explains (messages "upsellErrors.<reason>"). */
export type UpsellRefusal = "orderShipped" | "orderClosed" | "prepaid" | "paused" | "unavailable" | "outOfStock" | "totalTooLarge";

const refuse = (reason: UpsellRefusal) => new AppError("CONFLICT", `upsellErrors.${reason}`, { fieldErrors: { offer: [`upsellErrors.${reason}`] } });

interface LockedOrder {
  id: string;
  number: number;
  publicId: string;
  status: OrderStatus;
  paymentMethod: PaymentMethod;
  currency: string;
  customerId: string;
  itemsTotal: number;
  discountTotal: number;
  shippingTotal: number;
}

export async function takeUpsellOffer(input: TTakeUpsellOfferInput, context: { ip: string }): Promise<TakeUpsellOfferResult> {
  await consumeRateLimit("checkout", context.ip || "unknown");
  const parsed = ZTakeUpsellOfferInput.safeParse(input);
  if (!parsed.success) throw new AppError("NOT_FOUND", "upsellErrors.NOT_FOUND");
  const { publicId, viewId } = parsed.data;
  return db.$transaction((tx) => takeInTransaction(tx, publicId, viewId), { maxWait: 10_000, timeout: 20_000 });
}

async function takeInTransaction(tx: DbTransaction, publicId: string, viewId: string): Promise<TakeUpsellOfferResult> {
  const [order] = await tx.$queryRaw<LockedOrder[]>`
    SELECT id, number, "publicId", status::text AS status, "paymentMethod"::text AS "paymentMethod", trim(currency) AS currency, "customerId",
           "itemsTotal", "discountTotal", "shippingTotal"
    FROM "Order" WHERE "publicId" = ${publicId} FOR UPDATE`;
  if (!order) throw new AppError("NOT_FOUND", "upsellErrors.NOT_FOUND");
  const view = await tx.upsellView.findUnique({ where: { id: viewId }, select: { orderId: true, upsellId: true, takenAt: true } });
  // Another order's offer looks exactly like a made-up one.
  if (!view || view.orderId !== order.id) throw new AppError("NOT_FOUND", "upsellErrors.NOT_FOUND");
  const result = (outcome: TakeUpsellOfferResult["outcome"], totals: Pick<LockedOrder, "itemsTotal" | "discountTotal" | "shippingTotal"> & { total?: number }) => ({
    outcome,
    order: {
      publicId: order.publicId,
      currency: order.currency,
      itemsTotal: totals.itemsTotal,
      discountTotal: totals.discountTotal,
      shippingTotal: totals.shippingTotal,
      total: totals.total ?? totals.itemsTotal - totals.discountTotal + totals.shippingTotal,
    },
  });
  const present = await tx.orderItem.findFirst({ where: { orderId: order.id, upsellId: view.upsellId }, select: { id: true } });
  if (view.takenAt || present) return result("ALREADY_ADDED", order);

  if (!canTakePostOrderOffer(order)) {
    if (order.paymentMethod === "PREPAID") throw refuse("prepaid");
    throw refuse(["CANCELLED", "RETURNED", "DUPLICATE", "SPAM"].includes(order.status) ? "orderClosed" : "orderShipped");
  }
  const upsell = await tx.upsell.findUnique({
    where: { id: view.upsellId },
    select: {
      kind: true,
      isActive: true,
      quantity: true,
      prices: { where: { currency: order.currency }, select: { price: true } },
      triggers: { select: { productId: true } },
      offerProduct: { select: { id: true, name: true, isActive: true, baseCost: true } },
    },
  });
  if (!upsell || upsell.kind !== "ONE_CLICK") throw new AppError("NOT_FOUND", "upsellErrors.NOT_FOUND");
  if (!upsell.isActive) throw refuse("paused");
  const price = upsell.prices[0]?.price;
  const items = await tx.orderItem.findMany({ where: { orderId: order.id }, select: { productId: true, unitPrice: true, quantity: true } });
  const triggered = upsell.triggers.some((trigger) => items.some((item) => item.productId === trigger.productId));
  if (price === undefined || !upsell.offerProduct.isActive || !triggered) throw refuse("unavailable");

  const line = { unitPrice: price, quantity: upsell.quantity };
  if (order.itemsTotal + price * upsell.quantity + order.shippingTotal > MAX_ORDER_TOTAL) throw refuse("totalTooLarge");
  const totals = computeTotals({ items: [...items, line], discount: order.discountTotal, shipping: order.shippingTotal });

  if (stockHolding(order.status).reserved) {
    const reserved = await tx.$executeRaw`
      UPDATE "Product" SET reserved = CASE WHEN stock IS NULL THEN reserved ELSE reserved + ${upsell.quantity}::int END
      WHERE id = ${upsell.offerProduct.id} AND (stock IS NULL OR stock - reserved >= ${upsell.quantity}::int)`;
    if (reserved === 0) throw refuse("outOfStock");
  }
  const now = new Date();
  const lineTotal = price * upsell.quantity;
  await tx.orderItem.create({
    data: {
      orderId: order.id,
      productId: upsell.offerProduct.id,
      kind: "UPSELL",
      upsellId: view.upsellId,
      productName: upsell.offerProduct.name,
      quantity: upsell.quantity,
      unitPrice: price,
      unitCost: upsell.offerProduct.baseCost,
      total: lineTotal,
      createdAt: now,
    },
    select: { id: true },
  });
  await tx.order.update({ where: { id: order.id }, data: totals, select: { id: true } });
  await tx.upsellView.update({ where: { id: viewId }, data: { takenAt: now, revenue: lineTotal }, select: { id: true } });
  await tx.orderStatusChange.create({
    data: { orderId: order.id, fromStatus: order.status, toStatus: order.status, actorType: "CUSTOMER", actorId: order.customerId, reason: `upsell added: ${upsell.offerProduct.name}` },
    select: { id: true },
  });
  await recalculateOrderCommissions(
    tx,
    { id: order.id, number: order.number, itemsTotal: totals.itemsTotal, currency: order.currency },
    { previousItemsTotal: order.itemsTotal, note: "upsell added" },
  );
  await queueOrderUpdatedMail(tx, order, upsell.offerProduct.name, view.upsellId);
  return result("ADDED", totals);
}

/** The "order updated" mail, when a customer mail with the old contents already went out. */
async function queueOrderUpdatedMail(tx: DbTransaction, locked: LockedOrder, addedItem: string, upsellId: string) {
  const order = await tx.order.findUniqueOrThrow({ where: { id: locked.id }, select: orderMailSelect });
  if (!order.emailNormalized) return;
  // CONFIRMED: "order accepted" went out; UNCONFIRMED with a confirmation link: that mail did.
  // Otherwise the next mail (accepted, on confirmation or payment) is built from the order.
  const alreadyMailed = locked.status === "CONFIRMED" || (await tx.linkToken.count({ where: { orderId: order.id, purpose: "CONFIRM_ORDER" } })) > 0;
  if (!alreadyMailed) return;
  const settings = await getShopSettings();
  await queueMail(tx, {
    idempotencyKey: `order-updated:${order.id}:upsell:${upsellId}`,
    to: order.emailNormalized,
    template: "order-updated",
    locale: isLocale(order.locale) ? order.locale : "ru",
    props: {
      ...summary({ ...order, currency: order.currency.trim() }),
      shop: shopInfo(settings),
      customerName: clip(order.customerName, 200),
      addedItem: clip(addedItem, 300) ?? "—",
      paymentMethod: order.paymentMethod,
      orderUrl: orderPageUrl(order.publicId),
    },
  });
}
