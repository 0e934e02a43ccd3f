// createCheckoutSession against a real, migrated PostgreSQL and the local Stripe double, through
// the real `stripe` library: what is sent (amounts in minor units, currency, metadata, URLs), one
// session however often the pay link is opened, a new one when the old expired or the total
// changed, and every refusal as a PaymentError that writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { createCheckoutSession } from "@/lib/payments/create-checkout-session";
import { PaymentError, type PaymentErrorReason } from "@/lib/payments/payment-error";
import { startStripeDouble, useStripeDouble, type StripeDouble } from "@/tests/helpers/stripe-double";

const fx = checkoutFixtures("stripe-session");
let stripe: StripeDouble;
let restoreEnv: () => void;

beforeAll(async () => {
  stripe = await startStripeDouble();
  restoreEnv = await useStripeDouble(stripe);
  await ensureCheckoutReferenceData();
});

afterAll(async () => {
  await fx.cleanup();
  restoreEnv();
  await stripe.close();
  await disconnectDb();
});

async function prepaidOrder(overrides: Record<string, unknown> = {}, locale = "ru") {
  const product = await fx.createProduct();
  const result = await placeOrder(fx.input(product.slug, { paymentMethod: "PREPAID", quantity: 2, locale, ...overrides }), { ip: fx.ip(), userAgent: "vitest" });
  return { product, order: result.order, next: result.next };
}

const sessionPosts = (orderId: string) =>
  stripe.requests.filter((request) => request.method === "POST" && (request.body.metadata as Record<string, string> | undefined)?.orderId === orderId);

async function expectPaymentError(promise: Promise<unknown>, reason: PaymentErrorReason, status: number) {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, "expected a PaymentError").toBeInstanceOf(PaymentError);
  expect((error as PaymentError).reason).toBe(reason);
  expect((error as PaymentError).status).toBe(status);
}

