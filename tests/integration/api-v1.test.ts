// The REST API v1 through its route handlers: keys (missing, wrong, revoked → 401; scope
// missing → 403), every resource's list/get/create paths, cursor pages, Idempotency-Key (replay,
// another body → 422, concurrent repeats → one order), the rate limit per key, customer dedupe,
// the public JSON checkout still answering without a key, and the audit of every call.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as ordersRoute from "@/app/api/v1/orders/route";
import * as orderRoute from "@/app/api/v1/orders/[id]/route";
import * as orderStatusRoute from "@/app/api/v1/orders/[id]/status/route";
import * as orderTrackingRoute from "@/app/api/v1/orders/[id]/tracking_number/route";
import * as orderNotesRoute from "@/app/api/v1/orders/[id]/notes/route";
import * as productsRoute from "@/app/api/v1/products/route";
import * as productRoute from "@/app/api/v1/products/[id]/route";
import * as customersRoute from "@/app/api/v1/customers/route";
import * as customerRoute from "@/app/api/v1/customers/[id]/route";
import * as partnersRoute from "@/app/api/v1/partners/route";
import * as partnerRoute from "@/app/api/v1/partners/[id]/route";
import * as commissionsRoute from "@/app/api/v1/commissions/route";
import * as commissionRoute from "@/app/api/v1/commissions/[id]/route";
import * as payoutsRoute from "@/app/api/v1/payouts/route";
import { createApiKey } from "@/lib/api/create-api-key";
import { revokeApiKey } from "@/lib/api/revoke-api-key";
import { API_SCOPES, type ApiScope } from "@/lib/api/scopes";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import { consumeRateLimit, RATE_LIMITS } from "@/lib/rate-limit";

const fixtures = checkoutFixtures("api-v1");
const run = randomUUID().slice(0, 8);
let ownerId = "";
let product: { id: string; slug: string };
let fullKey = "";
let fullKeyId = "";
let readOrdersKey = "";
const keyIds: string[] = [];
const customerIds: string[] = [];
let partnerId = "";

async function newKey(scopes: ApiScope[], name = "test") {
  const created = await createApiKey({ name: `${name} ${run}`, scopes }, { id: ownerId, role: "OWNER" });
  keyIds.push(created.id);
  return created;
}

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  product = await fixtures.createProduct({ confirmationMode: "NONE" });
  const owner = await db.user.create({ data: { email: `owner-${run}@api.test`, name: "API owner", passwordHash: "x", role: "OWNER" }, select: { id: true } });
  ownerId = owner.id;
  const full = await newKey([...API_SCOPES], "full");
  fullKey = full.key;
  fullKeyId = full.id;
  readOrdersKey = (await newKey(["orders:read"], "orders read")).key;
  const partner = await db.partner.create({
    data: { login: `api${run}`, email: `partner-${run}@api.test`, name: "API partner", passwordHash: "x", status: "ACTIVE" },
    select: { id: true },
  });
  partnerId = partner.id;
});

afterAll(async () => {
  await db.commission.deleteMany({ where: { partnerId } });
  await fixtures.cleanup();
  await db.customer.deleteMany({ where: { id: { in: customerIds } } });
  await db.partner.deleteMany({ where: { id: partnerId } });
  await db.auditLog.deleteMany({ where: { actorId: { in: [...keyIds, ownerId] } } });
  await db.idempotencyKey.deleteMany({ where: { scope: { in: keyIds.map((id) => `api:${id}`) } } });
  await db.apiKey.deleteMany({ where: { id: { in: keyIds } } });
  await db.user.deleteMany({ where: { id: ownerId } });
  await disconnectDb();
});

type Handler = (request: never, context: never) => Promise<Response> | Response;

