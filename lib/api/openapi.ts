// The OpenAPI 3.1 document of the REST API v1, generated from API_OPERATIONS' zod schemas
// (zod-openapi), served at /api/v1/openapi.json and rendered as the admin's API reference.
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponseObject } from "zod-openapi";
import { ZApiErrorBody } from "./api-error";
import { IDEMPOTENCY_TTL_HOURS } from "./idempotency";
import { ZPathId } from "./objects";
import { API_OPERATIONS } from "./operations";
import { RATE_LIMITS } from "@/lib/rate-limit";

const ERROR_RESPONSES = {
  "400": "The body is not JSON, or the request is malformed.",
  "401": "No API key, or an invalid or revoked one.",
  "403": "The API key lacks the operation's scope.",
  "404": "No such object.",
  "409": "The object's state does not allow it (e.g. a status move the transition table refuses), or the Idempotency-Key's first request is still running.",
  "422": "Invalid parameters (`param` names the first), or an Idempotency-Key reused with a different body (`idempotency_key_reused`).",
  "429": "Too many requests with this key: retry after the `Retry-After` seconds.",
} as const;

const errorContent = { "application/json": { schema: ZApiErrorBody } };

const ZIdempotencyHeader = z
  .string()
  .max(255)
  .optional()
  .meta({
    description: `Makes the POST safe to retry: for ${IDEMPOTENCY_TTL_HOURS} hours a repeat with the same key and body returns the first answer (header \`Idempotent-Replayed: true\`); the same key with another body is refused (422).`,
  });

let cached: ReturnType<typeof createDocument> | null = null;

export function getOpenApiDocument() {
  cached ??= buildDocument();
  return cached;
}

function buildDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const [operationId, operation] of Object.entries(API_OPERATIONS)) {
    const path = `/api/v1${operation.path}`;
    const responses: Record<string, ZodOpenApiResponseObject> = {
      [operation.created ? "201" : "200"]: {
        description: operation.created ? "Created" : "OK",
        headers: z.object({ "Request-Id": z.string().meta({ description: "Id of this request (quote it to support)." }) }),
        content: { "application/json": { schema: operation.response } },
      },
    };
    if (operationId === "createOrder") responses["200"] = { description: "The order this Idempotency-Key already placed", content: { "application/json": { schema: operation.response } } };
    for (const [status, description] of Object.entries(ERROR_RESPONSES)) responses[status] = { description, content: errorContent };
    const entry: ZodOpenApiOperationObject = {
      operationId,
      summary: operation.summary,
      description: [operation.description, `Scope: \`${operation.scope}\`.`].filter(Boolean).join("\n\n"),
      tags: [operation.tag],
      requestParams: {
        ...(operation.path.includes("{id}") ? { path: z.object({ id: ZPathId.meta({ description: "The object's id." }) }) } : {}),
        ...(operation.query ? { query: operation.query as z.ZodObject } : {}),
        ...(operation.method === "POST" ? { header: z.object({ "Idempotency-Key": ZIdempotencyHeader }) } : {}),
      },
      ...(operation.body ? { requestBody: { required: true, content: { "application/json": { schema: operation.body } } } } : {}),
      responses,
    };
    paths[path] = { ...paths[path], [operation.method.toLowerCase()]: entry };
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Lavka REST API",
      version: "1.0.0",
      description: [
        "Orders, products, customers, partners, commissions and payouts of the shop, with Stripe's conventions: JSON objects with an `object` kind, money as integer minor units beside an ISO 4217 currency, ISO 8601 instants, cursor pages (`limit`, `starting_after`, `ending_before`, `has_more`), `Idempotency-Key` on POSTs and one error shape.",
        "Authenticate with an API key from Settings → API: `Authorization: Bearer lk_live_…`. Each key has scopes per resource (read, or write which includes read).",
        `Rate limit: ${RATE_LIMITS.api.points} requests per ${RATE_LIMITS.api.duration} seconds per key (429 with Retry-After beyond it).`,
      ].join("\n\n"),
    },
    servers: [{ url: "/", description: "This shop" }],
    security: [{ bearerAuth: [] }],
    tags: ["Orders", "Products", "Customers", "Partners", "Commissions", "Payouts"].map((name) => ({ name })),
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "An API key: lk_live_<prefix>_<secret>." } },
    },
    paths,
  });
}
