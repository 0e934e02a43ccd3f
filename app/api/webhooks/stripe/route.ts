// POST /api/webhooks/stripe — Stripe's events about Checkout Sessions. Public on purpose: the
// signature over the raw body (checked in lib/payments/handle-stripe-webhook) is the
// authentication. The body is read as bytes, untouched, since re-encoding would break the
// signature, and at most MAX_BODY_BYTES of it, however the client declares its length.
import { NextResponse } from "next/server";
import { handle, readLimitedBody } from "@/lib/http";
import { handleStripeWebhook } from "@/lib/payments/handle-stripe-webhook";

/** Stripe's events are a few KB; 1 MB leaves room and stops anyone streaming gigabytes at us. */
const MAX_BODY_BYTES = 1024 * 1024;

export const POST = handle(async (request: Request) => {
  const rawBody = await readLimitedBody(request, MAX_BODY_BYTES);
  const result = await handleStripeWebhook(rawBody, request.headers.get("stripe-signature"));
  return NextResponse.json({ received: true, outcome: result.outcome });
});
