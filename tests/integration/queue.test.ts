// The job layer (lib/queue, workers/) against real backends: the same suite runs on BullMQ's
// PostgreSQL backend and on Redis. Redis comes from REDIS_URL, else a throw-away redis-server
// started here; without either the Redis half is skipped with a printed notice.
// Every run uses its own job names and queue names, and removes its rows and queues afterwards.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { accessSync, constants } from "node:fs";
import net from "node:net";
import path from "node:path";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { db, disconnectDb } from "@/lib/db";
import { type QueueBackendName, type QueueRuntime, createQueueRuntime } from "@/lib/queue/backend";
import { queueHealth } from "@/lib/queue/connection";
import { defineJob } from "@/lib/queue/define-job";
import { enqueue, enqueueJob, outboxRow } from "@/lib/queue/enqueue";
import { heartbeatJob, readQueueHeartbeat } from "@/lib/queue/heartbeat";
import { InvalidJobPayloadError, type JobName, UnknownJobError, outboxJobId } from "@/lib/queue/jobs";
import { type OutboxRelay, purgeRelayedOutbox, relayOutbox, startOutboxRelay } from "@/lib/queue/relay";
import { startJobWorker } from "@/lib/queue/worker";
import { type WorkerProcess, startWorkerProcess } from "@/workers/worker-process";

const runId = randomUUID().slice(0, 8);
const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(25);
  }
}

// ── Test jobs: their handlers record what they were given ────────────────────────────────────

interface EchoCall {
  payload: unknown;
  jobId: string;
  attempt: number;
}
let echoCalls: EchoCall[] = [];
let flakyRuns: { attempt: number; at: number }[] = [];
let slow: { started: () => void; startedPromise: Promise<void>; finished: boolean };

function resetRecorders() {
  echoCalls = [];
  flakyRuns = [];
  let started = () => {};
  const startedPromise = new Promise<void>((resolve) => (started = resolve));
  slow = { started, startedPromise, finished: false };
}

const echoJob = defineJob({
  name: `test.${runId}.echo`,
  payload: z.object({ orderId: z.string().min(1), amount: z.number().int() }),
  attempts: 3,
  backoffMs: 100,
  async handle(payload, context) {
    echoCalls.push({ payload, jobId: context.jobId, attempt: context.attempt });
  },
});

const flakyJob = defineJob({
  name: `test.${runId}.flaky`,
  payload: z.object({ key: z.string() }),
  attempts: 4,
  backoffMs: 200,
  async handle(_payload, context) {
    flakyRuns.push({ attempt: context.attempt, at: Date.now() });
    if (context.attempt < 3) throw new Error(`transient failure on attempt ${context.attempt}`);
  },
});

const slowJob = defineJob({
  name: `test.${runId}.slow`,
  payload: z.object({ ms: z.number().int() }),
  async handle(payload) {
    slow.started();
    await sleep(payload.ms);
    slow.finished = true;
  },
});

const datedJob = defineJob({
  name: `test.${runId}.dated`,
  payload: z.object({ at: z.date() }),
  async handle() {},
});

const testJobs = [echoJob, flakyJob, slowJob];

const outboxRowsOf = (jobName: string) => db.outboxEvent.count({ where: { jobName } });

// ── Redis for the second backend ─────────────────────────────────────────────────────────────

interface RedisForTests {
  url: string;
  source: string;
  stop(): Promise<void>;
}

function findOnPath(binary: string) {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, binary);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

