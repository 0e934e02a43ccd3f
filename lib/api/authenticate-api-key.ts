// Who is calling the API: the key in `Authorization: Bearer <key>`, found by its prefix, compared
// by hash in constant time, refused when revoked. Every call reads the row (one primary-key-like
// lookup), so a revoked key stops at once on every replica. The last-used time is written at
// most once a minute per key, not on every call.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { apiKeyMatches, apiKeyPrefix } from "./api-key-secret";
import { ApiError } from "./api-error";
import type { TApiKeyActor } from "./api-key-actor";

const LAST_USED_RESOLUTION_MS = 60_000;

export interface AuthenticatedApiKey extends TApiKeyActor {
  name: string;
  prefix: string;
}

export async function authenticateApiKey(authorization: string | null): Promise<AuthenticatedApiKey> {
  if (!authorization) throw new ApiError("UNAUTHENTICATED", "api_key_missing", "No API key given: send `Authorization: Bearer <key>`");
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw new ApiError("UNAUTHENTICATED", "api_key_invalid", "The Authorization header must be `Bearer <key>`");
  const token = match[1]!;
  const prefix = apiKeyPrefix(token);
  const row = prefix
    ? await db.apiKey.findUnique({ where: { prefix }, select: { id: true, name: true, prefix: true, keyHash: true, scopes: true, lastUsedAt: true, revokedAt: true } })
    : null;
  if (!row || !apiKeyMatches(token, row.keyHash)) throw new ApiError("UNAUTHENTICATED", "api_key_invalid", "Invalid API key");
  if (row.revokedAt) throw new ApiError("UNAUTHENTICATED", "api_key_revoked", "This API key has been revoked");
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // Conditional, so replicas racing on the same minute write once; never holds up the call.
    db.$executeRaw`UPDATE "ApiKey" SET "lastUsedAt" = now() WHERE id = ${row.id} AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - interval '1 minute')`.catch((error: unknown) =>
      logger.warn({ err: error }, "API key last-used time not updated"),
    );
  }
  return { type: "API_KEY", id: row.id, name: row.name, prefix: row.prefix, scopes: row.scopes };
}
