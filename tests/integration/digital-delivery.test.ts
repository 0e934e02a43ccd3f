// Delivery of digital goods against a real PostgreSQL: a card payment confirmed by Stripe's
// (signed) webhook and a COD order reaching PAID each give one free pin code per unit, one
// DOWNLOAD link and the "your purchase" mail in the outbox, in the same transaction; redeliveries
// and two deliveries at once give codes once; concurrent orders never share a code; a shortage
// delivers what there is, notes it in the history and notifies the shop; unpaid orders get nothing.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as stripeWebhook } from "@/app/api/webhooks/stripe/route";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb, type Prisma } from "@/lib/db";
import { deliverDigitalGoodsNow, digitalMailKeys } from "@/lib/digital/deliver-digital-goods";
import { DOWNLOAD_LINK_TTL_HOURS, DOWNLOADS_PER_FILE } from "@/lib/digital/download-rules";
import { changeOrderStatus } from "@/lib/orders/change-order-status";
import { createCheckoutSession } from "@/lib/payments/create-checkout-session";
import { clearShopSettingsCache } from "@/lib/settings/get-shop-settings";
import { hashLinkToken } from "@/lib/tokens/link-token";
import { signedStripeEvent, startStripeDouble, TEST_STRIPE_WEBHOOK_SECRET, useStripeDouble, type StripeDouble } from "@/tests/helpers/stripe-double";
import { createDigitalOrder, digitalTestCleanup } from "@/tests/helpers/digital-fixtures";

const fx = checkoutFixtures("digital-delivery");
const run = randomUUID().slice(0, 8);
let stripe: StripeDouble;
let restoreEnv: () => void;
const eventIds: string[] = [];

beforeAll(async () => {
  stripe = await startStripeDouble();
  restoreEnv = await useStripeDouble(stripe);
  await ensureCheckoutReferenceData();
  clearShopSettingsCache();
});

afterAll(async () => {
  await db.stripeWebhookEvent.deleteMany({ where: { id: { in: eventIds } } });
  await digitalTestCleanup(fx);
  restoreEnv();
  await stripe.close();
  await disconnectDb();
});

async function digitalProduct(options: { codes?: number; files?: string[] } = {}) {
  const product = await fx.createProduct({ type: "DIGITAL", stock: null, confirmationMode: "NONE", shipping: [] });
  if (options.codes)
    await db.pinCode.createMany({ data: Array.from({ length: options.codes }, (_, index) => ({ productId: product.id, code: `${run}-${product.slug}-${String(index).padStart(3, "0")}` })) });
  for (const [index, name] of (options.files ?? ["manual.pdf"]).entries()) {
    await db.digitalFile.create({
      data: { productId: product.id, fileName: name, storageKey: "0".repeat(32), contentType: "application/pdf", sizeBytes: 1024n * BigInt(index + 1), position: index },
    });
  }
  return product;
}

const codesOf = (orderId: string) => db.pinCode.findMany({ where: { orderId }, select: { code: true, assignedAt: true }, orderBy: { code: "asc" } });
const downloadTokens = (orderId: string) =>
  db.linkToken.findMany({ where: { orderId, purpose: "DOWNLOAD" }, select: { id: true, tokenHash: true, expiresAt: true, email: true, useCount: true } });

async function outboxMail(idempotencyKey: string) {
  const rows = await db.$queryRaw<{ payload: Prisma.JsonObject }[]>`SELECT payload FROM "OutboxEvent" WHERE "jobName" = 'mail.send' AND payload->>'idempotencyKey' = ${idempotencyKey}`;
  return rows.map((row) => row.payload);
}

function deliverWebhook(payload: string, signature: string) {
  return stripeWebhook(
    new Request("http://localhost:3000/api/webhooks/stripe", { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signature }, body: payload }),
  );
}