describe("creating a Checkout Session for a prepaid order", () => {
  it("sends the order's lines in minor units of its currency and stores the session on the order", async () => {
    const { order, next } = await prepaidOrder();
    expect(next).toEqual({ kind: "PAY", url: `/order/${order.publicId}/pay` });
    expect(order.total).toBe(420000); // 2 × 1,950.00 + 300.00 shipping = 4,200.00 RUB

    const result = await createCheckoutSession(order.publicId);
    expect(result.created).toBe(true);
    const session = stripe.sessions.get(result.sessionId!)!;
    expect(result.url).toBe(session.url);
    expect(session).toMatchObject({
      mode: "payment",
      currency: "rub",
      amount_subtotal: 390000, // 2 × 1,950.00 RUB
      amount_total: 420000, // + 300.00 RUB shipping
      shipping_amount: 30000, // 300.00 RUB
      client_reference_id: order.id,
      metadata: { orderId: order.id, orderNumber: String(order.number) },
      success_url: `${getEnv().APP_URL}/order/${order.publicId}?paid=1`,
      cancel_url: `${getEnv().APP_URL}/order/${order.publicId}`,
      locale: "ru",
    });
    expect(session.line_items_sent).toEqual([{ name: expect.stringContaining("Test watch") as string, unit_amount: 195000, quantity: 2, currency: "rub" }]); // 1,950.00 RUB each
    expect(sessionPosts(order.id)[0]?.idempotencyKey).toMatch(new RegExp(`^lavka-order-${order.id}-`));

    const stored = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { stripeCheckoutSessionId: true, paymentStatus: true, status: true } });
    expect(stored).toEqual({ stripeCheckoutSessionId: session.id, paymentStatus: "PENDING", status: "UNCONFIRMED" });
  });

  it("makes one session for two clicks, at once or one after the other", async () => {
    const { order } = await prepaidOrder();
    const [first, second] = await Promise.all([createCheckoutSession(order.publicId), createCheckoutSession(order.publicId)]);
    expect(second.sessionId).toBe(first.sessionId);
    const third = await createCheckoutSession(order.publicId);
    expect(third).toMatchObject({ sessionId: first.sessionId, url: first.url, created: false });
    expect([...stripe.sessions.values()].filter((session) => session.metadata.orderId === order.id)).toHaveLength(1);
  });

  it("starts a new session when the open one expired or asks for an old total", async () => {
    const { order } = await prepaidOrder();
    const first = await createCheckoutSession(order.publicId);
    stripe.expire(first.sessionId!);
    const second = await createCheckoutSession(order.publicId);
    expect(second.created).toBe(true);
    expect(second.sessionId).not.toBe(first.sessionId);

    // An employee edited the order before it was paid: the open session's amount is stale.
    await db.order.update({ where: { id: order.id }, data: { discountTotal: 20000, total: 400000 } }); // 200.00 off → 4,000.00 RUB
    const third = await createCheckoutSession(order.publicId);
    expect(third.sessionId).not.toBe(second.sessionId);
    const session = stripe.sessions.get(third.sessionId!)!;
    // Stripe has no negative lines: a discounted order is one line for its total.
    expect(session.amount_total).toBe(400000); // 4,000.00 RUB
    expect(session.line_items_sent).toEqual([{ name: `Заказ №${order.number}`, unit_amount: 400000, quantity: 1, currency: "rub" }]);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { stripeCheckoutSessionId: true } })).toEqual({ stripeCheckoutSessionId: third.sessionId });
  });

  it("names the lines in the shopper's language", async () => {
    const { order } = await prepaidOrder({ quantity: 1 }, "en");
    const result = await createCheckoutSession(order.publicId);
    const session = stripe.sessions.get(result.sessionId!)!;
    expect(session.locale).toBe("en");
    expect(stripe.requests.at(-1)?.body.shipping_options).toEqual([
      { shipping_rate_data: { type: "fixed_amount", display_name: "Shipping", fixed_amount: { amount: "30000", currency: "rub" } } }, // 300.00 RUB
    ]);
  });

  it("sends a paid order back to its page without asking Stripe", async () => {
    const { order } = await prepaidOrder();
    await db.order.update({ where: { id: order.id }, data: { paymentStatus: "PAID" } });
    const before = stripe.requests.length;
    const result = await createCheckoutSession(order.publicId);
    expect(result.url).toBe(`${getEnv().APP_URL}/order/${order.publicId}`);
    expect(stripe.requests.length).toBe(before);
  });
});

describe("refusals", () => {
  it("refuses unknown ids, COD orders and closed orders, asking Stripe nothing", async () => {
    const before = stripe.requests.length;
    await expectPaymentError(createCheckoutSession("not-a-uuid"), "notFound", 404);
    await expectPaymentError(createCheckoutSession("6f1c1e55-0000-4000-8000-000000000000"), "notFound", 404);

    const product = await fx.createProduct();
    const cod = await placeOrder(fx.input(product.slug), { ip: fx.ip(), userAgent: "vitest" });
    await expectPaymentError(createCheckoutSession(cod.order.publicId), "notPrepaid", 409);

    const { order } = await prepaidOrder();
    await db.order.update({ where: { id: order.id }, data: { status: "CANCELLED" } });
    await expectPaymentError(createCheckoutSession(order.publicId), "orderClosed", 409);
    expect(stripe.requests.length).toBe(before);
  });

  it("turns a Stripe failure into a clear error and leaves the order as it was", async () => {
    const { order } = await prepaidOrder();
    stripe.failNext({ status: 400, type: "invalid_request_error", message: "Amount must convert to at least 50 cents." });
    await expectPaymentError(createCheckoutSession(order.publicId), "providerError", 502);
    const stored = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { stripeCheckoutSessionId: true, paymentStatus: true } });
    expect(stored).toEqual({ stripeCheckoutSessionId: null, paymentStatus: "PENDING" });
    // The next attempt goes through.
    expect((await createCheckoutSession(order.publicId)).created).toBe(true);
  });

  it("says card payments are unavailable when Stripe is not configured", async () => {
    const { order } = await prepaidOrder();
    restoreEnv();
    try {
      await expectPaymentError(createCheckoutSession(order.publicId), "unavailable", 409);
    } finally {
      restoreEnv = await useStripeDouble(stripe);
    }
  });
});
