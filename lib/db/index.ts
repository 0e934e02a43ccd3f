// The one Prisma client of the process: Prisma 7's generated client over node-postgres via
// @prisma/adapter-pg. Created lazily so that importing this module never needs a database.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { getEnv } from "@/lib/env";

import { Prisma } from "./generated/client";
export { Prisma };
export type * from "./generated/client";

const globalForDb = globalThis as unknown as { lavkaDb?: PrismaClient };

/** A client of its own (scripts, tests); `transactionTimeoutMs` for long one-off transactions. */
export function createDbClient(connectionString: string, max = 10, options: { transactionTimeoutMs?: number } = {}) {
  const transactionOptions = options.transactionTimeoutMs ? { timeout: options.transactionTimeoutMs, maxWait: Math.min(options.transactionTimeoutMs, 30_000) } : undefined;
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }), transactionOptions });
}

function client(): PrismaClient {
  globalForDb.lavkaDb ??= createDbClient(getEnv().DATABASE_URL);
  return globalForDb.lavkaDb;
}

/** Lazily connected Prisma client (one per process, survives dev hot reloads). */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const instance = client();
    const value = Reflect.get(instance, property, instance);
    return typeof value === "function" ? value.bind(instance) : value;
  },
});

export type DbTransaction = Prisma.TransactionClient;

export async function disconnectDb() {
  await globalForDb.lavkaDb?.$disconnect();
  globalForDb.lavkaDb = undefined;
}
