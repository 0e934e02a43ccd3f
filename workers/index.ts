// Entry of the worker process (`npm run worker`): runs background jobs and the outbox relay, in a
// process of its own — never inside Next.js. Run as many as you like; they share the work.
// SIGTERM/SIGINT: stop taking jobs, let running ones finish, close the queue and the database,
// exit 0. A second signal, or a shutdown longer than WORKER_SHUTDOWN_TIMEOUT_MS, exits at once
// (unfinished jobs go back to the queue when their lock expires and run again elsewhere).
// Label this process's log lines before the logger is created (imports below are dynamic for that).
process.env.LAVKA_SERVICE ??= "worker";

const { getEnv } = await import("@/lib/env");
const { logger } = await import("@/lib/logger");
const { disconnectDb } = await import("@/lib/db");
const { getQueueRuntime } = await import("@/lib/queue/connection");
const { startWorkerProcess } = await import("./worker-process");

let config: ReturnType<typeof getEnv>;
try {
  config = getEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const { WORKER_CONCURRENCY, WORKER_SHUTDOWN_TIMEOUT_MS } = config;

const runtime = getQueueRuntime();
const workerProcess = startWorkerProcess({ concurrency: WORKER_CONCURRENCY });
logger.info({ backend: runtime.backend, queue: runtime.queueName, concurrency: WORKER_CONCURRENCY }, "worker process started");
void workerProcess.started.then((worker) => worker && logger.info("job worker running"));

let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) {
    logger.warn({ signal }, "second signal: exiting without waiting for running jobs");
    process.exit(1);
  }
  shuttingDown = true;
  logger.info({ signal }, "worker stopping: finishing running jobs");
  const deadline = setTimeout(() => {
    logger.error({ timeoutMs: WORKER_SHUTDOWN_TIMEOUT_MS }, "worker shutdown timed out, exiting");
    process.exit(1);
  }, WORKER_SHUTDOWN_TIMEOUT_MS);
  try {
    await workerProcess.stop();
    await disconnectDb();
    clearTimeout(deadline);
    logger.info("worker stopped");
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, "worker shutdown failed");
    process.exit(1);
  }
}

process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection in the worker"));

export {};
