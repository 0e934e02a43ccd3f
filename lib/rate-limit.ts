// Rate limits. With REDIS_URL every limit lives in Redis, shared by every web replica. Without
// it, the sign-in and registration limits live in PostgreSQL (the `rate_limits` table): they
// guard accounts, are rare, and must hold across replicas. The checkout limit is taken on every
// order, the shop's hottest write, where a PostgreSQL upsert per order cost ~15 % of the order's
// database time; it is kept in the web process's memory instead (exact for the default single
// web process; with several replicas and no Redis each replica counts on its own, which
// multiplies the limit by the number of replicas — set REDIS_URL for one shared count).
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getPgPool } from "@/lib/db/pool";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

export const RATE_LIMITS = {
  /** Sign-in attempts per account+IP. */
  signIn: { points: 10, duration: 15 * 60 },
  /** Sign-in attempts per IP across accounts. */
  signInIp: { points: 50, duration: 15 * 60 },
  registration: { points: 5, duration: 60 * 60 },
  /** Password-reset requests per IP. */
  passwordResetIp: { points: 20, duration: 60 * 60 },
  /** Password-reset requests per email or login (whether or not an account has it). */
  passwordResetAccount: { points: 5, duration: 60 * 60 },
  /** Orders per client IP per minute; CHECKOUT_RATE_LIMIT_PER_MINUTE overrides this default. */
  checkout: { points: 30, duration: 60 },
  /** Checkout quotes with a coupon code per client IP per minute: codes cannot be guessed by the thousand. */
  couponQuote: { points: 60, duration: 60 },
  /** REST API v1 calls per API key per minute (lib/api/api-route.ts). */
  api: { points: 600, duration: 60 },
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;

const globalForLimits = globalThis as unknown as { lavkaLimiters?: Map<RateLimitName, RateLimiterAbstract>; lavkaLimitRedis?: Redis };

function limiter(name: RateLimitName): RateLimiterAbstract {
  globalForLimits.lavkaLimiters ??= new Map();
  let instance = globalForLimits.lavkaLimiters.get(name);
  if (!instance) {
    const env = getEnv();
    const { duration } = RATE_LIMITS[name];
    const points = name === "checkout" ? env.CHECKOUT_RATE_LIMIT_PER_MINUTE : RATE_LIMITS[name].points;
    const redisUrl = env.REDIS_URL;
    if (redisUrl) {
      // No offline queue: while Redis is unreachable a command fails at once (instead of waiting
      // for the next reconnect attempt, 0.3–2 s per request) and the per-process memory limiter
      // below stands in, so an outage neither slows nor blocks requests nor lifts the limit.
      globalForLimits.lavkaLimitRedis ??= new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2_000, enableOfflineQueue: false });
      instance = new RateLimiterRedis({
        storeClient: globalForLimits.lavkaLimitRedis,
        keyPrefix: `rl:${name}`,
        points,
        duration,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: `rl:${name}`, points, duration }),
      });
    } else if (name === "checkout" || name === "api" || name === "couponQuote") {
      // Hot paths (every order, every API call): process memory, like checkout's (see above).
      instance = new RateLimiterMemory({ keyPrefix: `rl:${name}`, points, duration });
    } else {
      instance = new RateLimiterPostgres({
        storeClient: getPgPool(),
        storeType: "pool",
        tableName: "rate_limits",
        tableCreated: true,
        keyPrefix: `rl:${name}`,
        points,
        duration,
        clearExpiredByTimeout: false,
      });
    }
    globalForLimits.lavkaLimiters.set(name, instance);
  }
  return instance;
}

/** Takes one point from the bucket; throws RATE_LIMITED (429) when it is empty. */
export async function consumeRateLimit(name: RateLimitName, key: string) {
  try {
    await limiter(name).consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      throw new AppError("RATE_LIMITED", "Too many attempts, try again later", {
        retryAfterSeconds: Math.ceil(error.msBeforeNext / 1000),
      });
    }
    throw error;
  }
}

/**
 * For limits that count failures only (sign-in): throws RATE_LIMITED when the bucket is already
 * used up, without taking a point. Record failures with penalise().
 */
export async function assertNotRateLimited(name: RateLimitName, key: string) {
  const state = await limiter(name).get(key);
  const points = name === "checkout" ? getEnv().CHECKOUT_RATE_LIMIT_PER_MINUTE : RATE_LIMITS[name].points;
  if (state && state.consumedPoints >= points) {
    throw new AppError("RATE_LIMITED", "Too many attempts, try again later", { retryAfterSeconds: Math.ceil(state.msBeforeNext / 1000) });
  }
}

/** Takes a point for a failure; an already empty bucket stays empty (no error here). */
export async function penalise(name: RateLimitName, key: string) {
  await limiter(name)
    .penalty(key, 1)
    .catch(() => undefined);
}

/** Empties the bucket (e.g. after a successful sign-in). */
export async function resetRateLimit(name: RateLimitName, key: string) {
  await limiter(name).delete(key);
}
