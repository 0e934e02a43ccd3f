// The JSON checkout (POST /api/v1/orders), for headless storefronts and landing pages hosted
// elsewhere — where most orders of a COD shop come from. Same rules as the checkout form
// (place-order.ts): validated on the server, totals computed here, one order per Idempotency-Key
// (header, or `idempotencyKey` in the body), rate-limited per client, the referral cookie of the
// last click when the storefront is on this site. Framework-neutral: the route handler
// (app/api/v1/orders/route.ts) and the production server's fast path (lib/server/fast-routes.ts)
// both answer with it. Errors are thrown as AppError for the caller to map.
import { attributionCookieFrom, resolveAttribution } from "@/lib/affiliates/attribution";
import type { HeaderSource } from "@/lib/affiliates/record-click";
import { clientIpFrom } from "@/lib/client-ip";
import { AppError } from "@/lib/errors";
import { placeOrder, type PlaceOrderResult } from "./place-order";

export const MAX_API_ORDER_BODY_BYTES = 64 * 1024;

export function bodyTooLarge() {
  return new AppError("PAYLOAD_TOO_LARGE", "The request body is too large");
}

/** 201 with the new order, or 200 with the order a resubmitted key already placed. */
export async function placeApiOrder(rawBody: string, headers: HeaderSource): Promise<{ status: 200 | 201; body: PlaceOrderResult }> {
  if (Buffer.byteLength(rawBody) > MAX_API_ORDER_BODY_BYTES) throw bodyTooLarge();
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw new AppError("BAD_REQUEST", "The body must be JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new AppError("BAD_REQUEST", "The body must be a JSON object");
  const idempotencyKey = headers.get("idempotency-key") ?? (body as { idempotencyKey?: unknown }).idempotencyKey;
  const attribution = await resolveAttribution(attributionCookieFrom(headers));
  const result = await placeOrder(
    { ...body, idempotencyKey },
    { ip: clientIpFrom(headers), userAgent: headers.get("user-agent") ?? undefined, referrer: headers.get("referer") ?? undefined, attribution },
  );
  return { status: result.created ? 201 : 200, body: result };
}