describe("a card payment (Stripe webhook)", () => {
  it("gives one code per unit, a download link and the purchase mail — once, however often Stripe delivers", async () => {
    const product = await digitalProduct({ codes: 5, files: ["manual.pdf", "Урок 2.mp4"] });
    const order = await createDigitalOrder(fx, product, { paymentMethod: "PREPAID", quantity: 2, email: `buyer-${run}@digital.test` });
    const { sessionId } = await createCheckoutSession(order.publicId);
    const paid = signedStripeEvent(TEST_STRIPE_WEBHOOK_SECRET, "checkout.session.completed", stripe.complete(sessionId!));
    eventIds.push(paid.eventId);

    const before = Date.now();
    const responses = await Promise.all([deliverWebhook(paid.payload, paid.signature), deliverWebhook(paid.payload, paid.signature)]);
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    expect((await Promise.all(responses.map((response) => response.json()))).map((body: { outcome: string }) => body.outcome).sort()).toEqual(["duplicate", "paid"]);
    const after = Date.now();

    const codes = await codesOf(order.id);
    expect(codes).toHaveLength(2);
    expect(codes.map((row) => row.code)).toEqual([`${run}-${product.slug}-000`, `${run}-${product.slug}-001`]); // oldest first
    expect(codes.every((row) => row.assignedAt instanceof Date)).toBe(true);
    expect(await db.pinCode.count({ where: { productId: product.id, orderId: null } })).toBe(3);

    const tokens = await downloadTokens(order.id);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.email).toBe(`buyer-${run}@digital.test`);
    // Issued during the deliveries: expires 30 days after a moment between `before` and `after`.
    const expiresAt = tokens[0]!.expiresAt.getTime();
    expect(expiresAt).toBeGreaterThanOrEqual(before + DOWNLOAD_LINK_TTL_HOURS * 3_600_000);
    expect(expiresAt).toBeLessThanOrEqual(after + DOWNLOAD_LINK_TTL_HOURS * 3_600_000);

    const [mail, ...more] = await outboxMail(digitalMailKeys.purchase(order.id));
    expect(more).toHaveLength(0);
    expect(mail).toMatchObject({ template: "digital-purchase", to: `buyer-${run}@digital.test`, locale: "ru" });
    const props = mail!.props as { downloadUrl: string; files: unknown[]; pinCodes: unknown[]; pinCodesMissing: boolean; downloadsPerFile: number };
    // The link in the mail is the token whose hash is stored, and nothing else stores it.
    const token = /\/order\/download\/([A-Za-z0-9_-]{43})$/.exec(props.downloadUrl)?.[1];
    expect(token).toBeDefined();
    expect(hashLinkToken(token!)).toBe(tokens[0]!.tokenHash);
    expect(props.files).toEqual([
      { name: "manual.pdf", sizeBytes: 1024 },
      { name: "Урок 2.mp4", sizeBytes: 2048 },
    ]);
    expect(props.pinCodes).toEqual([{ product: expect.stringContaining(product.slug) as string, codes: codes.map((row) => row.code) }]);
    expect(props).toMatchObject({ pinCodesMissing: false, downloadsPerFile: DOWNLOADS_PER_FILE });
    expect(await outboxMail(digitalMailKeys.shortage(order.id))).toHaveLength(0);

    const history = await db.orderStatusChange.findMany({ where: { orderId: order.id }, select: { fromStatus: true, toStatus: true, reason: true }, orderBy: { id: "asc" } });
    expect(history.at(-1)).toEqual({ fromStatus: "CONFIRMED", toStatus: "CONFIRMED", reason: "digital goods delivered: 2 file(s), 2 pin code(s)" });

    // A later delivery attempt (say a status change) finds it done.
    expect((await deliverDigitalGoodsNow(order.id)).status).toBe("ALREADY_DELIVERED");
    expect(await codesOf(order.id)).toHaveLength(2);
    expect(await downloadTokens(order.id)).toHaveLength(1);
  });
});

describe("a COD order", () => {
  it("is delivered when it reaches PAID, not before", async () => {
    const product = await digitalProduct({ codes: 2 });
    const order = await createDigitalOrder(fx, product, { paymentMethod: "COD", status: "HANDED" });
    expect((await deliverDigitalGoodsNow(order.id)).status).toBe("NOT_PAID");
    expect(await downloadTokens(order.id)).toHaveLength(0);

    await changeOrderStatus({ orderId: order.id, to: "PAID", actor: { type: "SYSTEM" } });
    expect(await codesOf(order.id)).toHaveLength(1);
    expect(await downloadTokens(order.id)).toHaveLength(1);
    expect(await outboxMail(digitalMailKeys.purchase(order.id))).toHaveLength(1);
  });

  it("confirming an unpaid COD order delivers nothing", async () => {
    const product = await digitalProduct({ codes: 1 });
    const order = await createDigitalOrder(fx, product, { paymentMethod: "COD", status: "UNCONFIRMED" });
    await changeOrderStatus({ orderId: order.id, to: "CONFIRMED", actor: { type: "SYSTEM" } });
    expect(await codesOf(order.id)).toHaveLength(0);
    expect(await downloadTokens(order.id)).toHaveLength(0);
  });
});

