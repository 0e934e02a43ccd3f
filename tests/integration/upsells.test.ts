// The thank-you page's one-click offer against a real PostgreSQL: shown once per order (its view is
// the idempotency key), taken once however many clicks arrive at the same moment, only before
// shipping, never for a paused upsell or with another order's key; totals, stock, statistics,
// commissions (PENDING recomputed, PAID left alone with a positive adjustment) and the "order
// updated" mail follow; and the checkout's bumps are counted (shown, taken, revenue).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import { getPostOrderOffers } from "@/lib/marketing/upsells/get-post-order-offers";
import { takeUpsellOffer } from "@/lib/marketing/upsells/take-upsell-offer";
import { createUpsell, removeUpsellMails } from "@/lib/marketing/upsells/test-fixtures";
import { changeOrderStatus } from "@/lib/orders/change-order-status";
import { refusal } from "../helpers/refusal";

const fx = checkoutFixtures("upsell");
const orderIds: string[] = [];
const partnerIds: string[] = [];

async function order(slug: string, overrides: Record<string, unknown> = {}, context: { partnerId?: string } = {}) {
  const placed = await placeOrder(fx.input(slug, overrides), { ip: fx.ip(), attribution: context.partnerId ? { partnerId: context.partnerId } : undefined });
  orderIds.push(placed.order.id);
  return placed.order;
}

async function offerOf(publicId: string) {
  const offers = await getPostOrderOffers(publicId, { locale: "ru", record: true });
  expect(offers).toHaveLength(1);
  return offers[0]!;
}

const snapshot = (orderId: string) =>
  db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      itemsTotal: true,
      discountTotal: true,
      shippingTotal: true,
      total: true,
      items: { select: { kind: true, upsellId: true, quantity: true, unitPrice: true, total: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });

const ip = () => ({ ip: fx.ip() });

beforeAll(async () => {
  await ensureCheckoutReferenceData();
});

afterAll(async () => {
  await removeUpsellMails(orderIds);
  await db.partnerLedgerEntry.deleteMany({ where: { partnerId: { in: partnerIds } } });
  await db.commission.deleteMany({ where: { partnerId: { in: partnerIds } } });
  await fx.cleanup();
  await db.partner.deleteMany({ where: { id: { in: partnerIds } } });
  await disconnectDb();
});

describe("checkout bumps", () => {
  it("count every order placed with the bump offered as shown, and the ones that took it as taken with their revenue", async () => {
    const product = await fx.createProduct();
    const bump = await createUpsell(fx, product.id, { kind: "BUMP", price: 49000, quantity: 2 }); // 2 × 490.00 RUB
    await order(product.slug, { bumpIds: [bump.id] });
    await order(product.slug);
    await order(product.slug);
    const views = await db.upsellView.findMany({ where: { upsellId: bump.id }, select: { takenAt: true, revenue: true, currency: true } });
    expect(views).toHaveLength(3);
    expect(views.filter((view) => view.takenAt !== null)).toEqual([{ takenAt: expect.any(Date), revenue: 98000, currency: "RUB" }]); // 980.00 RUB
  });
});

