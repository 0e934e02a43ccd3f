// A plain node-postgres pool for the places that need raw SQL outside Prisma (rate-limit
// counters, the order write path, see sql-runner.ts). One per process. Like Prisma's defaults
// raised for orders, a burst waits up to 10 s for a connection rather than failing.
import pg from "pg";
import { getEnv } from "@/lib/env";

const globalForPool = globalThis as unknown as { lavkaPgPool?: pg.Pool };

export function getPgPool(): pg.Pool {
  globalForPool.lavkaPgPool ??= new pg.Pool({ connectionString: getEnv().DATABASE_URL, max: 10, connectionTimeoutMillis: 10_000 });
  return globalForPool.lavkaPgPool;
}
