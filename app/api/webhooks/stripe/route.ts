// POST /api/webhooks/stripe — Stripe's events about Checkout Sessions. Public on purpose: the
// signature over the raw body (checked in lib/payments/handle-stripe-webhook) is the
// authentication. The body is read as bytes, untouched, since re-encoding would break the
// signature, and at most MAX_BODY_BYTES of it, however the client declares its length.
import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http";
import { handleStripeWebhook } from "@/lib/payments/handle-stripe-webhook";

/** Stripe's events are a few KB; 1 MB leaves room and stops anyone streaming gigabytes at us. */
const MAX_BODY_BYTES = 1024 * 1024;

export const POST = handle(async (request: Request) => {
  const rawBody = await readBody(request, MAX_BODY_BYTES);
  const result = await handleStripeWebhook(rawBody, request.headers.get("stripe-signature"));
  return NextResponse.json({ received: true, outcome: result.outcome });
});

async function readBody(request: Request, limit: number): Promise<Buffer> {
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", "The request body is too large");
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
