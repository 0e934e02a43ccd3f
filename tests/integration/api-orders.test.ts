// POST /api/v1/orders: the JSON checkout, through the real route handler and Request objects.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/orders/route";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";

const fixtures = checkoutFixtures("api-orders");
let slug = "";

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  slug = (await fixtures.createProduct()).slug;
});

afterAll(async () => {
  await fixtures.cleanup();
  await disconnectDb();
});

function post(body: string, headers: Record<string, string> = {}) {
  const request = new Request("http://localhost/api/v1/orders", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": fixtures.ip(), ...headers },
    body,
  });
  return POST(request as never);
}

describe("POST /api/v1/orders", () => {
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
    const before = await db.order.count();
    const response = await post(body);
    expect(response.status).toBe(status);
    expect((await response.json()).error.code).toBe(code);
    expect(await db.order.count()).toBe(before);
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
