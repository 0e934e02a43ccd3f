// Stripe's webhook: the only way an order becomes paid by card. The rules (issue 3):
// - the signature is checked on the raw body with the default tolerance (5 minutes): a bad
//   signature or an old timestamp is refused and nothing is written;
// - each event id is handled once: its StripeWebhookEvent row is inserted in the same transaction
//   as its effect, so a redelivery (or two at once) finds the row and changes nothing, and an
//   effect that fails rolls the row back for Stripe's retry;
// - a paid Checkout Session marks the order PAID only when Stripe charged exactly the order total
//   in the order currency; the order then moves UNCONFIRMED → CONFIRMED through changeOrderStatus
//   (history row, "order accepted" mail in the outbox) and its digital goods are delivered;
// - a failed or expired session marks the payment FAILED and leaves the order waiting;
// - other event types are acknowledged and ignored.
import type Stripe from "stripe";
import { db, Prisma, type DbTransaction } from "@/lib/db";
import type { OrderStatus, PaymentStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { deliverDigitalGoods } from "@/lib/digital/deliver-digital-goods";
import { changeOrderStatus } from "@/lib/orders/change-order-status";
import { toStripeCurrency } from "./stripe-amounts";
import { getStripe, getStripeWebhookSecret } from "./stripe-client";

export const PAID_BY_CARD_REASON = "paid by card";

const PAID_EVENTS = new Set(["checkout.session.completed", "checkout.session.async_payment_succeeded"]);
const FAILED_EVENTS = new Set(["checkout.session.async_payment_failed", "checkout.session.expired"]);

export type StripeWebhookOutcome = "paid" | "failed" | "duplicate" | "ignored" | "rejected";

export interface StripeWebhookResult {
  eventId: string;
  type: string;
  outcome: StripeWebhookOutcome;
}

interface LockedOrder {
  id: string;
  status: OrderStatus;
  paymentMethod: string;
  paymentStatus: PaymentStatus;
  currency: string;
  total: number;
  stripeCheckoutSessionId: string | null;
}

/** Verifies and applies one delivery. Throws AppError BAD_REQUEST for anything not from Stripe. */
export async function handleStripeWebhook(rawBody: Buffer | string, signature: string | null): Promise<StripeWebhookResult> {
  const stripe = getStripe();
  const secret = getStripeWebhookSecret();
  if (!stripe || !secret) throw new AppError("NOT_FOUND", "Card payments are not enabled");
  if (!signature) throw new AppError("BAD_REQUEST", "Missing Stripe-Signature header");

  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch (error) {
    // Wrong secret, tampered body, or a replay older than the tolerance: all look alike to us.
    logger.warn({ message: (error as Error).message }, "Stripe webhook signature refused");
    throw new AppError("BAD_REQUEST", "Invalid Stripe signature");
  }

  const result = (outcome: StripeWebhookOutcome): StripeWebhookResult => ({ eventId: event.id, type: event.type, outcome });
  const paid = PAID_EVENTS.has(event.type);
  if (!paid && !FAILED_EVENTS.has(event.type)) return result("ignored");

  const session = event.data.object as Stripe.Checkout.Session;
  return db.$transaction(async (tx) => {
    if (!(await recordEvent(tx, event))) return result("duplicate");
    const order = await lockOrder(tx, session);
    if (!order) {
      await finishEvent(tx, event.id, "no order for this session");
      logger.warn({ eventId: event.id, sessionId: session.id }, "Stripe event for a session of no known order");
      return result("rejected");
    }
    const outcome = paid ? await applyPaid(tx, event, session, order) : await applyFailed(tx, event, session, order);
    return result(outcome);
  });
}

async function applyPaid(tx: DbTransaction, event: Stripe.Event, session: Stripe.Checkout.Session, order: LockedOrder): Promise<StripeWebhookOutcome> {
  // checkout.session.completed for a delayed method (bank debit) arrives unpaid: wait for async_payment_succeeded.
  if (session.payment_status !== "paid") {
    await finishEvent(tx, event.id, null);
    return "ignored";
  }
  if (order.paymentMethod !== "PREPAID" || session.amount_total !== order.total || session.currency !== toStripeCurrency(order.currency)) {
    const problem = `amount mismatch: Stripe charged ${session.amount_total} ${session.currency}, order total is ${order.total} ${order.currency} (${order.paymentMethod})`;
    logger.error({ eventId: event.id, orderId: order.id, sessionId: session.id }, `Stripe payment not applied: ${problem}`);
    await finishEvent(tx, event.id, problem);
    return "rejected";
  }
  if (order.paymentStatus === "PAID") {
    // A second paid session for one order (two tabs): the money is real, a person must refund it.
    if (order.stripeCheckoutSessionId !== session.id) {
      logger.error({ eventId: event.id, orderId: order.id, sessionId: session.id }, "order paid twice by card: refund one payment");
      await finishEvent(tx, event.id, `order already paid by session ${order.stripeCheckoutSessionId}`);
      return "rejected";
    }
    await finishEvent(tx, event.id, null);
    return "duplicate";
  }

  const paymentIntentId = typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null);
  await tx.order.update({
    where: { id: order.id },
    data: { paymentStatus: "PAID", stripeCheckoutSessionId: session.id, ...(paymentIntentId ? { stripePaymentIntentId: paymentIntentId } : {}) },
    select: { id: true },
  });
  if (order.status === "UNCONFIRMED") {
    await changeOrderStatus({ orderId: order.id, to: "CONFIRMED", actor: { type: "SYSTEM" }, reason: PAID_BY_CARD_REASON }, { tx });
  } else {
    // Cancelled (or marked duplicate) while the shopper was paying: the money stays recorded,
    // the status is the staff's decision.
    logger.warn({ orderId: order.id, status: order.status }, "card payment arrived for an order that is no longer waiting");
  }
  // Digital goods of a paid, confirmed order (once; the status change above may have delivered them already).
  await deliverDigitalGoods(tx, order.id);
  await finishEvent(tx, event.id, null);
  return "paid";
}

