// Starts (or resumes) the card payment of a PREPAID order: one Stripe Checkout Session per order
// and amount. The rules:
// - only a PREPAID order that is not paid and still waiting (UNCONFIRMED) can be paid;
// - an open session stored on the order is reused while it asks for the order's current total,
//   so the pay link can be opened any number of times;
// - a new session is created with an idempotency key derived from the order, its total and the
//   session it replaces: a double click (or two tabs) makes one session;
// - amounts go to Stripe as they are stored (integer minor units in the order currency), and the
//   session's amount_total must come back equal to the order total;
// - every Stripe failure becomes a PaymentError with a reason the pay page can put into words.
import { createTranslator } from "next-intl";
import type Stripe from "stripe";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { logger } from "@/lib/logger";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import { PaymentError } from "./payment-error";
import { isStripeCurrencySupported, toStripeCurrency } from "./stripe-amounts";
import { getStripe } from "./stripe-client";

const ZPublicId = z.uuid();

/** Payment statuses from which a (new) payment may start. */
const PAYABLE_STATUSES = ["UNPAID", "PENDING", "FAILED"] as const;

export interface CheckoutSessionResult {
  /** Where to send the shopper: Stripe's hosted page, or the order page when nothing is left to pay. */
  url: string;
  sessionId: string | null;
  /** False when an open session of the order was reused. */
  created: boolean;
}

