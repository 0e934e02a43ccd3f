// POST /api/webhooks/stripe, called as Next.js calls it (the exported handler with a real
// Request), with events signed by the real Stripe signing scheme: a paid session confirms the
// order once (history, "order accepted" mail in the outbox), redeliveries change nothing, bad
// signatures and old timestamps are refused before anything is written, a wrong amount never
// marks an order paid, failed and expired sessions mark the payment FAILED.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/stripe/route";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutFixtures, ensureCheckoutReferenceData, outboxMailsOf } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import { createCheckoutSession } from "@/lib/payments/create-checkout-session";
import { PAID_BY_CARD_REASON } from "@/lib/payments/handle-stripe-webhook";
import { signedStripeEvent, startStripeDouble, TEST_STRIPE_WEBHOOK_SECRET, useStripeDouble, type StripeDouble } from "@/tests/helpers/stripe-double";

const fx = checkoutFixtures("stripe-webhook");
let stripe: StripeDouble;
let restoreEnv: () => void;
const eventIds: string[] = [];

beforeAll(async () => {
  stripe = await startStripeDouble();
  restoreEnv = await useStripeDouble(stripe);
  await ensureCheckoutReferenceData();
});

afterAll(async () => {
  await db.stripeWebhookEvent.deleteMany({ where: { id: { in: eventIds } } });
  await fx.cleanup();
  restoreEnv();
  await stripe.close();
  await disconnectDb();
});

/** A prepaid order with an open Checkout Session in the double. */
async function orderWithSession() {
  const product = await fx.createProduct();
  const placed = await placeOrder(fx.input(product.slug, { paymentMethod: "PREPAID" }), { ip: fx.ip(), userAgent: "vitest" });
  const started = await createCheckoutSession(placed.order.publicId);
  return { order: placed.order, sessionId: started.sessionId! };
}

function deliver(payload: string, signature: string | null, headers: Record<string, string> = {}) {
  const request = new Request("http://localhost:3000/api/webhooks/stripe", {
    method: "POST",
    headers: { "content-type": "application/json", ...(signature ? { "stripe-signature": signature } : {}), ...headers },
    body: payload,
  });
  return POST(request);
}

function event(type: string, session: Parameters<typeof signedStripeEvent>[2], options: Parameters<typeof signedStripeEvent>[3] = {}) {
  const signed = signedStripeEvent(TEST_STRIPE_WEBHOOK_SECRET, type, session, options);
  eventIds.push(signed.eventId);
  return signed;
}

const orderState = (id: string) =>
  db.order.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      paymentStatus: true,
      stripePaymentIntentId: true,
      confirmedAt: true,
      statusChanges: { select: { fromStatus: true, toStatus: true, actorType: true, reason: true }, orderBy: { createdAt: "asc" } },
    },
  });

