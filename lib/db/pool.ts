// A plain node-postgres pool for the few places that need raw SQL outside Prisma
// (rate-limit counters, LISTEN/NOTIFY). One per process.
import pg from "pg";
import { getEnv } from "@/lib/env";

const globalForPool = globalThis as unknown as { lavkaPgPool?: pg.Pool };

export function getPgPool(): pg.Pool {
  globalForPool.lavkaPgPool ??= new pg.Pool({ connectionString: getEnv().DATABASE_URL, max: 5 });
  return globalForPool.lavkaPgPool;
}

export async function closePgPool() {
  await globalForPool.lavkaPgPool?.end();
  globalForPool.lavkaPgPool = undefined;
}
