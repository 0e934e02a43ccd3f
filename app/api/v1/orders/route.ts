// POST /api/v1/orders — the checkout as JSON (lib/checkout/place-api-order). The production
// server (server.ts) answers it before Next.js does; this handler serves it under `next dev` and
// any other way of running the app.
import { NextResponse, type NextRequest } from "next/server";
import { MAX_API_ORDER_BODY_BYTES, placeApiOrder } from "@/lib/checkout/place-api-order";
import { handle, readLimitedBody } from "@/lib/http";

export const POST = handle(async (request: NextRequest) => {
  const raw = await readLimitedBody(request, MAX_API_ORDER_BODY_BYTES);
  const { status, body } = await placeApiOrder(raw.toString("utf8"), request.headers);
  return NextResponse.json(body, { status });
});
