// Idempotency-Key on every API POST (Stripe's rules), kept in the IdempotencyKey table for 24 h
// under the calling key's scope:
// - the first request claims the key (an INSERT that only one of any number of concurrent
//   requests wins), runs, and stores its answer;
// - a repeat with the same body gets the stored answer (`Idempotent-Replayed: true`); one that
//   arrives while the first still runs waits for it (up to IN_FLIGHT_WAIT_MS, then 409
//   idempotency_key_in_use) — so concurrent repeats make one effect;
// - the same key with another body (or path) is refused: 422 idempotency_key_reused;
// - a request that fails gives its key back (the failure changed nothing), so a corrected retry
//   may use it again;
// - a claim older than STALE_CLAIM_MS without an answer (a crashed process) is taken over.
// Expired rows are reused on sight and pruned in small batches now and then.
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { ApiError } from "./api-error";

export const IDEMPOTENCY_TTL_HOURS = 24;
const IN_FLIGHT_WAIT_MS = 15_000;
const STALE_CLAIM_MS = 120_000;
const PRUNE_PROBABILITY = 0.01;

export const ZIdempotencyKey = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, "Printable ASCII without spaces");

interface StoredResponse {
  requestHash: string;
  status?: number;
  body?: unknown;
}

export interface IdempotentResult {
  status: number;
  body: unknown;
  replayed: boolean;
}

/** SHA-256 of the method, path and body with object keys sorted (key order is not a difference). */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method} ${path}\n${canonicalJson(body)}`)
    .digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export async function withIdempotency(target: { scope: string; key: string; requestHash: string }, run: () => Promise<{ status: number; body: unknown }>): Promise<IdempotentResult> {
  const parsedKey = ZIdempotencyKey.safeParse(target.key);
  if (!parsedKey.success) throw new ApiError("VALIDATION", "idempotency_key_invalid", "The Idempotency-Key header must be 1–255 printable characters", { param: "Idempotency-Key" });
  const { scope, key, requestHash } = target;
  if (Math.random() < PRUNE_PROBABILITY) prune();
  const deadline = Date.now() + IN_FLIGHT_WAIT_MS;
  for (;;) {
    const claimed = await db.$queryRaw<{ key: string }[]>`
      INSERT INTO "IdempotencyKey" (scope, key, response, "createdAt", "expiresAt")
      VALUES (${scope}, ${key}, ${JSON.stringify({ requestHash })}::jsonb, now(), now() + make_interval(hours => ${IDEMPOTENCY_TTL_HOURS}))
      ON CONFLICT (scope, key) DO NOTHING RETURNING key`;
    if (claimed.length > 0) return runClaimed(target, run);

    const [row] = await db.$queryRaw<{ response: StoredResponse | null; expired: boolean; stale: boolean }[]>`
      SELECT response, "expiresAt" <= now() AS expired, "createdAt" < now() - make_interval(secs => ${STALE_CLAIM_MS / 1000}) AS stale
      FROM "IdempotencyKey" WHERE scope = ${scope} AND key = ${key}`;
    if (!row) continue; // given back meanwhile: claim again
    const stored = row.response;
    const answered = typeof stored?.status === "number";
    if (row.expired || (!answered && row.stale)) {
      await db.$executeRaw`DELETE FROM "IdempotencyKey" WHERE scope = ${scope} AND key = ${key} AND response IS NOT DISTINCT FROM ${JSON.stringify(stored)}::jsonb`;
      continue;
    }
    if (stored?.requestHash !== requestHash) {
      throw new ApiError("VALIDATION", "idempotency_key_reused", "This Idempotency-Key was already used with a different request; use a new key for a new request", {
        param: "Idempotency-Key",
        type: "idempotency_error",
      });
    }
    if (answered) return { status: stored.status!, body: stored.body ?? null, replayed: true };
    if (Date.now() > deadline) {
      throw new ApiError("CONFLICT", "idempotency_key_in_use", "A request with this Idempotency-Key is still being processed; retry later", {
        param: "Idempotency-Key",
        type: "idempotency_error",
      });
    }
    await sleep(100);
  }
}

async function runClaimed(target: { scope: string; key: string; requestHash: string }, run: () => Promise<{ status: number; body: unknown }>): Promise<IdempotentResult> {
  let result: { status: number; body: unknown };
  try {
    result = await run();
  } catch (error) {
    await db.$executeRaw`DELETE FROM "IdempotencyKey" WHERE scope = ${target.scope} AND key = ${target.key}`.catch((release: unknown) =>
      logger.error({ err: release }, "idempotency key not released"),
    );
    throw error;
  }
  const response: StoredResponse = { requestHash: target.requestHash, status: result.status, body: result.body };
  await db.$executeRaw`UPDATE "IdempotencyKey" SET response = ${JSON.stringify(response)}::jsonb WHERE scope = ${target.scope} AND key = ${target.key}`;
  return { ...result, replayed: false };
}

function prune() {
  db.$executeRaw`DELETE FROM "IdempotencyKey" WHERE ctid IN (SELECT ctid FROM "IdempotencyKey" WHERE "expiresAt" < now() LIMIT 500)`.catch((error: unknown) =>
    logger.warn({ err: error }, "expired idempotency keys not pruned"),
  );
}
