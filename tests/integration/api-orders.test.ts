// POST /api/v1/orders: the JSON checkout, both ways it is served — the route handler (next dev)
// with Request objects, and the production server's fast path (lib/server/fast-routes) on a real
// node:http server — with the same expectations.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/orders/route";
import { answerFastRoute } from "@/lib/server/fast-routes";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";

const fixtures = checkoutFixtures("api-orders");
let slug = "";

let server: Server;
let serverUrl = "";

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  slug = (await fixtures.createProduct()).slug;
  server = createServer((request, response) => {
    if (!answerFastRoute(request, response)) response.writeHead(404).end("not a fast route");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await fixtures.cleanup();
  await disconnectDb();
});

const init = (body: string, headers: Record<string, string>): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", "x-forwarded-for": fixtures.ip(), ...headers },
  body,
});

const viaRouteHandler = (body: string, headers: Record<string, string> = {}) => POST(new Request("http://localhost/api/v1/orders", init(body, headers)) as never);
const viaProductionServer = (body: string, headers: Record<string, string> = {}) => fetch(`${serverUrl}/api/v1/orders`, init(body, headers));

describe.each([
  ["route handler", viaRouteHandler],
  ["production server fast path", viaProductionServer],
])("POST /api/v1/orders (%s)", (_way, post) => {
  it("places an order (201) and answers a resubmit with the same order (200)", async () => {
    const input = fixtures.input(slug);
    const first = await post(JSON.stringify(input));
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(created.order).toMatchObject({ status: "UNCONFIRMED", total: 225000, currency: "RUB" }); // 1,950.00 + 300.00 RUB post
    expect(created.next.kind).toBe("CONFIRM_EMAIL");

    const again = await post(JSON.stringify(input));
    expect(again.status).toBe(200);
    expect((await again.json()).order.id).toBe(created.order.id);
    expect(await db.order.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
  });

  it("takes the idempotency key from the Idempotency-Key header", async () => {
    const { idempotencyKey, ...input } = fixtures.input(slug);
    const response = await post(JSON.stringify(input), { "idempotency-key": idempotencyKey });
    expect(response.status).toBe(201);
    expect(await db.order.count({ where: { idempotencyKey } })).toBe(1);
  });

  it.each([
    ["not JSON", "{oops", 400, "BAD_REQUEST"],
    ["a JSON array", "[]", 400, "BAD_REQUEST"],
    ["a body over 64 KiB", JSON.stringify({ padding: "x".repeat(70 * 1024) }), 413, "PAYLOAD_TOO_LARGE"],
  ])("refuses %s with %i and writes nothing", async (_name, body, status, code) => {
    const before = await ordersOfThisFile();
    const response = await post(body);
    expect(response.status).toBe(status);
    expect((await response.json()).error.code).toBe(code);
    expect(await ordersOfThisFile()).toBe(before);
  });

  it("answers field errors with 422 and writes nothing", async () => {
    const input = fixtures.input(slug, {}, { phone: "12", email: "not-an-email" });
    const response = await post(JSON.stringify(input));
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(Object.keys(body.error.fieldErrors)).toEqual(expect.arrayContaining(["phone", "email"]));
    expect(await db.order.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(0);
  });

  it("answers an unknown product with 404 and a missing key with 422", async () => {
    expect((await post(JSON.stringify(fixtures.input("no-such-product")))).status).toBe(404);
    const { idempotencyKey: _key, ...input } = fixtures.input(slug);
    const response = await post(JSON.stringify(input));
    expect(response.status).toBe(422);
    expect((await response.json()).error.fieldErrors.idempotencyKey).toBeDefined();
  });

  it("rate-limits one client after 30 orders a minute (429 with Retry-After)", async () => {
    const ip = fixtures.ip();
    let last: Response | undefined;
    // Every well-formed request counts, even one the checkout then refuses.
    for (let attempt = 0; attempt < 31; attempt++) last = await post(JSON.stringify(fixtures.input("no-such-product")), { "x-forwarded-for": ip });
    expect(last?.status).toBe(429);
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

const overLimitStream = () =>
  new ReadableStream({
    start(controller) {
      for (let i = 0; i < 80; i++) controller.enqueue(new TextEncoder().encode("x".repeat(1024)));
      controller.close();
    },
  });

/** Orders of this file's product (other files place orders at the same time). */
const ordersOfThisFile = () => db.order.count({ where: { product: { slug } } });

describe("a body streamed past the limit without a Content-Length", () => {
  it("is refused by the route handler with 413, and nothing is written", async () => {
    const before = await ordersOfThisFile();
    const response = await POST(new Request("http://localhost/api/v1/orders", { method: "POST", body: overLimitStream(), duplex: "half" } as RequestInit) as never);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await ordersOfThisFile()).toBe(before);
  });
});

describe("production server fast path", () => {
  it("passes every other request on", async () => {
    expect((await fetch(`${serverUrl}/api/v1/orders`)).status).toBe(404);
    expect((await fetch(`${serverUrl}/api/v1/orders-export`, { method: "POST", body: "{}" })).status).toBe(404);
    expect((await fetch(`${serverUrl}/checkout/${slug}`)).status).toBe(404);
  });

  it("answers a body streamed past the limit without a Content-Length with 413, and writes nothing", async () => {
    const before = await ordersOfThisFile();
    const response = await fetch(`${serverUrl}/api/v1/orders`, { method: "POST", body: overLimitStream(), duplex: "half" } as RequestInit);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await ordersOfThisFile()).toBe(before);
  });
});
