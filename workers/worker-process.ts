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
import { HEARTBEAT_INTERVAL_MS, heartbeatJob, heartbeatJobId } from "@/lib/queue/heartbeat";
import { type JobList, findJob, jobOptions, jobs as registry } from "@/lib/queue/jobs";
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

  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? HEARTBEAT_INTERVAL_MS;
  let heartbeatTimer: NodeJS.Timeout | undefined;
  let beating: Promise<void> = Promise.resolve();
  const beat = async () => {
    const now = Date.now();
    try {
      // Straight onto the queue (not the outbox): the shared per-interval job id makes the beats
      // of all worker processes one job, and an old beat is worthless, so there is nothing to keep.
      await runtime.addJob(
        heartbeatJob.name,
        { sentAt: new Date(now).toISOString() },
        { ...jobOptions(heartbeatJob), removeOnComplete: { count: 100 }, removeOnFail: { count: 100 }, jobId: heartbeatJobId(now, heartbeatIntervalMs) },
      );
    } catch (error) {
      log.warn({ err: error }, "heartbeat: could not add the job");
    }
  };

  // Hold periods end on the clock, not on an event: every worker asks for a release run each
  // interval, the per-interval job id makes them one run.
  let releaseTimer: NodeJS.Timeout | undefined;
  let releasing: Promise<void> = Promise.resolve();
  const scheduleRelease = async () => {
    const now = Date.now();
    try {
      await runtime.addJob(
        releaseHeldCommissionsJob.name,
        { scheduledAt: new Date(now).toISOString() },
        { ...jobOptions(releaseHeldCommissionsJob), removeOnComplete: { count: 100 }, removeOnFail: { count: 100 }, jobId: releaseHeldCommissionsJobId(now) },
      );
    } catch (error) {
      log.warn({ err: error }, "release-held-commissions: could not add the job");
    }
  };

  // Tasks become due on the clock too: one reminder run per minute across all workers.
  let remindTimer: NodeJS.Timeout | undefined;
  let reminding: Promise<void> = Promise.resolve();
  const scheduleReminders = async () => {
    const now = Date.now();
    try {
      await runtime.addJob(
        taskRemindersJob.name,
        { scheduledAt: new Date(now).toISOString() },
        { ...jobOptions(taskRemindersJob), removeOnComplete: { count: 100 }, removeOnFail: { count: 100 }, jobId: taskRemindersJobId(now) },
      );
    } catch (error) {
      log.warn({ err: error }, "task-reminders: could not add the job");
    }
  };

  // Parcels in transit are asked about on the clock (within the carrier's daily quota): one run
  // per interval across all workers.
  let pollTimer: NodeJS.Timeout | undefined;
  let polling: Promise<void> = Promise.resolve();
  const schedulePoll = async () => {
    const now = Date.now();
    try {
      await runtime.addJob(
        pollParcelsJob.name,
        { scheduledAt: new Date(now).toISOString() },
        { ...jobOptions(pollParcelsJob), removeOnComplete: { count: 100 }, removeOnFail: { count: 100 }, jobId: pollParcelsJobId(now) },
      );
    } catch (error) {
      log.warn({ err: error }, "logistics.poll-parcels: could not add the job");
    }
  };

  // Order reminders fall due on the clock as well: one run per interval across all workers.
  let orderRemindTimer: NodeJS.Timeout | undefined;
  let orderReminding: Promise<void> = Promise.resolve();
  const scheduleOrderReminders = async () => {
    const now = Date.now();
    try {
      await runtime.addJob(
        orderRemindersJob.name,
        { scheduledAt: new Date(now).toISOString() },
        { ...jobOptions(orderRemindersJob), removeOnComplete: { count: 100 }, removeOnFail: { count: 100 }, jobId: orderRemindersJobId(now) },
      );
    } catch (error) {
      log.warn({ err: error }, "marketing.order-reminders: could not add the job");
    }
  };

  // RFM/ABC segments are recomputed nightly (03:00 Moscow): every worker checks now and then and
  // asks for the day's run under a job id per day, so M workers make one run (the job itself also
  // skips a day already done).
  let segmentsTimer: NodeJS.Timeout | undefined;
  let segmenting: Promise<void> = Promise.resolve();
  const scheduleSegments = async () => {
    const due = nightlySegmentsJob(new Date());
    if (!due) return;
    try {
      await runtime.addJob(
        recomputeSegmentsJob.name,
        { trigger: "nightly", day: due.day },
        { ...jobOptions(recomputeSegmentsJob), removeOnComplete: { count: 100 }, removeOnFail: { count: 100 }, jobId: due.jobId },
      );
    } catch (error) {
      log.warn({ err: error }, "crm.recompute-segments: could not add the nightly job");
    }
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
    if (heartbeatIntervalMs > 0 && findJob(list, heartbeatJob.name)) {
      beating = beat();
      heartbeatTimer = setInterval(() => (beating = beat()), heartbeatIntervalMs);
    }
    if (findJob(list, releaseHeldCommissionsJob.name)) {
      releasing = scheduleRelease();
      releaseTimer = setInterval(() => (releasing = scheduleRelease()), RELEASE_COMMISSIONS_INTERVAL_MS);
    }
    if (findJob(list, taskRemindersJob.name)) {
      reminding = scheduleReminders();
      remindTimer = setInterval(() => (reminding = scheduleReminders()), TASK_REMINDERS_INTERVAL_MS);
    }
    if (findJob(list, pollParcelsJob.name)) {
      polling = schedulePoll();
      pollTimer = setInterval(() => (polling = schedulePoll()), POLL_PARCELS_INTERVAL_MS);
    }
    if (findJob(list, orderRemindersJob.name)) {
      orderReminding = scheduleOrderReminders();
      orderRemindTimer = setInterval(() => (orderReminding = scheduleOrderReminders()), ORDER_REMINDERS_INTERVAL_MS);
    }
    if (findJob(list, recomputeSegmentsJob.name)) {
      segmenting = scheduleSegments();
      segmentsTimer = setInterval(() => (segmenting = scheduleSegments()), NIGHTLY_CHECK_INTERVAL_MS);
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
        clearInterval(heartbeatTimer);
        clearInterval(releaseTimer);
        clearInterval(remindTimer);
        clearInterval(orderRemindTimer);
        clearInterval(segmentsTimer);
        clearInterval(pollTimer);
        await Promise.all([beating, releasing, reminding, orderReminding, segmenting, polling]);
        await Promise.all([worker?.close(), relay.stop()]);
        if (!options.runtime) await closeQueue();
      })();
      return stopping;
    },
  };
}
