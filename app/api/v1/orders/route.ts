// POST /api/v1/orders — the checkout as JSON (lib/checkout/place-api-order). The production
// server (server.ts) answers it before Next.js does; this handler serves it under `next dev` and
// any other way of running the app.
import { NextResponse, type NextRequest } from "next/server";
import { bodyTooLarge, MAX_API_ORDER_BODY_BYTES, placeApiOrder } from "@/lib/checkout/place-api-order";
import { handle } from "@/lib/http";

export const POST = handle(async (request: NextRequest) => {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_API_ORDER_BODY_BYTES) throw bodyTooLarge();
  const { status, body } = await placeApiOrder(await request.text(), request.headers);
  return NextResponse.json(body, { status });
});