describe("concurrency", () => {
  it("two deliveries of one order at once give its codes once", async () => {
    const product = await digitalProduct({ codes: 10 });
    const order = await createDigitalOrder(fx, product, { paymentMethod: "PREPAID", paymentStatus: "PAID", status: "CONFIRMED", quantity: 3 });
    const results = await Promise.all([deliverDigitalGoodsNow(order.id), deliverDigitalGoodsNow(order.id), deliverDigitalGoodsNow(order.id)]);
    expect(results.map((result) => result.status).sort()).toEqual(["ALREADY_DELIVERED", "ALREADY_DELIVERED", "DELIVERED"]);
    expect(await codesOf(order.id)).toHaveLength(3);
    expect(await downloadTokens(order.id)).toHaveLength(1);
    expect(await outboxMail(digitalMailKeys.purchase(order.id))).toHaveLength(1);
  });

  it("concurrent orders of one product never share a code, and take no more than there is", async () => {
    const product = await digitalProduct({ codes: 5 });
    const orders = await Promise.all(Array.from({ length: 4 }, () => createDigitalOrder(fx, product, { paymentMethod: "PREPAID", paymentStatus: "PAID", status: "CONFIRMED", quantity: 2 })));
    const results = await Promise.all(orders.map((order) => deliverDigitalGoodsNow(order.id)));
    expect(results.every((result) => result.status === "DELIVERED")).toBe(true);
    const given = await db.pinCode.findMany({ where: { productId: product.id, orderId: { not: null } }, select: { code: true, orderId: true } });
    expect(given).toHaveLength(5);
    expect(new Set(given.map((row) => row.code)).size).toBe(5);
    // SKIP LOCKED may leave one order short while another holds rows it later keeps; the sum is exact.
    expect(results.reduce((sum, result) => sum + result.missingCodes, 0)).toBe(3);
  });
});

describe("a shortage", () => {
  it("delivers the codes there are, says so in the mail and the history, and tells the shop", async () => {
    const product = await digitalProduct({ codes: 1 });
    const order = await createDigitalOrder(fx, product, { paymentMethod: "PREPAID", paymentStatus: "PAID", status: "CONFIRMED", quantity: 3 });
    const result = await deliverDigitalGoodsNow(order.id);
    expect(result).toMatchObject({ status: "DELIVERED", missingCodes: 2 });
    expect(await codesOf(order.id)).toHaveLength(1);

    const [mail] = await outboxMail(digitalMailKeys.purchase(order.id));
    expect(mail!.props).toMatchObject({ pinCodesMissing: true });
    const [notice] = await outboxMail(digitalMailKeys.shortage(order.id));
    expect(notice).toMatchObject({ template: "message" });
    expect(JSON.stringify(notice!.props)).toContain("1 из 3");
    const note = await db.orderStatusChange.findFirst({ where: { orderId: order.id, reason: { contains: "not enough pin codes" } }, select: { reason: true } });
    expect(note?.reason).toContain("1 of 3 given");
  });

  it("a product selling only files is no shortage; a product with nothing to deliver is", async () => {
    const filesOnly = await digitalProduct({ files: ["book.epub"] });
    const order = await createDigitalOrder(fx, filesOnly, { paymentMethod: "PREPAID", paymentStatus: "PAID", status: "CONFIRMED" });
    expect(await deliverDigitalGoodsNow(order.id)).toMatchObject({ status: "DELIVERED", missingCodes: 0 });
    expect(await outboxMail(digitalMailKeys.shortage(order.id))).toHaveLength(0);

    const empty = await digitalProduct({ files: [] });
    const emptyOrder = await createDigitalOrder(fx, empty, { paymentMethod: "PREPAID", paymentStatus: "PAID", status: "CONFIRMED" });
    expect(await deliverDigitalGoodsNow(emptyOrder.id)).toMatchObject({ status: "DELIVERED" });
    expect(await outboxMail(digitalMailKeys.shortage(emptyOrder.id))).toHaveLength(1);
  });

  it("an order without an email gets its codes and link, and the history says no mail went", async () => {
    const product = await digitalProduct({ codes: 1 });
    const order = await createDigitalOrder(fx, product, { paymentMethod: "PREPAID", paymentStatus: "PAID", status: "CONFIRMED", email: null });
    expect((await deliverDigitalGoodsNow(order.id)).status).toBe("DELIVERED");
    expect(await outboxMail(digitalMailKeys.purchase(order.id))).toHaveLength(0);
    const note = await db.orderStatusChange.findFirst({ where: { orderId: order.id, reason: { contains: "no email address" } }, select: { id: true } });
    expect(note).not.toBeNull();
  });
});

describe("physical orders", () => {
  it("are left alone", async () => {
    const product = await fx.createProduct();
    const order = await createDigitalOrder(fx, product, { paymentMethod: "PREPAID", paymentStatus: "PAID", status: "CONFIRMED" });
    expect((await deliverDigitalGoodsNow(order.id)).status).toBe("NOTHING_DIGITAL");
    expect(await downloadTokens(order.id)).toHaveLength(0);
  });
});
