// The worker process's parts and their order. The outbox relay starts at once (it rides out queue
// outages by itself); the job worker and the heartbeat start once the queue answers, because
// BullMQ's PostgreSQL backend remembers a failed first connect: a Worker created while the
// database is unreachable never recovers (a Worker that connected once survives later outages).
// On stop the heartbeat ends, the worker stops taking jobs and lets running ones finish while the
// relay completes its batch in flight, and only then the queue closes (running jobs may still
// enqueue through the database, so the database closes last, in workers/index.ts).
import type { Logger } from "pino";
import { logger as rootLogger } from "@/lib/logger";
import type { LavkaWorker, QueueRuntime } from "@/lib/queue/backend";
import { closeQueue, getQueueRuntime } from "@/lib/queue/connection";
import { RELEASE_COMMISSIONS_INTERVAL_MS, releaseHeldCommissionsJob, releaseHeldCommissionsJobId } from "@/lib/affiliates/commissions/release-held-commissions-job";
import { TASK_REMINDERS_INTERVAL_MS, taskRemindersJob, taskRemindersJobId } from "@/lib/crm/tasks/task-reminders-job";
import { ORDER_REMINDERS_INTERVAL_MS, orderRemindersJob, orderRemindersJobId } from "@/lib/marketing/reminders/order-reminders-job";
import { POLL_PARCELS_INTERVAL_MS, pollParcelsJob, pollParcelsJobId } from "@/lib/logistics/tracking/poll-parcels-job";
import { NIGHTLY_CHECK_INTERVAL_MS, nightlySegmentsJob, recomputeSegmentsJob } from "@/lib/crm/segments/recompute-segments-job";
import { COMPACT_ROLLUPS_INTERVAL_MS, compactOrderRollupsJob, compactOrderRollupsJobId } from "@/lib/reports/compact-order-rollups-job";
import { HEARTBEAT_INTERVAL_MS, heartbeatJob, heartbeatJobId } from "@/lib/queue/heartbeat";
import { type AnyJobDefinition, type JobList, findJob, jobOptions, jobs as registry } from "@/lib/queue/jobs";
import { type OutboxRelay, type OutboxRelayOptions, startOutboxRelay } from "@/lib/queue/relay";
import { startJobWorker } from "@/lib/queue/worker";

export interface WorkerProcessOptions {
  /** Default: the queue from the environment (closed on stop). A given runtime is left open. */
  runtime?: QueueRuntime;
  jobs?: JobList;
  concurrency?: number;
  /** 0 turns the heartbeat off; it is also off when the job list has no heartbeat job. */
  heartbeatIntervalMs?: number;
  relay?: Omit<OutboxRelayOptions, "runtime" | "jobs" | "logger">;
  logger?: Logger;
}

export interface WorkerProcess {
  relay: OutboxRelay;
  /** Resolves with the job worker once the queue has answered (undefined if stopped before). */
  started: Promise<LavkaWorker | undefined>;
  /** Graceful stop; safe to call more than once, also while still waiting for the queue. */
  stop(): Promise<void>;
}

export function startWorkerProcess(options: WorkerProcessOptions = {}): WorkerProcess {
  const log = options.logger ?? rootLogger;
  const runtime = options.runtime ?? getQueueRuntime();
  const list = options.jobs ?? registry;
  let stopping: Promise<void> | undefined;
  let interruptWait = () => {};
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      interruptWait = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const relay = startOutboxRelay({ ...options.relay, runtime, jobs: list, logger: log.child({ component: "outbox-relay" }) });

  // Jobs that fall due on the clock, not on an event: every worker process asks for a run each
  // interval under a job id per interval (or per day), so M workers make one run.
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? HEARTBEAT_INTERVAL_MS;
  const clockJobs: ClockJob[] = [
    // Straight onto the queue (not the outbox): an old beat is worthless, there is nothing to keep.
    ...(heartbeatIntervalMs > 0
      ? [{ job: heartbeatJob, intervalMs: heartbeatIntervalMs, due: (now: number) => ({ jobId: heartbeatJobId(now, heartbeatIntervalMs), payload: { sentAt: iso(now) } }) }]
      : []),
    // Hold periods end on the clock.
    clockJob(releaseHeldCommissionsJob, RELEASE_COMMISSIONS_INTERVAL_MS, releaseHeldCommissionsJobId),
    // Tasks and order reminders fall due on the clock.
    clockJob(taskRemindersJob, TASK_REMINDERS_INTERVAL_MS, taskRemindersJobId),
    clockJob(orderRemindersJob, ORDER_REMINDERS_INTERVAL_MS, orderRemindersJobId),
    // Parcels in transit are asked about within the carrier's daily quota.
    clockJob(pollParcelsJob, POLL_PARCELS_INTERVAL_MS, pollParcelsJobId),
    // The order counters' deltas are folded while they are few.
    clockJob(compactOrderRollupsJob, COMPACT_ROLLUPS_INTERVAL_MS, compactOrderRollupsJobId),
    // RFM/ABC segments are recomputed nightly (03:00 Moscow): a job id per day, and the job
    // itself skips a day already done.
    {
      job: recomputeSegmentsJob,
      intervalMs: NIGHTLY_CHECK_INTERVAL_MS,
      due: (now: number) => {
        const due = nightlySegmentsJob(new Date(now));
        return due ? { jobId: due.jobId, payload: { trigger: "nightly", day: due.day } } : null;
      },
    },
  ].filter((clock) => findJob(list, clock.job.name));
  const timers: NodeJS.Timeout[] = [];
  const inFlight = new Set<Promise<void>>();
  const ask = (clock: ClockJob) => {
    const run = (async () => {
      const due = clock.due(Date.now());
      if (!due) return;
      try {
        await runtime.addJob(clock.job.name, due.payload, { ...jobOptions(clock.job), removeOnComplete: { count: 100 }, removeOnFail: { count: 100 }, jobId: due.jobId });
      } catch (error) {
        log.warn({ err: error }, `${clock.job.name}: could not add the job`);
      }
    })();
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
  };

  const started = (async () => {
    for (let attempt = 0; !stopping; attempt++) {
      try {
        await runtime.getCounts();
        break;
      } catch (error) {
        if (attempt % 10 === 0) log.warn({ err: error }, "waiting for the queue backend before starting the job worker");
        await wait(Math.min(10_000, 500 * 2 ** attempt));
      }
    }
    if (stopping) return undefined;
    const worker = startJobWorker({ runtime, jobs: list, concurrency: options.concurrency, logger: log.child({ component: "worker" }) });
    for (const clock of clockJobs) {
      ask(clock);
      timers.push(setInterval(() => ask(clock), clock.intervalMs));
    }
    return worker;
  })();

  return {
    relay,
    started,
    stop() {
      stopping ??= (async () => {
        interruptWait();
        const worker = await started;
        for (const timer of timers) clearInterval(timer);
        await Promise.all(inFlight);
        await Promise.all([worker?.close(), relay.stop()]);
        if (!options.runtime) await closeQueue();
      })();
      return stopping;
    },
  };
}

interface ClockJob {
  job: AnyJobDefinition;
  intervalMs: number;
  /** The run to ask for now (its job id and payload), or null when none is due. */
  due(now: number): { jobId: string; payload: unknown } | null;
}

const iso = (now: number) => new Date(now).toISOString();

/** A job run once per interval: the id names the interval, the payload says when it was asked for. */
function clockJob(job: AnyJobDefinition, intervalMs: number, jobId: (now: number) => string): ClockJob {
  return { job, intervalMs, due: (now) => ({ jobId: jobId(now), payload: { scheduledAt: iso(now) } }) };
}
