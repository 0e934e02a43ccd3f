// BullMQ on either of its backends, behind one small interface.
//
// - PostgreSQL (default): BullMQ's own PostgreSQL backend in the app's database, its tables in
//   schema `bullmq`, migrated on connect (idempotent, under BullMQ's advisory lock).
// - Redis (when REDIS_URL is set): ioredis with `maxRetriesPerRequest: null` (BullMQ's
//   requirement for workers), key prefix `{lavka}`: the hash tag keeps all of the queue's keys in
//   one Redis Cluster slot, which BullMQ's multi-key scripts need.
//
// One queue (`lavka`) carries every job, told apart by job name. One queue means one worker pool
// with one concurrency limit, one LISTEN connection (PostgreSQL) and one hash slot (Cluster);
// a job type that needs its own concurrency or isolation can get its own queue later.
//
// The producer queue is replaced after a failure (discardQueue): BullMQ's PostgreSQL backend
// memoizes its first connect, so a Queue created while the database was unreachable stays broken;
// on Redis, commands issued during an outage wait in ioredis's offline queue, and closing the
// connection drops them.
import { Queue, Worker, createPostgresBackend, withBackend, type IQueueBackend, type JobsOptions, type Processor } from "bullmq";
import IORedis from "ioredis";
import type { Logger } from "pino";

export type QueueBackendName = "postgres" | "redis";

export const DEFAULT_QUEUE_NAME = "lavka";
export const DEFAULT_REDIS_PREFIX = "{lavka}";
export const DEFAULT_POSTGRES_SCHEMA = "bullmq";

export interface QueueRuntimeConfig {
  backend: QueueBackendName;
  /** `postgresql://…` for the PostgreSQL backend, `redis://…` / `rediss://…` for Redis. */
  connection: string;
  queueName?: string;
  /** Redis key prefix (keep a `{hash tag}` for Cluster). PostgreSQL namespaces by schema instead. */
  prefix?: string;
  /** PostgreSQL schema of BullMQ's tables. */
  schema?: string;
  logger?: Logger;
}

// The two backends' classes differ only in their backend and connection type parameters, in which
// BullMQ's types are invariant: each is cast once, where it is built.
export type LavkaQueue = Queue<unknown, unknown, string, unknown, unknown, string, IQueueBackend, unknown>;
export type LavkaWorker = Worker<unknown, unknown, string, IQueueBackend>;

export interface WorkerSettings {
  concurrency: number;
  /** How long a job may run without renewing its lock before BullMQ considers it stalled. */
  lockDurationMs?: number;
}

export interface QueueRuntime {
  readonly backend: QueueBackendName;
  readonly queueName: string;
  /** The producer queue: created on first use, and again after discardQueue(). */
  getQueue(): LavkaQueue;
  /** Adds a job; on failure (or after timeoutMs) discards the producer so the next call reconnects. */
  addJob(name: string, data: unknown, options: JobsOptions & { jobId: string }, timeoutMs?: number): Promise<void>;
  /** Job counts of the queue; same failure handling as addJob. */
  getCounts(timeoutMs?: number): Promise<Record<string, number>>;
  /** Closes the producer (e.g. after an error); the next getQueue() builds a fresh one. */
  discardQueue(): Promise<void>;
  createWorker(processor: Processor, settings: WorkerSettings): LavkaWorker;
  /** Closes the producer and any worker still open (workers finish their running jobs first). */
  close(): Promise<void>;
}

/**
 * How long finished jobs stay in the queue. Their ids are what makes a repeated relay of the same
 * outbox row a no-op, so completed jobs must outlive any re-relay (which happens within seconds);
 * failed ones stay long enough to be looked at and retried by hand.
 */
export const KEEP_COMPLETED_JOBS = { age: 24 * 3600, count: 100_000 };
export const KEEP_FAILED_JOBS = { age: 30 * 24 * 3600 };

/** BullMQ's classes bound to the PostgreSQL backend (binding loads nothing; pg is required on first connect). */
const PostgresBullMQ = withBackend(createPostgresBackend);

const DEFAULT_OPERATION_TIMEOUT_MS = 5_000;
const CLOSE_TIMEOUT_MS = 5_000;

export class QueueTimeoutError extends Error {
  constructor(operation: string, timeoutMs: number) {
    super(`Queue ${operation} did not answer within ${timeoutMs} ms (queue backend unreachable?)`);
    this.name = "QueueTimeoutError";
  }
}

export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, operation: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new QueueTimeoutError(operation, timeoutMs)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A connection string safe to log: the password is masked. */
export function redactConnection(connection: string) {
  try {
    const url = new URL(connection);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "(unparsable connection string)";
  }
}

/**
 * Logs a connection's errors without flooding: a backend that is down reports the same error on
 * every reconnect attempt, so one line per distinct message per 30 s.
 */
function errorReporter(logger: Logger | undefined, source: string) {
  let last = { message: "", at: 0 };
  return (error: Error) => {
    const now = Date.now();
    if (error.message === last.message && now - last.at < 30_000) return;
    last = { message: error.message, at: now };
    logger?.warn({ err: error, source }, `queue ${source} connection error: ${error.message}`);
  };
}

