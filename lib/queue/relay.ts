// The outbox relay: moves OutboxEvent rows (written by enqueue() in business transactions) onto
// the queue. Runs in the worker process.
//
// - Rows are claimed with FOR UPDATE SKIP LOCKED, so any number of workers relay side by side
//   without taking the same row.
// - The job id is `outbox-<id>`: if a row is relayed twice (the process died between adding the
//   job and marking the row), BullMQ keeps the first job and ignores the second add.
// - When the queue cannot be reached the row stays unrelayed (attempts + 1, lastError, retried
//   with backoff); nothing is lost, the side effect only waits.
// - The loop wakes on NOTIFY lavka_outbox (sent by enqueue on commit) and polls every second as a
//   fallback (missed notifications, delayed rows, a lost LISTEN connection). It also deletes
//   relayed rows older than a week, a bounded batch at a time.
import pg from "pg";
import type { Logger } from "pino";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { logger as rootLogger } from "@/lib/logger";
import type { QueueRuntime } from "./backend";
import { getQueueRuntime } from "./connection";
import { OUTBOX_CHANNEL } from "./outbox-channel";
import { type JobList, findJob, jobOptions, jobs as registry, outboxJobId } from "./jobs";

export interface RelayOptions {
  /** The queue to relay to (default: the process's queue from the environment). */
  runtime?: QueueRuntime;
  /** Jobs whose rows this relay moves (default: the registry). */
  jobs?: JobList;
  batchSize?: number;
  /** How long one queue add may take before the queue counts as unreachable. */
  addTimeoutMs?: number;
  logger?: Logger;
}

export interface RelayResult {
  relayed: number;
  /** Rows that could not be added (the batch stops at the first one). */
  failed: number;
  error?: string;
}

interface OutboxRow {
  id: string;
  jobName: string;
  payload: unknown;
}

const DEFAULT_BATCH_SIZE = 100;
const DEFAULT_ADD_TIMEOUT_MS = 5_000;
/** One batch stops adding after this long, so its transaction (holding the row locks) stays short. */
const BATCH_BUDGET_MS = 10_000;
/** Retry delay of a row that failed to relay: 1 s, 2 s, 4 s, … up to this. */
const MAX_ROW_BACKOFF_SECONDS = 60;
const MAX_ERROR_LENGTH = 1_000;

/** Relays one batch of due rows; returns how many went out. Throws only when the database fails. */
export async function relayOutbox(options: RelayOptions = {}): Promise<RelayResult> {
  const runtime = options.runtime ?? getQueueRuntime();
  const list = options.jobs ?? registry;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const addTimeoutMs = options.addTimeoutMs ?? DEFAULT_ADD_TIMEOUT_MS;
  const names = list.map((definition) => definition.name);
  if (names.length === 0) return { relayed: 0, failed: 0 };

  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<OutboxRow[]>`
        SELECT id, "jobName", payload
        FROM "OutboxEvent"
        WHERE "relayedAt" IS NULL
          AND "availableAt" <= now() AT TIME ZONE 'UTC'
          AND "jobName" = ANY(${names}::text[])
        ORDER BY "availableAt"
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED`;

      const startedAt = Date.now();
      const relayed: string[] = [];
      let failure: { id: string; message: string } | undefined;
      for (const row of rows) {
        if (Date.now() - startedAt > BATCH_BUDGET_MS) break;
        const definition = findJob(list, row.jobName);
        if (!definition) continue; // cannot happen: the query filters by these names
        try {
          await runtime.addJob(row.jobName, row.payload, { ...jobOptions(definition), jobId: outboxJobId(row.id) }, addTimeoutMs);
          relayed.push(row.id);
        } catch (error) {
          // Most likely the queue is down: the rest of the batch would fail the same way.
          failure = { id: row.id, message: describeError(error).slice(0, MAX_ERROR_LENGTH) };
          break;
        }
      }

      if (relayed.length > 0) {
        await tx.$executeRaw`
          UPDATE "OutboxEvent" SET "relayedAt" = now() AT TIME ZONE 'UTC'
          WHERE id = ANY(${relayed}::uuid[])`;
      }
      if (failure) {
        await tx.$executeRaw`
          UPDATE "OutboxEvent"
          SET attempts = attempts + 1,
              "lastError" = ${failure.message},
              "availableAt" = (now() AT TIME ZONE 'UTC') + least(${MAX_ROW_BACKOFF_SECONDS}, power(2, attempts)) * interval '1 second'
          WHERE id = ${failure.id}::uuid`;
        options.logger?.warn({ outboxId: String(failure.id), error: failure.message }, "outbox relay: queue unavailable, row kept for retry");
      }
      return { relayed: relayed.length, failed: failure ? 1 : 0, ...(failure ? { error: failure.message } : {}) };
    },
    { maxWait: 10_000, timeout: BATCH_BUDGET_MS + addTimeoutMs + 10_000 },
  );
}

