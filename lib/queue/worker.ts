// The job worker: takes jobs off the queue and runs their handlers from the registry. Payloads are
// validated again here — the queue holds JSON written by another process, perhaps another release —
// and a job that can never succeed (unknown name, invalid payload) fails at once instead of being
// retried. Any other error is retried with the job's exponential backoff. Handlers must be
// idempotent: a job can run again after a crash or a lost lock.
import { type Job, type Processor, UnrecoverableError } from "bullmq";
import type { Logger } from "pino";
import { logger as rootLogger } from "@/lib/logger";
import type { LavkaWorker, QueueRuntime } from "./backend";
import { getQueueRuntime } from "./connection";
import { InvalidJobPayloadError, type JobList, UnknownJobError, findJob, jobs as registry } from "./jobs";

export const DEFAULT_WORKER_CONCURRENCY = 8;

export function createJobProcessor(list: JobList, log: Logger): Processor {
  return async (job: Job) => {
    const definition = findJob(list, job.name);
    if (!definition) throw new UnrecoverableError(new UnknownJobError(job.name).message);
    const parsed = definition.payload.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(new InvalidJobPayloadError(job.name, parsed.error.issues).message);

    const attempt = job.attemptsMade + 1;
    const jobLog = log.child({ job: job.name, jobId: job.id, attempt });
    await definition.handle(parsed.data, {
      jobId: job.id ?? "",
      attempt,
      log: (message, data) => jobLog.info(data ?? {}, message),
    });
  };
}

export interface JobWorkerOptions {
  runtime?: QueueRuntime;
  jobs?: JobList;
  concurrency?: number;
  lockDurationMs?: number;
  logger?: Logger;
}

/** Starts a BullMQ worker for the registry's jobs. Only in the worker process (workers/). */
export function startJobWorker(options: JobWorkerOptions = {}): LavkaWorker {
  if (process.env.NEXT_RUNTIME) {
    throw new Error("The job worker runs in its own process (npm run worker), never inside Next.js");
  }
  const log = options.logger ?? rootLogger.child({ component: "worker" });
  const runtime = options.runtime ?? getQueueRuntime();
  const worker = runtime.createWorker(createJobProcessor(options.jobs ?? registry, log), {
    concurrency: options.concurrency ?? DEFAULT_WORKER_CONCURRENCY,
    lockDurationMs: options.lockDurationMs,
  });

  worker.on("failed", (job, error) => {
    if (!job) return;
    const final = error instanceof UnrecoverableError || error.name === "UnrecoverableError" || job.attemptsMade >= (job.opts.attempts ?? 1);
    const details = { job: job.name, jobId: job.id, attemptsMade: job.attemptsMade, err: error };
    if (final) log.error(details, `job ${job.name} failed for good: ${error.message}`);
    else log.warn(details, `job ${job.name} failed, will retry: ${error.message}`);
  });
  worker.on("completed", (job) => log.debug({ job: job.name, jobId: job.id }, "job completed"));
  return worker;
}