describe("the thank-you page's one-click offer", () => {
  it("adds the item once under five concurrent clicks: totals, stock, statistics, history and one 'order updated' mail", async () => {
    const product = await fx.createProduct();
    const upsell = await createUpsell(fx, product.id, { price: 49000 }); // 490.00 RUB
    const placed = await order(product.slug); // EMAIL_LINK: the confirmation mail has gone out
    const offer = await offerOf(placed.publicId);
    expect(offer).toMatchObject({ upsellId: upsell.id, title: "Ремешок со скидкой", price: 49000, currency: "RUB", taken: false });
    // A reload shows the same key, and counts no second view.
    expect((await offerOf(placed.publicId)).viewId).toBe(offer.viewId);
    expect(await db.upsellView.count({ where: { upsellId: upsell.id } })).toBe(1);

    const results = await Promise.all(Array.from({ length: 5 }, () => takeUpsellOffer({ publicId: placed.publicId, viewId: offer.viewId! }, ip())));
    expect(results.filter((result) => result.outcome === "ADDED")).toHaveLength(1);
    expect(results.filter((result) => result.outcome === "ALREADY_ADDED")).toHaveLength(4);
    // A replay later changes nothing either.
    expect((await takeUpsellOffer({ publicId: placed.publicId, viewId: offer.viewId! }, ip())).outcome).toBe("ALREADY_ADDED");

    const after = await snapshot(placed.id);
    expect(after).toMatchObject({ itemsTotal: 244000, discountTotal: 0, shippingTotal: 30000, total: 274000 }); // 1,950.00 + 490.00 items, 300.00 shipping = 2,740.00 RUB
    expect(after.items).toEqual([
      { kind: "MAIN", upsellId: null, quantity: 1, unitPrice: 195000, total: 195000 },
      { kind: "UPSELL", upsellId: upsell.id, quantity: 1, unitPrice: 49000, total: 49000 },
    ]);
    expect(results.find((result) => result.outcome === "ADDED")!.order.total).toBe(274000);
    expect(await db.product.findUniqueOrThrow({ where: { id: upsell.offerProductId }, select: { reserved: true } })).toEqual({ reserved: 1 });
    expect(await db.upsellView.findFirstOrThrow({ where: { upsellId: upsell.id }, select: { revenue: true, takenAt: true } })).toMatchObject({ revenue: 49000, takenAt: expect.any(Date) });
    expect(await db.orderStatusChange.count({ where: { orderId: placed.id, reason: { startsWith: "upsell added" } } })).toBe(1);
    const mails = await db.$queryRaw<{ payload: { template: string; props: { items: { amount: number }[]; total: number; addedItem: string } } }[]>`
      SELECT payload FROM "OutboxEvent" WHERE payload->>'idempotencyKey' LIKE ${`order-updated:${placed.id}:%`}`;
    expect(mails).toHaveLength(1);
    expect(mails[0]!.payload).toMatchObject({ template: "order-updated", props: { total: 274000, items: [{ amount: 195000 }, { amount: 49000 }] } });

    // The page now shows the offer as taken, and offers nothing new.
    expect(await getPostOrderOffers(placed.publicId, { locale: "en", record: true })).toMatchObject([{ upsellId: upsell.id, taken: true, title: "A strap at a discount" }]);
  });

  it("refuses another order's key, a made-up key, a paused upsell, a shipped or cancelled order — and writes nothing", async () => {
    const product = await fx.createProduct({ confirmationMode: "NONE" });
    const upsell = await createUpsell(fx, product.id);
    const mine = await order(product.slug);
    const theirs = await order(product.slug);
    const theirOffer = await offerOf(theirs.publicId);
    const myOffer = await offerOf(mine.publicId);
    const before = await snapshot(mine.id);

    expect((await refusal(takeUpsellOffer({ publicId: mine.publicId, viewId: theirOffer.viewId! }, ip()))).code).toBe("NOT_FOUND");
    expect((await refusal(takeUpsellOffer({ publicId: mine.publicId, viewId: "forged-view-id" }, ip()))).code).toBe("NOT_FOUND");
    expect((await refusal(takeUpsellOffer({ publicId: "not-a-uuid", viewId: myOffer.viewId! }, ip()))).code).toBe("NOT_FOUND");

    await db.upsell.update({ where: { id: upsell.id }, data: { isActive: false } });
    const paused = await refusal(takeUpsellOffer({ publicId: mine.publicId, viewId: myOffer.viewId! }, ip()));
    expect(paused.fieldErrors).toEqual({ offer: ["upsellErrors.paused"] });
    // A paused upsell is not offered to new visits either.
    expect(await getPostOrderOffers(mine.publicId, { locale: "ru", record: true })).toEqual([]);
    await db.upsell.update({ where: { id: upsell.id }, data: { isActive: true } });

    await changeOrderStatus({ orderId: mine.id, to: "SHIPPED", actor: { type: "SYSTEM" } });
    expect((await refusal(takeUpsellOffer({ publicId: mine.publicId, viewId: myOffer.viewId! }, ip()))).fieldErrors).toEqual({ offer: ["upsellErrors.orderShipped"] });
    await changeOrderStatus({ orderId: theirs.id, to: "CANCELLED", actor: { type: "SYSTEM" } });
    expect((await refusal(takeUpsellOffer({ publicId: theirs.publicId, viewId: theirOffer.viewId! }, ip()))).fieldErrors).toEqual({ offer: ["upsellErrors.orderClosed"] });

    expect(await snapshot(mine.id)).toEqual(before);
    expect(await db.orderItem.count({ where: { upsellId: upsell.id } })).toBe(0);
    expect(await db.upsellView.count({ where: { upsellId: upsell.id, takenAt: { not: null } } })).toBe(0);
    expect(await db.product.findUniqueOrThrow({ where: { id: upsell.offerProductId }, select: { reserved: true } })).toEqual({ reserved: 0 });
  });

  it("recomputes the partner's percent commission; a paid one stays and gets a positive adjustment", async () => {
    const product = await fx.createProduct({ confirmationMode: "OPERATOR" });
    await db.productCommission.createMany({
      data: [
        { productId: product.id, level: 0, kind: "PERCENT", value: 1000 }, // 10%
        { productId: product.id, level: 1, kind: "FIXED", value: 5000 }, // 50.00 RUB
      ],
    });
    await createUpsell(fx, product.id, { price: 50000 }); // 500.00 RUB
    const suffix = Math.random().toString(36).slice(2, 8);
    const parent = await db.partner.create({ data: { login: `ups_p_${suffix}`, email: `ups_p_${suffix}@partners.test`, name: "Parent", passwordHash: "x", status: "ACTIVE" } });
    const partner = await db.partner.create({
      data: { login: `ups_c_${suffix}`, email: `ups_c_${suffix}@partners.test`, name: "Child", passwordHash: "x", status: "ACTIVE", parentId: parent.id },
    });
    partnerIds.push(partner.id, parent.id);

    const pending = await order(product.slug, {}, { partnerId: partner.id });
    await takeUpsellOffer({ publicId: pending.publicId, viewId: (await offerOf(pending.publicId)).viewId! }, ip());
    expect(await db.commission.findMany({ where: { orderId: pending.id }, select: { level: true, amount: true, status: true }, orderBy: { level: "asc" } })).toEqual([
      { level: 0, amount: 24500, status: "PENDING" }, // 10% of (1,950.00 + 500.00) = 245.00 RUB
      { level: 1, amount: 5000, status: "PENDING" }, // fixed: unchanged
    ]);

    const paid = await order(product.slug, {}, { partnerId: partner.id });
    await db.commission.updateMany({ where: { orderId: paid.id }, data: { status: "PAID", paidAt: new Date() } });
    await takeUpsellOffer({ publicId: paid.publicId, viewId: (await offerOf(paid.publicId)).viewId! }, ip());
    expect(await db.commission.findFirstOrThrow({ where: { orderId: paid.id, level: 0 }, select: { amount: true, status: true } })).toEqual({ amount: 19500, status: "PAID" }); // as paid: 195.00 RUB
    expect(await db.partnerLedgerEntry.findMany({ where: { partnerId: partner.id, kind: "ADJUSTMENT" }, select: { amount: true, currency: true } })).toEqual([
      { amount: 5000, currency: "RUB" },
    ]); // +50.00 RUB
    expect(await db.partnerLedgerEntry.count({ where: { partnerId: parent.id, kind: "ADJUSTMENT" } })).toBe(0);
  });

  it("is offered in the order's currency only: not where the upsell has no price in it", async () => {
    const product = await fx.createProduct({ currency: "RUB" });
    await createUpsell(fx, product.id);
    const kz = await order(product.slug, { country: "KZ" }, {}); // CIS, still RUB: offered
    expect(await getPostOrderOffers(kz.publicId, { locale: "ru", record: false })).toHaveLength(1);
    const usd = await fx.createProduct({ currency: "USD", prices: { RU: { price: 2500 } } }); // 25.00 USD
    await createUpsell(fx, usd.id); // priced in RUB only
    const usdOrder = await order(usd.slug);
    expect(await getPostOrderOffers(usdOrder.publicId, { locale: "ru", record: true })).toEqual([]);
  });
});