/** Deletes up to `limit` rows relayed more than `olderThanDays` ago; returns how many. */
export async function purgeRelayedOutbox(options: { olderThanDays?: number; limit?: number } = {}): Promise<number> {
  const olderThanDays = options.olderThanDays ?? 7;
  const limit = options.limit ?? 1_000;
  return db.$executeRaw`
    DELETE FROM "OutboxEvent"
    WHERE id IN (
      SELECT id FROM "OutboxEvent"
      WHERE "relayedAt" < (now() AT TIME ZONE 'UTC') - ${olderThanDays} * interval '1 day'
      LIMIT ${limit}
    )`;
}

export interface OutboxRelayOptions extends RelayOptions {
  /** Fallback poll interval when no NOTIFY arrives. */
  pollIntervalMs?: number;
  /** Longest wait between tries while the queue is unreachable. */
  maxBackoffMs?: number;
  purgeAfterDays?: number;
  purgeIntervalMs?: number;
  /** Database to LISTEN on (default DATABASE_URL, the outbox's database). */
  databaseUrl?: string;
}

export interface OutboxRelay {
  /** Relay now (as a NOTIFY would). */
  wake(): void;
  /** Resolves once the LISTEN connection is up (the poll works without it). */
  listening: Promise<void>;
  /** Finishes the batch in flight, then stops the loop and the LISTEN connection. */
  stop(): Promise<void>;
}

export function startOutboxRelay(options: OutboxRelayOptions = {}): OutboxRelay {
  const log = options.logger ?? rootLogger.child({ component: "outbox-relay" });
  const relayOptions: RelayOptions = { ...options, logger: log };
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const purgeIntervalMs = options.purgeIntervalMs ?? 10 * 60_000;
  const databaseUrl = options.databaseUrl ?? getEnv().DATABASE_URL;

  let stopping = false;
  let wakeRequested = false;
  let interruptSleep: (() => void) | undefined;
  let sleepIsWakeable = false;

  const wake = () => {
    wakeRequested = true;
    if (sleepIsWakeable) interruptSleep?.();
  };

  // While the queue is failing, notifications do not cut the backoff short.
  const sleep = (ms: number, wakeable: boolean) =>
    new Promise<void>((resolve) => {
      if (stopping || (wakeable && wakeRequested)) return resolve();
      const done = () => {
        clearTimeout(timer);
        interruptSleep = undefined;
        sleepIsWakeable = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      interruptSleep = done;
      sleepIsWakeable = wakeable;
    });

  // LISTEN on a dedicated connection, rebuilt after errors. Only the latest client counts.
  let listener: pg.Client | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let markListening: () => void = () => {};
  const listening = new Promise<void>((resolve) => (markListening = resolve));

  const scheduleReconnect = () => {
    if (stopping || reconnectTimer) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      void connectListener();
    }, 5_000);
  };
  const dropListener = (client: pg.Client, error?: Error) => {
    if (client !== listener) return;
    listener = undefined;
    if (!stopping) log.warn({ err: error }, "outbox relay: LISTEN connection lost, polling until it is back");
    client.end().catch(() => {});
    scheduleReconnect();
  };
  async function connectListener() {
    if (stopping) return;
    const client = new pg.Client({ connectionString: databaseUrl, keepAlive: true, application_name: "lavka-outbox-relay" });
    listener = client;
    client.on("notification", wake);
    client.on("error", (error) => dropListener(client, error));
    client.on("end", () => dropListener(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (stopping) return void client.end().catch(() => {});
      markListening();
      wake(); // catch up on whatever was committed while we were not listening
    } catch (error) {
      dropListener(client, error as Error);
    }
  }

  const loop = (async () => {
    let failures = 0;
    let nextPurgeAt = 0;
    while (!stopping) {
      wakeRequested = false;
      try {
        let result: RelayResult;
        do {
          result = await relayOutbox(relayOptions);
          if (result.relayed > 0) log.debug({ relayed: result.relayed }, "outbox relayed");
        } while (!stopping && result.failed === 0 && result.relayed >= batchSize);
        failures = result.failed > 0 ? failures + 1 : 0;
      } catch (error) {
        failures += 1;
        log.error({ err: error }, "outbox relay failed (database)");
      }
      if (!stopping && Date.now() >= nextPurgeAt) {
        nextPurgeAt = Date.now() + purgeIntervalMs;
        try {
          const purged = await purgeRelayedOutbox({ olderThanDays: options.purgeAfterDays });
          if (purged > 0) log.info({ purged }, "outbox: purged old relayed rows");
        } catch (error) {
          log.warn({ err: error }, "outbox purge failed");
        }
      }
      if (stopping) break;
      await sleep(failures > 0 ? Math.min(maxBackoffMs, pollIntervalMs * 2 ** failures) : pollIntervalMs, failures === 0);
    }
  })();

  void connectListener();

  return {
    wake,
    listening,
    async stop() {
      stopping = true;
      clearTimeout(reconnectTimer);
      interruptSleep?.();
      await loop;
      const client = listener;
      listener = undefined;
      await client?.end().catch(() => {});
    },
  };
}

function describeError(error: unknown) {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