async function freePort() {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function redisPing(port: number) {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.setTimeout(500);
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function startThrowAwayRedis(binary: string): Promise<RedisForTests> {
  const port = await freePort();
  const child: ChildProcess = spawn(binary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 10_000;
  while (!(await redisPing(port))) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode} before accepting connections`);
    if (Date.now() > deadline) throw new Error(`redis-server did not answer on port ${port} within 10 s`);
    await sleep(50);
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    source: `throw-away redis-server on port ${port}`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

async function redisForTests(): Promise<RedisForTests | undefined> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, source: "REDIS_URL", stop: async () => {} };
  const binary = findOnPath("redis-server");
  if (binary) return startThrowAwayRedis(binary);
  console.warn(
    "\n⚠ The Redis queue backend was NOT tested: REDIS_URL is not set and redis-server is not on PATH.\n" +
      "  Set REDIS_URL (e.g. redis://127.0.0.1:6379) or install redis-server to test it.\n",
  );
  return undefined;
}

const redis = await redisForTests();

// ── A TCP proxy whose plug can be pulled: a queue outage on demand ───────────────────────────

interface TcpProxy {
  port: number;
  /** Cut every open connection and stop listening (the port refuses connections). */
  down(): Promise<void>;
  /** Listen again on the same port. */
  up(): Promise<void>;
}

async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const up = () =>
    new Promise<void>((resolve, reject) => {
      const listening = net.createServer((client) => {
        const upstream = net.connect(targetPort, targetHost);
        const close = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        sockets.add(client).add(upstream);
        for (const socket of [client, upstream]) socket.on("error", close).on("close", close);
        client.pipe(upstream).pipe(client);
      });
      listening.once("error", reject);
      listening.listen(port, "127.0.0.1", () => {
        port = (listening.address() as net.AddressInfo).port;
        server = listening;
        resolve();
      });
    });
  await up();
  return {
    get port() {
      return port;
    },
    async down() {
      const closing = server;
      server = undefined;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (closing) await new Promise((resolve) => closing.close(resolve));
    },
    up,
  };
}

function viaProxy(connection: string, proxy: TcpProxy) {
  const url = new URL(connection);
  url.hostname = "127.0.0.1";
  url.port = String(proxy.port);
  return url.toString();
}

function hostAndPort(connection: string, defaultPort: number) {
  const url = new URL(connection);
  return { host: url.hostname || "127.0.0.1", port: Number(url.port || defaultPort) };
}

// ── Suite ────────────────────────────────────────────────────────────────────────────────────

beforeEach(resetRecorders);

afterAll(async () => {
  await db.outboxEvent.deleteMany({ where: { jobName: { startsWith: `test.${runId}.` } } });
  await disconnectDb();
  await redis?.stop();
});

describe("enqueue", () => {
  it("rejects an invalid payload with a message naming the job and the fields, and writes nothing", async () => {
    const before = await outboxRowsOf(echoJob.name);

    const error = await enqueueJob(echoJob, { orderId: "", amount: 12.5 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidJobPayloadError);
    expect((error as Error).message).toMatch(new RegExp(`Invalid payload for job "${echoJob.name}": orderId: .+; amount: .+`));

    // Inside a business transaction: the bad enqueue throws, the transaction rolls back.
    await expect(
      db.$transaction(async (tx) => {
        await enqueueJob(echoJob, { orderId: "ord-1", amount: 129000 }, { tx }); // 1,290.00 RUB
        await enqueueJob(echoJob, { orderId: "ord-2" } as never, { tx });
      }),
    ).rejects.toThrow(InvalidJobPayloadError);

    // Values that would not survive the trip as JSON are refused up front.
    await expect(enqueueJob(datedJob, { at: new Date() })).rejects.toThrow(/payloads travel as JSON/);
    // The order path's rows (one statement of its own) are validated in the form the worker reads.
    expect(() => outboxRow("mail.send", { to: "", template: "order-confirm" } as never)).toThrow(InvalidJobPayloadError);
    expect(() => outboxRow("mail.send", { to: "a@example.test", template: "order-confirm", props: { total: 10n } } as never)).toThrow(/payloads travel as JSON/);
    await expect(enqueueJob(echoJob, { orderId: "ord-3", amount: 1 }, { delayMs: -5 })).rejects.toThrow(/delayMs/);

    // The typed registry entry point validates the same way.
    await expect(enqueue("system.heartbeat", { sentAt: "yesterday" })).rejects.toThrow(/Invalid payload for job "system.heartbeat": sentAt/);
    await expect(enqueue("no.such.job" as JobName, { sentAt: new Date().toISOString() })).rejects.toThrow(UnknownJobError);

    expect(await outboxRowsOf(echoJob.name)).toBe(before);
    expect(await outboxRowsOf(datedJob.name)).toBe(0);
  });

  it("writes the outbox row in the caller's transaction: rolled back with it, committed with it", async () => {
    let seenInside = 0;
    let rolledBackId = "";
    await expect(
      db.$transaction(async (tx) => {
        rolledBackId = await enqueue("system.heartbeat", { sentAt: new Date().toISOString() }, { tx });
        seenInside = await tx.outboxEvent.count({ where: { id: rolledBackId } });
        throw new Error("business rule failed");
      }),
    ).rejects.toThrow("business rule failed");
    expect(seenInside).toBe(1);
    expect(await db.outboxEvent.count({ where: { id: rolledBackId } })).toBe(0);

    const id = await db.$transaction((tx) => enqueueJob(echoJob, { orderId: "ord-4", amount: 195000 }, { tx, delayMs: 60_000 })); // 1,950.00 RUB
    const row = await db.outboxEvent.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ jobName: echoJob.name, payload: { orderId: "ord-4", amount: 195000 }, relayedAt: null, attempts: 0 });
    expect(row.availableAt.getTime() - row.createdAt.getTime()).toBeGreaterThanOrEqual(59_000);
    await db.outboxEvent.delete({ where: { id } });
  });
});

describe("outbox purge", () => {
  it("deletes rows relayed longer ago than the retention, and nothing else", async () => {
    const [oldRelayed, recentRelayed, oldUnrelayed] = await Promise.all(
      ["ord-50", "ord-51", "ord-52"].map((orderId) => enqueueJob(echoJob, { orderId, amount: 100 }, { delayMs: 3_600_000 })),
    );
    await db.$executeRaw`UPDATE "OutboxEvent" SET "relayedAt" = now() AT TIME ZONE 'UTC' - interval '8 days' WHERE id = ${oldRelayed}`;
    await db.$executeRaw`UPDATE "OutboxEvent" SET "relayedAt" = now() AT TIME ZONE 'UTC' - interval '1 day' WHERE id = ${recentRelayed}`;
    await db.$executeRaw`UPDATE "OutboxEvent" SET "createdAt" = now() AT TIME ZONE 'UTC' - interval '30 days' WHERE id = ${oldUnrelayed}`;

    expect(await purgeRelayedOutbox({ olderThanDays: 7 })).toBeGreaterThanOrEqual(1);
    const left = await db.outboxEvent.findMany({ where: { id: { in: [oldRelayed!, recentRelayed!, oldUnrelayed!] } }, select: { id: true } });
    expect(left.map((row) => row.id).sort()).toEqual([recentRelayed, oldUnrelayed].sort());
  });
});

const backends: { name: QueueBackendName; connection: () => string; defaultPort: number }[] = [
  { name: "postgres", connection: () => process.env.DATABASE_URL as string, defaultPort: 5432 },
  ...(redis ? [{ name: "redis" as const, connection: () => redis.url, defaultPort: 6379 }] : []),
];

describe.each(backends)("queue on $name", (backend) => {
  let queueCounter = 0;
  let queueName = "";
  const runtimes: QueueRuntime[] = [];
  const stoppers: (() => Promise<unknown>)[] = [];

  const newRuntime = (connection = backend.connection()) => {
    const runtime = createQueueRuntime({ backend: backend.name, connection, queueName, logger: silent });
    runtimes.push(runtime);
    return runtime;
  };
  const worker = (runtime: QueueRuntime, concurrency = 4) => {
    const started = startJobWorker({ runtime, jobs: testJobs, concurrency, logger: silent });
    stoppers.push(() => started.close());
    return started;
  };
  const relayLoop = (runtime: QueueRuntime, options: { pollIntervalMs?: number; addTimeoutMs?: number } = {}): OutboxRelay => {
    const relay = startOutboxRelay({ runtime, jobs: testJobs, logger: silent, pollIntervalMs: 100, ...options });
    stoppers.push(() => relay.stop());
    return relay;
  };
  const jobState = (runtime: QueueRuntime, jobId: string) => runtime.getQueue().getJobState(jobId);

  beforeAll(() => {
    if (backend.name === "redis") console.info(`Redis backend: ${redis?.source}`);
  });

  beforeEach(() => {
    queueName = `lavka-test-${runId}-${backend.name}-${++queueCounter}`;
  });

  afterEach(async () => {
    for (const stop of stoppers.splice(0).reverse()) await stop();
    const [first] = runtimes;
    if (first) await first.getQueue().obliterate({ force: true });
    for (const runtime of runtimes.splice(0)) await runtime.close();
    await db.outboxEvent.deleteMany({ where: { jobName: { startsWith: `test.${runId}.` } } });
  });

  it("delivers an enqueued payload to its handler exactly once, woken by NOTIFY", async () => {
    const runtime = newRuntime();
    worker(runtime);
    // Poll once a minute: delivery within seconds can only come from the NOTIFY sent on commit.
    const relay = relayLoop(runtime, { pollIntervalMs: 60_000 });
    await relay.listening;
    await sleep(300);

    const payload = { orderId: "ord-10", amount: 129000 }; // 1,290.00 RUB
    const outboxId = await db.$transaction((tx) => enqueueJob(echoJob, payload, { tx }));
    const jobId = outboxJobId(outboxId);

    await waitFor(() => echoCalls.length === 1, "the handler to run", 5_000);
    expect(echoCalls[0]).toEqual({ payload, jobId, attempt: 1 });
    await waitFor(async () => (await jobState(runtime, jobId)) === "completed", "the job to complete");
    // The relay marks the row after handing the job over, so a fast handler can finish first.
    await waitFor(async () => (await db.outboxEvent.findUniqueOrThrow({ where: { id: outboxId } })).relayedAt !== null, "the row to be marked relayed");
    const row = await db.outboxEvent.findUniqueOrThrow({ where: { id: outboxId } });
    expect(row.attempts).toBe(0);

    await sleep(300);
    expect(echoCalls).toHaveLength(1);
  });

  it("retries a failing handler with exponential backoff until it succeeds", async () => {
    const runtime = newRuntime();
    worker(runtime);
    relayLoop(runtime);

    const outboxId = await enqueueJob(flakyJob, { key: "k1" });
    const jobId = outboxJobId(outboxId);
    await waitFor(async () => (await jobState(runtime, jobId)) === "completed", "the flaky job to complete");

    expect(flakyRuns.map((run) => run.attempt)).toEqual([1, 2, 3]);
    const [first, second, third] = flakyRuns.map((run) => run.at) as [number, number, number];
    // backoffMs 200: 200 ms before the 2nd try, 400 ms before the 3rd (a little timer slack allowed).
    expect(second - first).toBeGreaterThanOrEqual(190);
    expect(third - second).toBeGreaterThanOrEqual(390);
  });

  it("fails a job with an invalid payload or an unknown name at once, without retrying", async () => {
    const runtime = newRuntime();
    worker(runtime);

    // As if a producer skipped enqueue()'s validation, or an older release wrote the job.
    const retryable = { attempts: 5, backoff: { type: "fixed" as const, delay: 50 } };
    await runtime.addJob(echoJob.name, { orderId: 42 }, { ...retryable, jobId: "bad-payload" });
    await runtime.addJob(`test.${runId}.gone`, { anything: true }, { ...retryable, jobId: "unknown-job" });

    await waitFor(async () => (await jobState(runtime, "bad-payload")) === "failed", "the bad payload to fail");
    await waitFor(async () => (await jobState(runtime, "unknown-job")) === "failed", "the unknown job to fail");
    await sleep(300); // a retry, had there been one, would have run by now

    const badPayload = await runtime.getQueue().getJob("bad-payload");
    expect(badPayload?.attemptsMade).toBe(1);
    expect(badPayload?.failedReason).toMatch(new RegExp(`Invalid payload for job "${echoJob.name}": orderId`));
    const unknown = await runtime.getQueue().getJob("unknown-job");
    expect(unknown?.attemptsMade).toBe(1);
    expect(unknown?.failedReason).toMatch(/Unknown job/);
    expect(echoCalls).toHaveLength(0);
  });

  it("keeps outbox rows while the queue is unreachable and delivers them once it is back (relay and worker recover)", async () => {
    newRuntime(); // a direct connection, through which the clean-up removes the queue
    const { host, port } = hostAndPort(backend.connection(), backend.defaultPort);
    const proxy = await startTcpProxy(host, port);
    stoppers.push(() => proxy.down());
    // Relay and worker both reach the queue through the proxy, and are connected before the
    // outage, like a long-running worker process.
    const relayed = newRuntime(viaProxy(backend.connection(), proxy));
    worker(relayed);
    await relayed.getCounts();
    await sleep(200);

    await proxy.down();
    const payload = { orderId: "ord-20", amount: 245000 }; // 2,450.00 RUB
    // The business transaction does not need the queue: it commits.
    const outboxId = await db.$transaction((tx) => enqueueJob(echoJob, payload, { tx }));

    const result = await relayOutbox({ runtime: relayed, jobs: testJobs, addTimeoutMs: 1_000, logger: silent });
    expect(result).toMatchObject({ relayed: 0, failed: 1 });
    const waiting = await db.outboxEvent.findUniqueOrThrow({ where: { id: outboxId } });
    expect(waiting.relayedAt).toBeNull();
    expect(waiting.attempts).toBe(1);
    expect(waiting.lastError).toBeTruthy();
    expect(echoCalls).toHaveLength(0);

    // The relay loop keeps trying while the queue is down, then delivers without help.
    relayLoop(relayed, { addTimeoutMs: 1_000 });
    await sleep(1_500);
    expect(echoCalls).toHaveLength(0);
    await proxy.up();

    await waitFor(() => echoCalls.length === 1, "delivery after the outage", 20_000);
    expect(echoCalls[0]).toEqual({ payload, jobId: outboxJobId(outboxId), attempt: 1 });
    // The relay marks the row after the queue took the job, which a fast worker may have run already.
    await waitFor(async () => (await db.outboxEvent.findUniqueOrThrow({ where: { id: outboxId } })).relayedAt !== null, "the row to be marked relayed");
    await sleep(300);
    expect(echoCalls).toHaveLength(1);
  }, 45_000);

  it("starts a worker process during a queue outage and gets to work once the queue is back", async () => {
    newRuntime(); // a direct connection, through which the clean-up removes the queue
    const { host, port } = hostAndPort(backend.connection(), backend.defaultPort);
    const proxy = await startTcpProxy(host, port);
    stoppers.push(() => proxy.down());
    await proxy.down();

    const runtime = newRuntime(viaProxy(backend.connection(), proxy));
    const workerProcess = startWorkerProcess({ runtime, jobs: testJobs, relay: { pollIntervalMs: 100, addTimeoutMs: 1_000 }, logger: silent });
    stoppers.push(() => workerProcess.stop());
    const outboxId = await enqueueJob(echoJob, { orderId: "ord-25", amount: 99000 }); // 990.00 RUB
    await sleep(1_500);
    expect(echoCalls).toHaveLength(0);

    await proxy.up();
    await waitFor(() => echoCalls.length === 1, "delivery once the queue is back", 20_000);
    expect(echoCalls[0]?.jobId).toBe(outboxJobId(outboxId));
    expect(await workerProcess.started).toBeDefined();
  }, 45_000);

  it("makes one job of a row relayed twice (concurrent relays, or a relay that died before marking the row)", async () => {
    const runtime = newRuntime();
    const otherProcess = newRuntime(); // a second worker process's connection to the same queue
    worker(runtime);

    const payload = { orderId: "ord-30", amount: 6500 }; // 65.00 USD
    const outboxId = await enqueueJob(echoJob, payload);
    const jobId = outboxJobId(outboxId);

    const results = await Promise.all([relayOutbox({ runtime, jobs: testJobs, logger: silent }), relayOutbox({ runtime: otherProcess, jobs: testJobs, logger: silent })]);
    expect(results.reduce((sum, result) => sum + result.relayed, 0)).toBe(1);
    await waitFor(async () => (await jobState(runtime, jobId)) === "completed", "the job to complete");

    // Relayed again: the job id is taken, BullMQ adds nothing.
    await db.$executeRaw`UPDATE "OutboxEvent" SET "relayedAt" = NULL WHERE id = ${outboxId}`;
    expect((await relayOutbox({ runtime: otherProcess, jobs: testJobs, logger: silent })).relayed).toBe(1);

    await sleep(500);
    expect(echoCalls).toEqual([{ payload, jobId, attempt: 1 }]);
    const counts = await runtime.getCounts();
    expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(counts.completed).toBe(1);
  });

  it("shuts down gracefully: the running job finishes, no new job is taken", async () => {
    const runtime = newRuntime();
    let workerProcess: WorkerProcess | undefined = startWorkerProcess({
      runtime,
      jobs: [...testJobs, heartbeatJob],
      concurrency: 2,
      heartbeatIntervalMs: 60_000,
      relay: { pollIntervalMs: 100 },
      logger: silent,
    });
    stoppers.push(() => workerProcess?.stop() ?? Promise.resolve());

    const slowId = outboxJobId(await enqueueJob(slowJob, { ms: 1_500 }));
    await slow.startedPromise;

    const stopping = workerProcess.stop();
    await sleep(100);
    await runtime.addJob(echoJob.name, { orderId: "ord-40", amount: 1 }, { jobId: "after-stop" });
    await stopping;
    workerProcess = undefined;

    expect(slow.finished).toBe(true);
    expect(await jobState(runtime, slowId)).toBe("completed");
    expect(await jobState(runtime, "after-stop")).toBe("waiting");
    expect(echoCalls).toHaveLength(0);
  });

  it("records the worker's heartbeat and reports queue health", async () => {
    const runtime = newRuntime();
    const startedAt = Date.now();
    const workerProcess = startWorkerProcess({ runtime, jobs: [heartbeatJob], heartbeatIntervalMs: 60_000, logger: silent });
    stoppers.push(() => workerProcess.stop());

    await waitFor(async () => ((await runtime.getCounts()).completed ?? 0) >= 1, "the heartbeat job to complete");
    expect((await readQueueHeartbeat())?.ranAt.getTime()).toBeGreaterThanOrEqual(startedAt);
    const health = await queueHealth({ runtime });
    expect(health).toMatchObject({ backend: backend.name, ok: true, worker: { alive: true } });
    expect(health.counts.completed).toBeGreaterThanOrEqual(1);
    expect(health.outbox).not.toBeNull();

    const unreachable = createQueueRuntime({ backend: backend.name, connection: viaProxy(backend.connection(), { port: await freePort() } as TcpProxy), queueName, logger: silent });
    runtimes.push(unreachable);
    const down = await queueHealth({ runtime: unreachable, timeoutMs: 1_000 });
    expect(down).toMatchObject({ backend: backend.name, ok: false });
    expect(down.error).toBeTruthy();
  });
});