export function createQueueRuntime(config: QueueRuntimeConfig): QueueRuntime {
  const queueName = config.queueName ?? DEFAULT_QUEUE_NAME;
  const logger = config.logger;
  const redisClients = new Set<IORedis>();
  const workers = new Set<LavkaWorker>();
  let producer: { queue: LavkaQueue; close(): Promise<void> } | undefined;
  let closed = false;

  const postgresConnection = (max: number) => ({
    connectionString: config.connection,
    schema: config.schema ?? DEFAULT_POSTGRES_SCHEMA,
    migrate: true,
    max,
    keepAlive: true,
    // Fail instead of waiting forever when the server cannot be reached.
    connectionTimeoutMillis: 5_000,
    application_name: `lavka-queue-${queueName}`.slice(0, 63),
  });
  const redisClient = () => {
    const client = new IORedis(config.connection, { maxRetriesPerRequest: null, connectionName: `lavka:${queueName}` });
    client.on("error", () => {}); // reported through the BullMQ object that uses it
    redisClients.add(client);
    return client;
  };
  const quitRedis = async (client: IORedis) => {
    redisClients.delete(client);
    await withTimeout(client.quit(), 1_000, "quit").catch(() => client.disconnect());
  };

  function buildProducer() {
    const defaultJobOptions: JobsOptions = { removeOnComplete: KEEP_COMPLETED_JOBS, removeOnFail: KEEP_FAILED_JOBS };
    if (config.backend === "postgres") {
      const queue = new PostgresBullMQ.Queue(queueName, { connection: postgresConnection(4), defaultJobOptions }) as unknown as LavkaQueue;
      return { queue, close: () => queue.close() };
    }
    const client = redisClient();
    const queue = new Queue(queueName, { connection: client, prefix: config.prefix ?? DEFAULT_REDIS_PREFIX, defaultJobOptions }) as unknown as LavkaQueue;
    return {
      queue,
      close: async () => {
        await withTimeout(queue.close(), CLOSE_TIMEOUT_MS, "close").catch(() => undefined);
        await quitRedis(client);
      },
    };
  }

  function getQueue(): LavkaQueue {
    if (closed) throw new Error(`Queue runtime "${queueName}" is closed`);
    if (!producer) {
      producer = buildProducer();
      producer.queue.on("error", errorReporter(logger, "producer"));
    }
    return producer.queue;
  }

  async function discardQueue() {
    const current = producer;
    producer = undefined;
    if (current) await withTimeout(current.close(), CLOSE_TIMEOUT_MS, "close").catch(() => undefined);
  }

  async function guarded<T>(operation: string, run: (queue: LavkaQueue) => Promise<T>, timeoutMs: number): Promise<T> {
    const queue = getQueue();
    try {
      return await withTimeout(run(queue), timeoutMs, operation);
    } catch (error) {
      if (producer?.queue === queue) await discardQueue();
      throw error;
    }
  }

  return {
    backend: config.backend,
    queueName,
    getQueue,
    discardQueue,
    async addJob(name, data, options, timeoutMs = DEFAULT_OPERATION_TIMEOUT_MS) {
      await guarded("add", (queue) => queue.add(name, data, options), timeoutMs);
    },
    async getCounts(timeoutMs = DEFAULT_OPERATION_TIMEOUT_MS) {
      return guarded("getJobCounts", (queue) => queue.getJobCounts("waiting", "active", "delayed", "prioritized", "failed", "completed"), timeoutMs);
    },
    createWorker(processor, settings) {
      if (closed) throw new Error(`Queue runtime "${queueName}" is closed`);
      const common = { concurrency: settings.concurrency, lockDuration: settings.lockDurationMs ?? 30_000, autorun: config.backend !== "postgres" };
      let worker: LavkaWorker;
      if (config.backend === "postgres") {
        // Pool: one connection per concurrently running job plus the worker's own bookkeeping.
        const postgresWorker = new PostgresBullMQ.Worker(queueName, processor, { ...common, connection: postgresConnection(settings.concurrency + 4) }) as unknown as LavkaWorker;
        // Run once ready: getting ready names the worker's LISTEN connection (a query on it), and a
        // loop started at once sends its LISTEN on that connection meanwhile, two queries at once
        // on one client. A worker that cannot get ready (the queue is down) runs all the same and
        // retries as it would have.
        void postgresWorker
          .waitUntilReady()
          .catch(() => undefined)
          .then(() => postgresWorker.run())
          .catch((error: Error) => postgresWorker.emit("error", error));
        worker = postgresWorker;
      } else {
        const client = redisClient();
        worker = new Worker(queueName, processor, { ...common, connection: client, prefix: config.prefix ?? DEFAULT_REDIS_PREFIX }) as unknown as LavkaWorker;
        worker.once("closed", () => void quitRedis(client));
      }
      worker.on("error", errorReporter(logger, "worker"));
      workers.add(worker);
      worker.once("closed", () => workers.delete(worker));
      return worker;
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...workers].map((worker) => worker.close()));
      await discardQueue();
      await Promise.all([...redisClients].map(quitRedis));
    },
  };
}