describe("a paid Checkout Session", () => {
  it("marks the order PAID, confirms it with a history row and queues the accepted mail, once", async () => {
    const { order, sessionId } = await orderWithSession();
    const session = stripe.complete(sessionId);
    const paid = event("checkout.session.completed", session);

    const response = await deliver(paid.payload, paid.signature);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, outcome: "paid" });

    const state = await orderState(order.id);
    expect(state).toMatchObject({ status: "CONFIRMED", paymentStatus: "PAID", stripePaymentIntentId: session.payment_intent });
    expect(state.confirmedAt).toBeInstanceOf(Date);
    expect(state.statusChanges.at(-1)).toEqual({ fromStatus: "UNCONFIRMED", toStatus: "CONFIRMED", actorType: "SYSTEM", reason: PAID_BY_CARD_REASON });
    const mails = await outboxMailsOf(order.id);
    expect(mails.get("order-accepted")).toMatchObject({ to: expect.stringContaining("@checkout.test") as string });
    const recorded = await db.stripeWebhookEvent.findUniqueOrThrow({ where: { id: paid.eventId }, select: { type: true, processedAt: true, error: true } });
    expect(recorded).toMatchObject({ type: "checkout.session.completed", error: null });
    expect(recorded.processedAt).toBeInstanceOf(Date);

    // Stripe redelivers the same event (and sends it twice at once): no second effect.
    const again = await Promise.all([deliver(paid.payload, paid.signature), deliver(paid.payload, paid.signature)]);
    expect(again.map((reply) => reply.status)).toEqual([200, 200]);
    expect((await Promise.all(again.map((reply) => reply.json()))).map((body: { outcome: string }) => body.outcome)).toEqual(["duplicate", "duplicate"]);
    const after = await orderState(order.id);
    expect(after.statusChanges).toHaveLength(state.statusChanges.length);
    const acceptedRows = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "OutboxEvent" WHERE payload->>'idempotencyKey' = ${`order-accepted:${order.id}`}`;
    expect(Number(acceptedRows[0]?.count)).toBe(1);
  });

  it("confirms on async_payment_succeeded, and waits while a completed session is still unpaid", async () => {
    const { order, sessionId } = await orderWithSession();
    const pending = event("checkout.session.completed", stripe.complete(sessionId, { payment_status: "unpaid" }));
    expect(await (await deliver(pending.payload, pending.signature)).json()).toEqual({ received: true, outcome: "ignored" });
    expect(await orderState(order.id)).toMatchObject({ status: "UNCONFIRMED", paymentStatus: "PENDING" });

    const succeeded = event("checkout.session.async_payment_succeeded", stripe.complete(sessionId));
    expect((await deliver(succeeded.payload, succeeded.signature)).status).toBe(200);
    expect(await orderState(order.id)).toMatchObject({ status: "CONFIRMED", paymentStatus: "PAID" });
  });

  it("does not mark the order paid when Stripe charged another amount or currency", async () => {
    const { order, sessionId } = await orderWithSession();
    // 1.00 RUB; then the right number, but in USD.
    for (const overrides of [{ amount_total: 100 }, { amount_total: order.total, currency: "usd" }]) {
      const wrong = event("checkout.session.completed", stripe.complete(sessionId, overrides));
      const response = await deliver(wrong.payload, wrong.signature);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ received: true, outcome: "rejected" });
      const recorded = await db.stripeWebhookEvent.findUniqueOrThrow({ where: { id: wrong.eventId }, select: { error: true } });
      expect(recorded.error).toContain("amount mismatch");
    }
    expect(await orderState(order.id)).toMatchObject({ status: "UNCONFIRMED", paymentStatus: "PENDING", stripePaymentIntentId: null });
  });
});

describe("failed and expired sessions", () => {
  it.each(["checkout.session.async_payment_failed", "checkout.session.expired"])("%s marks the payment FAILED and the order keeps waiting", async (type) => {
    const { order, sessionId } = await orderWithSession();
    const session = type === "checkout.session.expired" ? stripe.expire(sessionId) : stripe.complete(sessionId, { payment_status: "unpaid" });
    const failed = event(type, session);
    const response = await deliver(failed.payload, failed.signature);
    expect(await response.json()).toEqual({ received: true, outcome: "failed" });
    expect(await orderState(order.id)).toMatchObject({ status: "UNCONFIRMED", paymentStatus: "FAILED" });
    // The shopper can try again: a new session, and the payment is pending once more.
    const retry = await createCheckoutSession(order.publicId);
    expect(retry.sessionId).not.toBe(sessionId);
    expect(await orderState(order.id)).toMatchObject({ paymentStatus: "PENDING" });
  });

  it("ignores an old session expiring after the order was paid with a newer one", async () => {
    const { order, sessionId } = await orderWithSession();
    const paid = event("checkout.session.completed", stripe.complete(sessionId));
    await deliver(paid.payload, paid.signature);
    const stale = event("checkout.session.expired", {
      id: "cs_test_old_tab",
      status: "expired",
      metadata: { orderId: order.id },
      client_reference_id: order.id,
      amount_total: 0,
      currency: "rub",
    });
    expect(await (await deliver(stale.payload, stale.signature)).json()).toEqual({ received: true, outcome: "ignored" });
    expect(await orderState(order.id)).toMatchObject({ paymentStatus: "PAID", status: "CONFIRMED" });
  });
});

describe("deliveries that are refused", () => {
  async function expectRefused(response: Response, status: number, orderId: string, eventId?: string) {
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.message).toEqual(expect.any(String));
    expect(await orderState(orderId)).toMatchObject({ status: "UNCONFIRMED", paymentStatus: "PENDING" });
    if (eventId) expect(await db.stripeWebhookEvent.count({ where: { id: eventId } })).toBe(0);
    return body;
  }

  it("refuses a wrong signature, a tampered body and a missing signature with 400, writing nothing", async () => {
    const { order, sessionId } = await orderWithSession();
    const session = stripe.complete(sessionId);
    const forged = signedStripeEvent("whsec_someone_else_entirely", "checkout.session.completed", session);
    expect((await expectRefused(await deliver(forged.payload, forged.signature), 400, order.id, forged.eventId)).error.code).toBe("BAD_REQUEST");

    const genuine = event("checkout.session.completed", session);
    const tampered = genuine.payload.replace(`"amount_total":${session.amount_total}`, `"amount_total":${session.amount_total + 1}`);
    await expectRefused(await deliver(tampered, genuine.signature), 400, order.id, genuine.eventId);
    await expectRefused(await deliver(genuine.payload, null), 400, order.id, genuine.eventId);
    await expectRefused(await deliver(genuine.payload, "t=1,v1=deadbeef"), 400, order.id, genuine.eventId);
  });

  it("refuses a correctly signed event whose timestamp is older than the tolerance", async () => {
    const { order, sessionId } = await orderWithSession();
    const old = event("checkout.session.completed", stripe.complete(sessionId), { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    await expectRefused(await deliver(old.payload, old.signature), 400, order.id, old.eventId);
  });

  it("refuses a body over 1 MB with 413", async () => {
    const { order, sessionId } = await orderWithSession();
    const huge = event("checkout.session.completed", { ...stripe.complete(sessionId), metadata: { orderId: order.id, padding: "x".repeat(1024 * 1024) } });
    await expectRefused(await deliver(huge.payload, huge.signature), 413, order.id, huge.eventId);
    // Also when the client does not declare the length (a stream).
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(huge.payload));
        controller.close();
      },
    });
    const response = await POST(
      new Request("http://localhost:3000/api/webhooks/stripe", { method: "POST", headers: { "stripe-signature": huge.signature }, body: stream, duplex: "half" } as RequestInit),
    );
    await expectRefused(response, 413, order.id, huge.eventId);
  });

  it("acknowledges event types it does not handle, recording nothing", async () => {
    const { order, sessionId } = await orderWithSession();
    const other = event("payment_intent.created", { id: sessionId, metadata: { orderId: order.id } });
    const response = await deliver(other.payload, other.signature);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, outcome: "ignored" });
    expect(await db.stripeWebhookEvent.count({ where: { id: other.eventId } })).toBe(0);
  });
});
