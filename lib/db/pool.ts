// A plain node-postgres pool for the places that need raw SQL outside Prisma (rate-limit
// counters, the order write path, see sql-runner.ts). One per process. Like Prisma's defaults
// raised for orders, a burst waits up to 10 s for a connection rather than failing.
import pg from "pg";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";

const globalForPool = globalThis as unknown as { lavkaPgPool?: pg.Pool };

/**
 * How long idle connections stay, for this pool and Prisma's (lib/db/index.ts): 5 minutes, not
 * pg's default 10 s. A connection made anew costs the server a process, a SCRAM handshake and cold
 * caches, and each of the order's named statements its planning again (~1.5 ms for the big ones).
 * After 10 s without orders, the next burst paid all of that on ten connections at once (npm run
 * bench: p99 at 300/s 580–816 ms in a run that followed 10 s of quiet, against 150–200 ms in one
 * that did not). Idle connections do not keep a process alive (allowExitOnIdle): a script that is
 * done exits at once, rather than after the 5 minutes.
 */
export const IDLE_CONNECTIONS = { idleTimeoutMillis: 5 * 60_000, allowExitOnIdle: true } as const;

export function getPgPool(): pg.Pool {
  if (!globalForPool.lavkaPgPool) {
    const pool = new pg.Pool({ connectionString: getEnv().DATABASE_URL, max: 10, connectionTimeoutMillis: 10_000, ...IDLE_CONNECTIONS });
    // An idle connection the server closes (a restart, pg_terminate_backend, a network cut) is
    // reported on the pool, which drops it; unhandled, that 'error' event would crash the process
    // (found by the crash tests: the worker died on pg_terminate_backend).
    pool.on("error", (error: Error & { code?: string }) => logger.warn({ code: error.code, message: error.message }, "an idle database connection was closed; the pool drops it"));
    globalForPool.lavkaPgPool = pool;
  }
  return globalForPool.lavkaPgPool;
}
