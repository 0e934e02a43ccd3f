// POST /api/v1/orders — the checkout as JSON, for headless storefronts and landing pages hosted
// elsewhere. Same rules as the checkout form (lib/checkout/place-order): validated on the
// server, totals computed here, one order per Idempotency-Key, rate-limited per client.
import { NextResponse, type NextRequest } from "next/server";
import { attributionCookieFrom, resolveAttribution } from "@/lib/affiliates/attribution";
import { placeOrder } from "@/lib/checkout/place-order";
import { clientIpFrom } from "@/lib/client-ip";
import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http";

const MAX_BODY_BYTES = 64 * 1024;

export const POST = handle(async (request: NextRequest) => {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The request body is too large");
  const raw = await request.text();
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The request body is too large");
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new AppError("BAD_REQUEST", "The body must be JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new AppError("BAD_REQUEST", "The body must be a JSON object");
  const idempotencyKey = request.headers.get("idempotency-key") ?? (body as { idempotencyKey?: unknown }).idempotencyKey;
  // The referral cookie of the last click, when the storefront is on this site (first-party).
  const attribution = await resolveAttribution(attributionCookieFrom(request.headers));
  const result = await placeOrder(
    { ...body, idempotencyKey },
    { ip: clientIpFrom(request.headers), userAgent: request.headers.get("user-agent") ?? undefined, referrer: request.headers.get("referer") ?? undefined, attribution },
  );
  return NextResponse.json(result, { status: result.created ? 201 : 200 });
});