function call(
  handler: Handler,
  options: { key?: string | null; method?: string; path?: string; query?: Record<string, string>; body?: unknown; id?: string; headers?: Record<string, string> } = {},
) {
  const url = new URL(`http://localhost${options.path ?? "/api/v1/x"}`);
  for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, value);
  const headers: Record<string, string> = { "x-forwarded-for": fixtures.ip(), ...options.headers };
  if (options.key !== null) headers.authorization = `Bearer ${options.key ?? fullKey}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(url, {
    method: options.method ?? (options.body === undefined ? "GET" : "POST"),
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return (handler as (request: Request, context: unknown) => Promise<Response>)(request, { params: Promise.resolve({ id: options.id ?? "" }) });
}

const orderBody = (overrides: Record<string, unknown> = {}) => {
  const { fields } = fixtures.input(product.slug);
  return { product: product.id, quantity: 1, country: "RU", payment_method: "COD", locale: "en", fields, ...overrides };
};

async function createOrder(overrides: Record<string, unknown> = {}, idempotencyKey = `idem-${randomUUID()}`) {
  const response = await call(ordersRoute.POST as Handler, { path: "/api/v1/orders", body: orderBody(overrides), headers: { "idempotency-key": idempotencyKey } });
  expect(response.status).toBe(201);
  return response.json();
}

describe("authentication and scopes", () => {
  it.each([
    ["no key (GET)", null, "api_key_missing"],
    ["a malformed key", "not-a-key", "api_key_invalid"],
    ["a well-formed unknown key", `lk_live_abcdefgh_${"A".repeat(43)}`, "api_key_invalid"],
  ])("answers %s with 401 in the one error shape", async (_name, key, code) => {
    const response = await call(ordersRoute.GET as Handler, { key, path: "/api/v1/orders" });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { type: "authentication_error", code, message: expect.any(String) } });
  });

  it("answers a revoked key with 401 and audits the revocation", async () => {
    const { id, key } = await newKey(["orders:read"], "to revoke");
    expect((await call(ordersRoute.GET as Handler, { key, path: "/api/v1/orders" })).status).toBe(200);
    await revokeApiKey(id, { id: ownerId, role: "OWNER" });
    const response = await call(ordersRoute.GET as Handler, { key, path: "/api/v1/orders" });
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("api_key_revoked");
    expect(await db.auditLog.count({ where: { action: "api_key.revoked", entityId: id, actorId: ownerId } })).toBe(1);
  });

  it("refuses an operation outside the key's scopes with 403, and write includes read", async () => {
    const response = await call(customersRoute.GET as Handler, { key: readOrdersKey, path: "/api/v1/customers" });
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatchObject({ type: "permission_error", code: "insufficient_scope" });
    const write = await call(ordersRoute.POST as Handler, { key: readOrdersKey, path: "/api/v1/orders", body: orderBody() });
    expect(write.status).toBe(403);
    const { key: writeKey } = await newKey(["orders:write"], "orders write");
    expect((await call(ordersRoute.GET as Handler, { key: writeKey, path: "/api/v1/orders" })).status).toBe(200);
  });

  it("is refused to every role but OWNER when creating keys, and stores only the hash", async () => {
    await expect(createApiKey({ name: "x", scopes: ["orders:read"] }, { id: ownerId, role: "MANAGER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stored = await db.apiKey.findUniqueOrThrow({ where: { id: fullKeyId }, select: { keyHash: true, prefix: true } });
    expect(fullKey.startsWith(`lk_live_${stored.prefix}_`)).toBe(true);
    expect(stored.keyHash).not.toContain(fullKey.slice(-43));
  });
});

describe("orders", () => {
  it("creates an order by the checkout's rules (201, Stripe-style object), gets it, and records the key", async () => {
    const order = await createOrder();
    expect(order).toMatchObject({ object: "order", status: "CONFIRMED", currency: "RUB", amount_total: 225000, source: "api", product: product.id }); // 1,950.00 + 300.00 RUB post
    expect(order.items[0]).toMatchObject({ object: "order_item", quantity: 1, unit_amount: 195000 });
    expect(order.created).toMatch(/^\d{4}-\d\d-\d\dT/);
    const got = await call(orderRoute.GET as Handler, { path: `/api/v1/orders/${order.id}`, id: order.id });
    expect(got.status).toBe(200);
    expect((await got.json()).id).toBe(order.id);
    const audit = await db.auditLog.findFirstOrThrow({ where: { actorType: "api_key", actorId: fullKeyId, action: "api.createOrder", entityId: order.id }, select: { data: true } });
    expect(audit.data).toMatchObject({ method: "POST", status: 201, after: { status: "CONFIRMED" } });
  });

  it("answers checkout field errors with 422 naming the parameter, and writes nothing", async () => {
    const before = await db.order.count({ where: { productId: product.id } });
    const response = await call(ordersRoute.POST as Handler, { path: "/api/v1/orders", body: orderBody({ fields: { ...orderBody().fields, phone: "12" } }) });
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error).toMatchObject({ type: "invalid_request_error", code: "parameter_invalid", param: "fields.phone" });
    expect(error.message).toContain("valid phone");
    expect(await db.order.count({ where: { productId: product.id } })).toBe(before);
    const unknown = await call(ordersRoute.POST as Handler, { path: "/api/v1/orders", body: { ...orderBody(), colour: "red" } });
    expect((await unknown.json()).error).toMatchObject({ code: "parameter_invalid", param: "colour" });
  });

  it("attributes an order to a partner given by login", async () => {
    const order = await createOrder({ partner: `api${run}`, sub1: "newsletter" });
    expect(order).toMatchObject({ partner: partnerId, attribution: { sub1: "newsletter" } });
    const missing = await call(ordersRoute.POST as Handler, { path: "/api/v1/orders", body: orderBody({ partner: "nobody-at-all" }) });
    expect((await missing.json()).error).toMatchObject({ param: "partner" });
  });

  it("changes status through the transition table, sets the tracking number, adds a note", async () => {
    const order = await createOrder();
    const shipped = await call(orderStatusRoute.POST as Handler, { path: `/api/v1/orders/${order.id}/status`, id: order.id, body: { status: "SHIPPED", tracking_number: "RA123456789RU" } });
    expect(shipped.status).toBe(200);
    expect(await shipped.json()).toMatchObject({ status: "SHIPPED", tracking_number: "RA123456789RU", status_transitions: { shipped_at: expect.any(String) } });
    const refused = await call(orderStatusRoute.POST as Handler, { path: `/api/v1/orders/${order.id}/status`, id: order.id, body: { status: "UNCONFIRMED" } });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect((await refused.json()).error.type).toBe("invalid_request_error");
    const tracking = await call(orderTrackingRoute.POST as Handler, { path: `/api/v1/orders/${order.id}/tracking_number`, id: order.id, body: { tracking_number: "RA000000001RU" } });
    expect((await tracking.json()).tracking_number).toBe("RA000000001RU");
    const note = await call(orderNotesRoute.POST as Handler, { path: `/api/v1/orders/${order.id}/notes`, id: order.id, body: { text: "Customer asked to call after 18:00" } });
    expect(note.status).toBe(201);
    expect(await note.json()).toMatchObject({ object: "order_note", order: order.id });
    const history = await db.orderStatusChange.findMany({ where: { orderId: order.id, actorType: "API_KEY" }, select: { actorId: true, toStatus: true, reason: true } });
    expect(history).toEqual(
      expect.arrayContaining([expect.objectContaining({ actorId: fullKeyId, toStatus: "SHIPPED" }), expect.objectContaining({ reason: "Customer asked to call after 18:00" })]),
    );
    const audit = await db.auditLog.findFirstOrThrow({
      where: { actorType: "api_key", action: "api.changeOrderStatus", entityId: order.id, data: { path: ["status"], equals: 200 } },
      select: { data: true },
    });
    expect(audit.data).toMatchObject({ before: { status: "CONFIRMED" }, after: { status: "SHIPPED" } });
    expect((await call(orderRoute.GET as Handler, { path: "/api/v1/orders/nope", id: "no-such-order" })).status).toBe(404);
  });

  it("pages with limit / starting_after / ending_before / has_more and filters by product and status", async () => {
    const pageProduct = await fixtures.createProduct({ confirmationMode: "NONE" });
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) ids.unshift((await createOrder({ product: pageProduct.id })).id); // newest first
    const list = (query: Record<string, string>) =>
      call(ordersRoute.GET as Handler, { path: "/api/v1/orders", query: { product: pageProduct.id, ...query } }).then((response) => response.json());
    const first = await list({ limit: "2" });
    expect(first).toMatchObject({ object: "list", url: "/api/v1/orders", has_more: true });
    expect(first.data.map((order: { id: string }) => order.id)).toEqual(ids.slice(0, 2));
    const second = await list({ limit: "2", starting_after: ids[1]! });
    expect(second.data.map((order: { id: string }) => order.id)).toEqual(ids.slice(2, 4));
    const last = await list({ limit: "2", starting_after: ids[3]! });
    expect(last).toMatchObject({ has_more: false });
    expect(last.data.map((order: { id: string }) => order.id)).toEqual(ids.slice(4));
    const back = await list({ limit: "2", ending_before: ids[4]! });
    expect(back.data.map((order: { id: string }) => order.id)).toEqual(ids.slice(2, 4));
    expect((await list({ status: "SHIPPED" })).data).toEqual([]);
    const bad = await call(ordersRoute.GET as Handler, { path: "/api/v1/orders", query: { limit: "500" } });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.param).toBe("limit");
    expect((await call(ordersRoute.GET as Handler, { path: "/api/v1/orders", query: { starting_after: "gone" } })).status).toBe(404);
  });
});

describe("Idempotency-Key", () => {
  it("replays the first answer, refuses another body with 422, and makes one order of concurrent repeats", async () => {
    const key = `idem-${randomUUID()}`;
    const body = orderBody();
    const send = (payload: unknown) => call(ordersRoute.POST as Handler, { path: "/api/v1/orders", body: payload, headers: { "idempotency-key": key } });
    const [a, b, c] = await Promise.all([send(body), send(body), send(body)]);
    const answers = await Promise.all([a, b, c].map((response) => response.json()));
    expect(new Set(answers.map((answer) => answer.id)).size).toBe(1);
    expect([a, b, c].map((response) => response.status)).toEqual([201, 201, 201]);
    expect([a, b, c].filter((response) => response.headers.get("idempotent-replayed") === "true")).toHaveLength(2);
    expect(await db.order.count({ where: { customerName: body.fields.fullName, phoneNormalized: { not: null }, id: answers[0].id } })).toBe(1);
    const replay = await send(body);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect((await replay.json()).id).toBe(answers[0].id);
    const reused = await send({ ...body, quantity: 2 });
    expect(reused.status).toBe(422);
    expect((await reused.json()).error).toMatchObject({ type: "idempotency_error", code: "idempotency_key_reused" });
  });

  it("gives the key back when the request fails, so a corrected retry works", async () => {
    const key = `idem-${randomUUID()}`;
    const send = (payload: unknown) => call(customersRoute.POST as Handler, { path: "/api/v1/customers", body: payload, headers: { "idempotency-key": key } });
    expect((await send({ name: "" })).status).toBe(422);
    const created = await send({ name: `Retry ${run}` });
    expect(created.status).toBe(201);
    customerIds.push((await created.json()).id);
  });
});

describe("customers", () => {
  it("creates with normalised contacts, refuses a phone or email of another card (409 customer_exists), finds by phone, updates partially", async () => {
    const phone = fixtures.phone();
    const email = fixtures.email("crm");
    const created = await call(customersRoute.POST as Handler, {
      path: "/api/v1/customers",
      body: { name: "Мария Иванова", phones: [{ phone }], emails: [{ email: email.toUpperCase() }], tags: ["vip"] },
    });
    expect(created.status).toBe(201);
    const customer = await created.json();
    customerIds.push(customer.id);
    expect(customer).toMatchObject({ object: "customer", name: "Мария Иванова", email: email.toUpperCase(), tags: ["vip"], source: "api" });
    expect(customer.phones[0].normalized).toMatch(/^\+79/);

    const duplicate = await call(customersRoute.POST as Handler, { path: "/api/v1/customers", body: { name: "Someone else", emails: [{ email }] } });
    expect(duplicate.status).toBe(409);
    expect((await duplicate.json()).error).toMatchObject({ code: "customer_exists", param: "emails.0.email", message: expect.stringContaining(customer.id) });

    const found = await call(customersRoute.GET as Handler, { path: "/api/v1/customers", query: { phone: phone.replace(/\D/g, "") } }).then((response) => response.json());
    expect(found.data.map((row: { id: string }) => row.id)).toEqual([customer.id]);

    const updated = await call(customerRoute.POST as Handler, { path: `/api/v1/customers/${customer.id}`, id: customer.id, body: { notes: "Prefers calls" } });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ name: "Мария Иванова", notes: "Prefers calls", phones: [{ normalized: customer.phones[0].normalized }] });
    const got = await call(customerRoute.GET as Handler, { path: `/api/v1/customers/${customer.id}`, id: customer.id });
    expect((await got.json()).notes).toBe("Prefers calls");
    expect(await db.auditLog.count({ where: { actorType: "api_key", action: "customer.update", entityId: customer.id } })).toBe(1);
  });
});

describe("products, partners, commissions, payouts", () => {
  it("lists and gets each, in the list envelope", async () => {
    const products = await call(productsRoute.GET as Handler, { path: "/api/v1/products", query: { limit: "100" } }).then((response) => response.json());
    expect(products.object).toBe("list");
    const got = await call(productRoute.GET as Handler, { path: `/api/v1/products/${product.id}`, id: product.id }).then((response) => response.json());
    expect(got).toMatchObject({
      object: "product",
      id: product.id,
      currency: "RUB",
      prices: expect.arrayContaining([{ region: "RU", amount: 195000, minimum_amount: null, compare_at_amount: null }]),
    });

    const partners = await call(partnersRoute.GET as Handler, { path: "/api/v1/partners", query: { status: "ACTIVE", limit: "100" } }).then((response) => response.json());
    expect(partners.data.every((partner: { status: string }) => partner.status === "ACTIVE")).toBe(true);
    const partner = await call(partnerRoute.GET as Handler, { path: `/api/v1/partners/${partnerId}`, id: partnerId }).then((response) => response.json());
    expect(partner).toMatchObject({ object: "partner", login: `api${run}` });
    expect(partner).not.toHaveProperty("passwordHash");

    const commissions = await call(commissionsRoute.GET as Handler, { path: "/api/v1/commissions", query: { partner: partnerId } }).then((response) => response.json());
    expect(commissions.object).toBe("list");
    if (commissions.data[0]) {
      const commission = await call(commissionRoute.GET as Handler, { path: `/api/v1/commissions/${commissions.data[0].id}`, id: commissions.data[0].id }).then((response) =>
        response.json(),
      );
      expect(commission).toMatchObject({ object: "commission", partner: partnerId });
    }
    expect((await call(commissionRoute.GET as Handler, { path: "/api/v1/commissions/x", id: "no-such-commission" })).status).toBe(404);
    const payouts = await call(payoutsRoute.GET as Handler, { path: "/api/v1/payouts", query: { partner: partnerId } });
    expect(payouts.status).toBe(200);
    expect(await payouts.json()).toMatchObject({ object: "list", url: "/api/v1/payouts", data: [] });
  });
});

describe("rate limit per key", () => {
  it("answers 429 with Retry-After once the key's minute is used up, other keys unaffected", async () => {
    const limited = await newKey(["products:read"], "limited");
    for (let point = 0; point < RATE_LIMITS.api.points; point++) await consumeRateLimit("api", limited.id);
    const response = await call(productsRoute.GET as Handler, { key: limited.key, path: "/api/v1/products" });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await response.json()).error).toMatchObject({ type: "rate_limit_error", code: "rate_limited" });
    expect((await call(productsRoute.GET as Handler, { path: "/api/v1/products" })).status).toBe(200);
  });
});

describe("the public JSON checkout at the same URL", () => {
  it("still takes the checkout body without an Authorization header", async () => {
    const input = fixtures.input(product.slug);
    const response = await call(ordersRoute.POST as Handler, { key: null, path: "/api/v1/orders", body: input });
    expect(response.status).toBe(201);
    expect((await response.json()).next.kind).toBe("THANK_YOU");
  });
});
