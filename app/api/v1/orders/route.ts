// /api/v1/orders. GET: the REST API's order list. POST: without an Authorization header, the
// public JSON checkout (lib/checkout/place-api-order) as it always was — the production server
// (server.ts) answers that one before Next.js does, and this handler serves it under `next dev`;
// with one, the REST API's order creation (scope orders:write, lib/api).
import { NextResponse, type NextRequest } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { MAX_API_ORDER_BODY_BYTES, placeApiOrder } from "@/lib/checkout/place-api-order";
import { handle, readLimitedBody } from "@/lib/http";

export const GET = apiRoute("listOrders");

const createOrder = apiRoute("createOrder");

const checkout = handle(async (request: NextRequest) => {
  const raw = await readLimitedBody(request, MAX_API_ORDER_BODY_BYTES);
  const { status, body } = await placeApiOrder(raw.toString("utf8"), request.headers);
  return NextResponse.json(body, { status });
});

export function POST(request: NextRequest) {
  return request.headers.has("authorization") ? createOrder(request) : checkout(request);
}
