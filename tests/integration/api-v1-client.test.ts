// A real client of the REST API: the OpenAPI document served at /api/v1/openapi.json is valid
// OpenAPI 3.1 (an independent validator), the committed client types are generated from it
// (openapi-typescript), and an openapi-fetch client typed by them creates and lists orders over
// HTTP against the route handlers behind a real node:http server.
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { Validator } from "@seriousme/openapi-schema-validator";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as openApiRoute from "@/app/api/v1/openapi.json/route";
import * as ordersRoute from "@/app/api/v1/orders/route";
import * as orderRoute from "@/app/api/v1/orders/[id]/route";
import type { paths } from "@/lib/api/client/api-v1";
import { API_TYPES_FILE, renderApiTypes } from "@/lib/api/client/render-api-types";
import { createApiKey } from "@/lib/api/create-api-key";
import { API_OPERATIONS } from "@/lib/api/operations";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";

const fixtures = checkoutFixtures("api-client");
const run = randomUUID().slice(0, 8);
let server: Server;
let baseUrl = "";
let ownerId = "";
let keyId = "";
let apiKey = "";
let product: { id: string; slug: string };

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response> | Response;
const ROUTES: [RegExp, Partial<Record<string, Handler>>][] = [
  [/^\/api\/v1\/openapi\.json$/, openApiRoute as never],
  [/^\/api\/v1\/orders$/, ordersRoute as never],
  [/^\/api\/v1\/orders\/([^/]+)$/, orderRoute as never],
];

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  product = await fixtures.createProduct({ confirmationMode: "NONE" });
  ownerId = (await db.user.create({ data: { email: `owner-${run}@api-client.test`, name: "Owner", passwordHash: "x", role: "OWNER" }, select: { id: true } })).id;
  const key = await createApiKey({ name: `client ${run}`, scopes: ["orders:write"] }, { id: ownerId, role: "OWNER" });
  keyId = key.id;
  apiKey = key.key;
  // The route handlers behind node:http, as Next.js would call them.
  server = createServer((incoming, outgoing) => {
    serve(incoming, outgoing).catch(() => outgoing.writeHead(500).end());
  });
  // Longer than the test's pauses, or fetch's pool reuses a socket the server has closed.
  server.keepAliveTimeout = 60_000;
  async function serve(incoming: IncomingMessage, outgoing: ServerResponse) {
    const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
    const route = ROUTES.find(([pattern]) => pattern.test(url.pathname));
    const handler = route?.[1][incoming.method ?? "GET"];
    if (!route || !handler) return void outgoing.writeHead(404).end();
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(name, value);
    headers.set("x-forwarded-for", fixtures.ip());
    const request = new Request(url, { method: incoming.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const response = await handler(request, { params: Promise.resolve({ id: decodeURIComponent(route[0].exec(url.pathname)?.[1] ?? "") }) });
    outgoing.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await fixtures.cleanup();
  await db.auditLog.deleteMany({ where: { actorId: { in: [keyId, ownerId] } } });
  await db.idempotencyKey.deleteMany({ where: { scope: `api:${keyId}` } });
  await db.apiKey.deleteMany({ where: { id: keyId } });
  await db.user.deleteMany({ where: { id: ownerId } });
  await disconnectDb();
});

describe("the OpenAPI document", () => {
  it("is served, valid OpenAPI 3.1, and documents every operation with its scope, parameters, body and errors", async () => {
    const response = await fetch(`${baseUrl}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const document = await response.json();
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    for (const [operationId, operation] of Object.entries(API_OPERATIONS)) {
      const documented = document.paths[`/api/v1${operation.path}`]?.[operation.method.toLowerCase()];
      expect(documented, operationId).toBeDefined();
      expect(documented.operationId).toBe(operationId);
      expect(documented.description).toContain(operation.scope);
      expect(documented.responses["422"].content["application/json"].schema.$ref).toBe("#/components/schemas/Error");
      if (operation.body) expect(documented.requestBody.content["application/json"].schema).toBeDefined();
      if (operation.method === "POST") expect(documented.parameters.some((parameter: { name: string }) => parameter.name === "Idempotency-Key")).toBe(true);
    }
    expect(document.paths["/api/v1/orders"].get.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(
      expect.arrayContaining(["limit", "starting_after", "ending_before", "status", "product", "partner", "created[gte]"]),
    );
  });

  it("is what the committed client types were generated from (npm run api:types)", async () => {
    expect(await readFile(API_TYPES_FILE, "utf8")).toBe(await renderApiTypes());
  });
});

describe("a client generated from the document (openapi-fetch)", () => {
  it("creates an order and finds it in the list and by id", async () => {
    const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${apiKey}` } });
    const { fields } = fixtures.input(product.slug);
    const created = await client.POST("/api/v1/orders", {
      params: { header: { "Idempotency-Key": `client-${randomUUID()}` } },
      body: { product: product.slug, quantity: 2, country: "RU", payment_method: "COD", locale: "ru", fields },
    });
    expect(created.response.status).toBe(201);
    expect(created.error).toBeUndefined();
    const order = created.data!;
    expect(order).toMatchObject({ object: "order", status: "CONFIRMED", amount_items: 390000, currency: "RUB" }); // 2 × 1,950.00 RUB

    const listed = await client.GET("/api/v1/orders", { params: { query: { product: product.id, limit: 10 } } });
    expect(listed.data?.data.map((entry) => entry.id)).toContain(order.id);
    const got = await client.GET("/api/v1/orders/{id}", { params: { path: { id: order.id } } });
    expect(got.data?.number).toBe(order.number);

    const refused = await client.POST("/api/v1/orders", {
      body: { product: product.slug, quantity: 1, country: "RU", payment_method: "COD", locale: "ru", fields: { ...fields, email: "nope" } },
    });
    expect(refused.response.status).toBe(422);
    expect(refused.error?.error).toMatchObject({ type: "invalid_request_error", param: "fields.email" });
  });
});