const ORDER_SELECT = {
  id: true,
  publicId: true,
  number: true,
  status: true,
  paymentMethod: true,
  paymentStatus: true,
  currency: true,
  itemsTotal: true,
  discountTotal: true,
  shippingTotal: true,
  total: true,
  email: true,
  locale: true,
  stripeCheckoutSessionId: true,
  items: { select: { productName: true, quantity: true, unitPrice: true, total: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
} satisfies Prisma.OrderSelect;

type PayableOrder = NonNullable<Awaited<ReturnType<typeof loadOrder>>>;

const loadOrder = (publicId: string) => db.order.findUnique({ where: { publicId }, select: ORDER_SELECT });

export async function createCheckoutSession(orderPublicId: string): Promise<CheckoutSessionResult> {
  const parsed = ZPublicId.safeParse(orderPublicId);
  if (!parsed.success) throw new PaymentError("NOT_FOUND", "Order not found", "notFound");
  const order = await loadOrder(parsed.data);
  if (!order) throw new PaymentError("NOT_FOUND", "Order not found", "notFound");

  const orderUrl = `${getEnv().APP_URL}/order/${order.publicId}`;
  if (order.paymentMethod !== "PREPAID") throw new PaymentError("CONFLICT", "This order is not paid by card", "notPrepaid");
  if (order.paymentStatus === "PAID") return { url: orderUrl, sessionId: order.stripeCheckoutSessionId, created: false };
  if (!PAYABLE_STATUSES.includes(order.paymentStatus as (typeof PAYABLE_STATUSES)[number])) {
    throw new PaymentError("CONFLICT", "This order cannot be paid any more", "orderClosed");
  }
  if (order.status !== "UNCONFIRMED") throw new PaymentError("CONFLICT", "This order cannot be paid any more", "orderClosed");

  const stripe = getStripe();
  if (!stripe) throw new PaymentError("CONFLICT", "Card payments are not available", "unavailable");
  if (!isStripeCurrencySupported(order.currency)) {
    throw new PaymentError("CONFLICT", `Card payments in ${order.currency} are not supported`, "currencyUnsupported");
  }

  const existing = order.stripeCheckoutSessionId ? await retrieveSession(stripe, order.stripeCheckoutSessionId) : null;
  if (existing && existing.status === "open" && existing.url && matchesOrder(existing, order)) {
    return { url: existing.url, sessionId: existing.id, created: false };
  }
  // Paid (or a delayed payment method still settling) but the webhook has not arrived yet:
  // nothing to pay again, the order page waits. A settled failure may be retried.
  if (existing && existing.status === "complete" && order.paymentStatus !== "FAILED" && matchesOrder(existing, order)) {
    return { url: orderUrl, sessionId: existing.id, created: false };
  }

  const session = await callStripe(order, "creating a Checkout Session", () =>
    stripe.checkout.sessions.create(sessionParams(order, orderUrl), {
      // Same order, same amount, same predecessor → the same session, however many clicks.
      idempotencyKey: `lavka-order-${order.id}-${order.currency}${order.total}-after-${order.stripeCheckoutSessionId ?? "none"}`,
    }),
  );
  if (!session.url || !matchesOrder(session, order)) {
    logger.error({ orderId: order.id, sessionId: session.id, amountTotal: session.amount_total, currency: session.currency }, "Stripe returned a session that does not match the order");
    throw new PaymentError("UPSTREAM", "The payment provider could not start the payment", "providerError");
  }

  // Conditional, so a webhook that has just marked the order paid is never overwritten.
  await db.order.updateMany({
    where: { id: order.id, paymentStatus: { in: [...PAYABLE_STATUSES] } },
    data: { stripeCheckoutSessionId: session.id, paymentStatus: "PENDING" },
  });
  return { url: session.url, sessionId: session.id, created: true };
}

/**
 * Line items as ordered. Stripe has no negative line items, so an order with a discount (or
 * items whose totals are not unit × quantity after an edit) is sent as one line for the whole
 * order: the shopper pays exactly the order total either way.
 */
function sessionParams(order: PayableOrder, orderUrl: string): Stripe.Checkout.SessionCreateParams {
  const currency = toStripeCurrency(order.currency);
  const locale: Locale = isLocale(order.locale) ? order.locale : "ru";
  // Stripe's page shows these names to the shopper, in the language of the order.
  const t = createTranslator({ locale, messages: locale === "ru" ? ru : en, namespace: "payments.stripe" });
  const itemized =
    order.discountTotal === 0 &&
    order.items.length > 0 &&
    order.items.every((item) => item.quantity > 0 && item.unitPrice > 0 && item.total === item.unitPrice * item.quantity) &&
    order.items.reduce((sum, item) => sum + item.total, 0) + order.shippingTotal === order.total;
  const lineItems: Stripe.Checkout.SessionCreateParams.LineItem[] = itemized
    ? order.items.map((item) => ({ quantity: item.quantity, price_data: { currency, unit_amount: item.unitPrice, product_data: { name: item.productName.slice(0, 250) } } }))
    : [{ quantity: 1, price_data: { currency, unit_amount: order.total, product_data: { name: t("orderLine", { number: order.number }) } } }];
  return {
    mode: "payment",
    line_items: lineItems,
    ...(itemized && order.shippingTotal > 0
      ? { shipping_options: [{ shipping_rate_data: { type: "fixed_amount", display_name: t("shipping"), fixed_amount: { amount: order.shippingTotal, currency } } }] }
      : {}),
    client_reference_id: order.id,
    metadata: { orderId: order.id, orderNumber: String(order.number) },
    payment_intent_data: { metadata: { orderId: order.id, orderNumber: String(order.number) } },
    ...(order.email ? { customer_email: order.email } : {}),
    locale,
    success_url: `${orderUrl}?paid=1`,
    cancel_url: orderUrl,
  };
}

function matchesOrder(session: Stripe.Checkout.Session, order: Pick<PayableOrder, "total" | "currency">) {
  return session.amount_total === order.total && session.currency === toStripeCurrency(order.currency);
}

async function retrieveSession(stripe: Stripe, sessionId: string): Promise<Stripe.Checkout.Session | null> {
  try {
    return await stripe.checkout.sessions.retrieve(sessionId);
  } catch (error) {
    // A session Stripe no longer knows (another account, test data) is simply replaced.
    logger.warn({ err: error, sessionId }, "could not retrieve the order's Checkout Session; creating a new one");
    return null;
  }
}

async function callStripe<T>(order: PayableOrder, what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const stripeError = error as { type?: string; code?: string; requestId?: string; message?: string };
    logger.error({ orderId: order.id, type: stripeError.type, code: stripeError.code, requestId: stripeError.requestId, message: stripeError.message }, `Stripe failed ${what}`);
    throw new PaymentError("UPSTREAM", "The payment provider could not start the payment; please try again in a minute", "providerError", error);
  }
}
