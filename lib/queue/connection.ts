// The process's queue, configured from the environment: Redis when REDIS_URL is set, else
// BullMQ's PostgreSQL backend in DATABASE_URL's database. Created on first use, one per process
// (kept on globalThis so Next.js dev reloads do not open new connections). The web app only needs
// it for /api/health: requests enqueue through the outbox (lib/queue/enqueue.ts), never directly.
import { db } from "@/lib/db";
import { getEnv, type TEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { type LavkaQueue, type QueueBackendName, type QueueRuntime, type QueueRuntimeConfig, createQueueRuntime } from "./backend";
import { readQueueHeartbeat } from "./heartbeat";

export function queueConfigFromEnv(env: TEnv = getEnv()): QueueRuntimeConfig {
  return env.REDIS_URL ? { backend: "redis", connection: env.REDIS_URL } : { backend: "postgres", connection: env.DATABASE_URL };
}

const globalForQueue = globalThis as unknown as { lavkaQueueRuntime?: QueueRuntime };

export function getQueueRuntime(): QueueRuntime {
  globalForQueue.lavkaQueueRuntime ??= createQueueRuntime({ ...queueConfigFromEnv(), logger: logger.child({ component: "queue" }) });
  return globalForQueue.lavkaQueueRuntime;
}

export function getQueue(): LavkaQueue {
  return getQueueRuntime().getQueue();
}

/** Closes the process's queue connections (workers finish their running jobs first). */
export async function closeQueue() {
  const runtime = globalForQueue.lavkaQueueRuntime;
  globalForQueue.lavkaQueueRuntime = undefined;
  await runtime?.close();
}

export interface QueueHealth {
  backend: QueueBackendName;
  /** The queue answered. */
  ok: boolean;
  counts: Record<string, number>;
  error?: string;
  /** Outbox rows due but not yet on the queue, and how long the oldest has waited. */
  outbox: { due: number; oldestDueAgeMs: number | null } | null;
  /** Some worker ran a heartbeat job recently (see lib/queue/heartbeat.ts). */
  worker: { alive: boolean; lastRunAt: string | null; lagMs: number | null };
}

/** Queue, outbox and worker status for /api/health; never throws, answers within about timeoutMs. */
export async function queueHealth(options: { runtime?: QueueRuntime; timeoutMs?: number } = {}): Promise<QueueHealth> {
  const runtime = options.runtime ?? getQueueRuntime();
  const [counts, outbox, heartbeat] = await Promise.allSettled([
    runtime.getCounts(options.timeoutMs ?? 2_000),
    db.$queryRaw<{ due: number; oldestDueAgeMs: number | null }[]>`
      SELECT count(*)::int AS due,
             (EXTRACT(EPOCH FROM (now() AT TIME ZONE 'UTC') - min("availableAt")) * 1000)::float8 AS "oldestDueAgeMs"
      FROM "OutboxEvent"
      WHERE "relayedAt" IS NULL AND "availableAt" <= now() AT TIME ZONE 'UTC'`,
    readQueueHeartbeat(),
  ]);
  const beat = heartbeat.status === "fulfilled" ? heartbeat.value : null;
  return {
    backend: runtime.backend,
    ok: counts.status === "fulfilled",
    counts: counts.status === "fulfilled" ? counts.value : {},
    ...(counts.status === "rejected" ? { error: errorMessage(counts.reason) } : {}),
    outbox:
      outbox.status === "fulfilled" && outbox.value[0]
        ? { due: outbox.value[0].due, oldestDueAgeMs: outbox.value[0].oldestDueAgeMs === null ? null : Math.round(outbox.value[0].oldestDueAgeMs) }
        : null,
    worker: { alive: beat?.alive ?? false, lastRunAt: beat?.ranAt.toISOString() ?? null, lagMs: beat?.lagMs ?? null },
  };
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));