async function applyFailed(tx: DbTransaction, event: Stripe.Event, session: Stripe.Checkout.Session, order: LockedOrder): Promise<StripeWebhookOutcome> {
  // Only the order's current session speaks for it: an old tab's session expiring after the
  // shopper paid in a newer one must not mark anything failed.
  const current = !order.stripeCheckoutSessionId || order.stripeCheckoutSessionId === session.id;
  if (!current || order.paymentStatus === "PAID" || order.paymentStatus === "REFUNDED") {
    await finishEvent(tx, event.id, null);
    return "ignored";
  }
  await tx.order.update({ where: { id: order.id }, data: { paymentStatus: "FAILED", stripeCheckoutSessionId: session.id }, select: { id: true } });
  await finishEvent(tx, event.id, null);
  return "failed";
}

/** Inserts the event row; false when this event id was already handled. */
async function recordEvent(tx: DbTransaction, event: Stripe.Event): Promise<boolean> {
  // ON CONFLICT DO NOTHING waits for a concurrent delivery of the same id to commit, then skips.
  const inserted = await tx.$executeRaw`
    INSERT INTO "StripeWebhookEvent" (id, type, livemode, payload)
    VALUES (${event.id}, ${event.type}, ${event.livemode}, ${JSON.stringify(event)}::jsonb)
    ON CONFLICT (id) DO NOTHING`;
  return inserted > 0;
}

async function finishEvent(tx: DbTransaction, eventId: string, error: string | null) {
  await tx.stripeWebhookEvent.update({ where: { id: eventId }, data: { processedAt: new Date(), error }, select: { id: true } });
}

/** The order the session was made for (metadata, then client_reference_id), locked for the change. */
async function lockOrder(tx: DbTransaction, session: Stripe.Checkout.Session): Promise<LockedOrder | null> {
  const orderId = session.metadata?.orderId || session.client_reference_id;
  if (!orderId) return null;
  const [order] = await tx.$queryRaw<LockedOrder[]>(Prisma.sql`
    SELECT id, status::text AS status, "paymentMethod"::text AS "paymentMethod", "paymentStatus"::text AS "paymentStatus",
           currency, total, "stripeCheckoutSessionId"
    FROM "Order" WHERE id = ${orderId} FOR UPDATE`);
  return order ?? null;
}
