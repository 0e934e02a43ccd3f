// The REST API v1's route-handler wrapper: one operation of API_OPERATIONS per call, in order —
// authenticate the key, check the operation's scope, take a point of the key's rate limit, parse
// the path id, query and JSON body with the operation's zod schemas, run it (POSTs under their
// Idempotency-Key), answer JSON (errors in the one shape of api-error.ts), and audit the call
// with the key's id (writes with before/after).
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { clientIpFrom } from "@/lib/client-ip";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readLimitedBody } from "@/lib/http";
import { logger } from "@/lib/logger";
import { consumeRateLimit } from "@/lib/rate-limit";
import { ApiError, apiErrorPayload } from "./api-error";
import { authenticateApiKey, type AuthenticatedApiKey } from "./authenticate-api-key";
import { requestFingerprint, withIdempotency } from "./idempotency";
import { ZPathId } from "./objects";
import { API_OPERATIONS, type ApiOperationId, type ApiResult } from "./operations";
import { hasScope } from "./scopes";

export const MAX_API_BODY_BYTES = 64 * 1024;

type RouteContext = { params?: Promise<Record<string, string | string[] | undefined>> };

/** The Next.js route handler of one operation. */
export function apiRoute(operationId: ApiOperationId) {
  return (request: Request, context?: RouteContext) => answerApiCall(operationId, request, context);
}

export async function answerApiCall(operationId: ApiOperationId, request: Request, context?: RouteContext): Promise<Response> {
  const operation = API_OPERATIONS[operationId];
  const requestId = `req_${randomBytes(12).toString("base64url")}`;
  const url = new URL(request.url);
  const ip = clientIpFrom(request.headers);
  const idempotencyKey = operation.method === "POST" ? (request.headers.get("idempotency-key") ?? undefined) : undefined;
  let actor: AuthenticatedApiKey | null = null;
  let status = 500;
  let result: ApiResult | null = null;
  let replayed = false;
  let errorCode: string | undefined;
  let response: Response;
  try {
    actor = await authenticateApiKey(request.headers.get("authorization"));
    if (!hasScope(actor.scopes, operation.scope)) {
      throw new ApiError("FORBIDDEN", "insufficient_scope", `This API key lacks the ${operation.scope} scope`, { param: operation.scope });
    }
    await consumeRateLimit("api", actor.id).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "RATE_LIMITED") {
        throw new ApiError("RATE_LIMITED", "rate_limited", "Too many requests with this API key: slow down and retry after the Retry-After seconds", {
          retryAfterSeconds: error.options.retryAfterSeconds,
        });
      }
      throw error;
    });
    const raw = await context?.params;
    const id = typeof raw?.id === "string" ? raw.id : "";
    if (operation.path.includes("{id}") && !ZPathId.safeParse(id).success) throw new ApiError("NOT_FOUND", "resource_missing", `No such object: ${id}`, { param: "id" });
    const query = operation.query ? parseWith(operation.query, queryObject(url.searchParams)) : {};
    const body = operation.body ? parseWith(operation.body, await jsonBody(request)) : undefined;
    const call = { actor, params: { id }, query, body, ip, userAgent: request.headers.get("user-agent") ?? undefined, idempotencyKey };
    const run = async () => {
      const ran = await operation.run(call);
      result = ran;
      return { status: ran.status ?? 200, body: ran.body };
    };
    const answer =
      operation.method === "POST" && idempotencyKey !== undefined
        ? await withIdempotency({ scope: `api:${actor.id}`, key: idempotencyKey, requestHash: requestFingerprint(operation.method, url.pathname, body) }, run)
        : { ...(await run()), replayed: false };
    replayed = answer.replayed;
    status = answer.status;
    response = Response.json(answer.body, { status, headers: responseHeaders(requestId, replayed ? { "Idempotent-Replayed": "true" } : {}) });
  } catch (error) {
    const payload = apiErrorPayload(error);
    status = payload.status;
    errorCode = payload.body.error.code;
    response = Response.json(payload.body, { status, headers: responseHeaders(requestId, payload.headers) });
  }
  if (actor) await auditCall({ operationId, actor, request, url, ip, status, requestId, idempotencyKey, replayed, errorCode, result });
  return response;
}

function responseHeaders(requestId: string, extra: Record<string, string>): Record<string, string> {
  return { "Request-Id": requestId, "Cache-Control": "no-store", ...extra };
}

function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  // Unknown parameters are named as such (strict bodies), the rest by their path.
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") for (const key of issue.keys) (fieldErrors[[...issue.path, key].join(".")] ??= []).push("Unknown parameter");
    else (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
  }
  const missing = parsed.error.issues.some((issue) => issue.code === "invalid_type" && issue.message.includes("undefined"));
  throw new ApiError("VALIDATION", missing ? "parameter_missing" : "parameter_invalid", "Invalid request", { fieldErrors });
}

/** Query parameters as an object: a repeated parameter's last value. */
function queryObject(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params.entries());
}

async function jsonBody(request: Request): Promise<unknown> {
  const raw = (await readLimitedBody(request, MAX_API_BODY_BYTES)).toString("utf8");
  if (raw.trim() === "") return {};
  try {
    return JSON.parse(raw);
  } catch {
    throw new ApiError("BAD_REQUEST", "invalid_json", "The body must be JSON");
  }
}

async function auditCall(call: {
  operationId: ApiOperationId;
  actor: AuthenticatedApiKey;
  request: Request;
  url: URL;
  ip: string;
  status: number;
  requestId: string;
  idempotencyKey?: string;
  replayed: boolean;
  errorCode?: string;
  result: ApiResult | null;
}) {
  const audit = call.result?.audit;
  const data = {
    method: call.request.method,
    path: call.url.pathname,
    query: call.url.search || undefined,
    status: call.status,
    requestId: call.requestId,
    keyPrefix: call.actor.prefix,
    idempotencyKey: call.idempotencyKey,
    replayed: call.replayed || undefined,
    error: call.errorCode,
    before: audit?.before,
    after: audit?.after,
  };
  // An audit row that cannot be written must not turn a done write into an error answer.
  await db.auditLog
    .create({
      data: {
        actorType: "api_key",
        actorId: call.actor.id,
        action: `api.${call.operationId}`,
        entityType: audit?.entityType ?? null,
        entityId: audit?.entityId ?? null,
        data: JSON.parse(JSON.stringify(data)) as Prisma.InputJsonValue,
        ip: call.ip === "unknown" ? null : call.ip,
      },
      select: { id: true },
    })
    .catch((error: unknown) => logger.error({ err: error, requestId: call.requestId }, "API call not audited"));
}
