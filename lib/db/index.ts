// The one Prisma client of the process: Prisma 7's generated client over node-postgres via
// @prisma/adapter-pg. Created lazily so that importing this module never needs a database.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { getEnv } from "@/lib/env";
import { IDLE_CONNECTIONS } from "./pool";

import { Prisma } from "./generated/client";
export { Prisma };
export type * from "./generated/client";

const globalForDb = globalThis as unknown as { lavkaDb?: PrismaClient };

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type PgTransaction = Awaited<ReturnType<PgAdapter["startTransaction"]>>;

/**
 * Sends a transaction's statements one at a time. Prisma's query interpreter loads the relations
 * of one read in parallel (`Promise.all` over a join's children, prisma/orm#29407), which inside an
 * interactive transaction puts several queries on its one pg client at once: pg@8 queues them with
 * a DeprecationWarning, pg@9 throws. Outside a transaction the pool spreads them over connections.
 */
function oneStatementAtATime(transaction: PgTransaction): PgTransaction {
  let previous: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
    const result = previous.then(run, run);
    previous = result.catch(() => undefined);
    return result;
  };
  const queryRaw = transaction.queryRaw.bind(transaction);
  const executeRaw = transaction.executeRaw.bind(transaction);
  // The savepoint methods go through executeRaw, so they wait their turn too.
  transaction.queryRaw = (query) => inTurn(() => queryRaw(query));
  transaction.executeRaw = (query) => inTurn(() => executeRaw(query));
  return transaction;
}

class PrismaPgOneStatementPerTransaction extends PrismaPg {
  override async connect(): Promise<PgAdapter> {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => oneStatementAtATime(await startTransaction(isolationLevel));
    return adapter;
  }
}

/** A client of its own (scripts, tests); `transactionTimeoutMs` for long one-off transactions. */
export function createDbClient(connectionString: string, max = 10, options: { transactionTimeoutMs?: number } = {}) {
  const transactionOptions = options.transactionTimeoutMs ? { timeout: options.transactionTimeoutMs, maxWait: Math.min(options.transactionTimeoutMs, 30_000) } : undefined;
  return new PrismaClient({ adapter: new PrismaPgOneStatementPerTransaction({ connectionString, max, ...IDLE_CONNECTIONS }), transactionOptions });
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
