// A plain node-postgres pool for the places that need raw SQL outside Prisma (rate-limit
// counters, the order write path, see sql-runner.ts). One per process. Like Prisma's defaults
// raised for orders, a burst waits up to 10 s for a connection rather than failing.
import pg from "pg";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";

const globalForPool = globalThis as unknown as { lavkaPgPool?: pg.Pool };

export function getPgPool(): pg.Pool {
  if (!globalForPool.lavkaPgPool) {
    const pool = new pg.Pool({ connectionString: getEnv().DATABASE_URL, max: 10, connectionTimeoutMillis: 10_000 });
    // An idle connection the server closes (a restart, pg_terminate_backend, a network cut) is
    // reported on the pool, which drops it; unhandled, that 'error' event would crash the process
    // (found by the crash tests: the worker died on pg_terminate_backend).
    pool.on("error", (error: Error & { code?: string }) => logger.warn({ code: error.code, message: error.message }, "an idle database connection was closed; the pool drops it"));
    globalForPool.lavkaPgPool = pool;
  }
  return globalForPool.lavkaPgPool;
}
