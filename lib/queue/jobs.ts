// The registry of background jobs. `enqueue(name, payload)` is typed from this list, the outbox
// relay only moves rows whose job is listed here (so a worker of an older release leaves a newer
// job's rows for a worker that knows it), and the worker looks handlers up here.
import type { JobsOptions } from "bullmq";
import type { z } from "zod";
import { releaseHeldCommissionsJob } from "@/lib/affiliates/commissions/release-held-commissions-job";
import { importCustomersJob } from "@/lib/crm/import/import-customers-job";
import { recomputeSegmentsJob } from "@/lib/crm/segments/recompute-segments-job";
import { taskRemindersJob } from "@/lib/crm/tasks/task-reminders-job";
import { orderRemindersJob } from "@/lib/marketing/reminders/order-reminders-job";
import { pollParcelsJob } from "@/lib/logistics/tracking/poll-parcels-job";
import { sendPostbackJob } from "@/lib/affiliates/postbacks/jobs/send-postback";
import { AppError } from "@/lib/errors";
import { sendMailJob } from "@/lib/mail/jobs/send-mail";
import { sendMailingJob } from "@/lib/marketing/mailings/send-mailing-job";
import { compactOrderRollupsJob } from "@/lib/reports/compact-order-rollups-job";
import { deliverWebhookJob } from "@/lib/webhooks/jobs/deliver-webhook-job";
import { KEEP_COMPLETED_JOBS, KEEP_FAILED_JOBS } from "./backend";
import type { JobDefinition } from "./define-job";
import { heartbeatJob } from "./heartbeat";

export const jobs = [
  heartbeatJob,
  sendMailJob,
  sendPostbackJob,
  releaseHeldCommissionsJob,
  taskRemindersJob,
  orderRemindersJob,
  recomputeSegmentsJob,
  importCustomersJob,
  deliverWebhookJob,
  pollParcelsJob,
  sendMailingJob,
  compactOrderRollupsJob,
] as const;

export type RegisteredJob = (typeof jobs)[number];
export type JobName = RegisteredJob["name"];
export type JobDefinitionOf<N extends JobName> = Extract<RegisteredJob, { name: N }>;
/** What `enqueue(name, …)` accepts for job N (the schema's input). */
export type JobPayload<N extends JobName> = z.input<JobDefinitionOf<N>["payload"]>;

export type AnyJobDefinition = JobDefinition<string, z.ZodType>;
export type JobList = readonly AnyJobDefinition[];

export const DEFAULT_JOB_ATTEMPTS = 8;
export const DEFAULT_JOB_BACKOFF_MS = 5_000;

// Both are bugs in the calling code (user input is validated before it reaches a job), hence
// INTERNAL: the user sees a generic 500, the log gets the full message.

/** A bad payload: the message names the job and every offending field. */
export class InvalidJobPayloadError extends AppError {
  constructor(
    readonly jobName: string,
    readonly issues: readonly z.core.$ZodIssue[],
    hint = "",
  ) {
    super("INTERNAL", `Invalid payload for job "${jobName}": ${issues.map((issue) => `${issue.path.join(".") || "(payload)"}: ${issue.message}`).join("; ")}${hint}`);
    this.name = "InvalidJobPayloadError";
  }
}

export class UnknownJobError extends AppError {
  constructor(readonly jobName: string) {
    super("INTERNAL", `Unknown job "${jobName}": it is not in the job registry (lib/queue/jobs.ts)`);
    this.name = "UnknownJobError";
  }
}

export function findJob(list: JobList, name: string): AnyJobDefinition | undefined {
  return list.find((definition) => definition.name === name);
}

/** Validates a payload against the job's schema; returns the parsed value or throws InvalidJobPayloadError. */
export function parseJobPayload<D extends AnyJobDefinition>(definition: D, payload: unknown): z.output<D["payload"]> {
  const result = definition.payload.safeParse(payload);
  if (!result.success) throw new InvalidJobPayloadError(definition.name, result.error.issues);
  return result.data as z.output<D["payload"]>;
}

/** BullMQ options of a job: tries, exponential backoff, retention. The caller adds the jobId. */
export function jobOptions(definition: AnyJobDefinition): JobsOptions {
  return {
    attempts: definition.attempts ?? DEFAULT_JOB_ATTEMPTS,
    backoff: { type: "exponential", delay: definition.backoffMs ?? DEFAULT_JOB_BACKOFF_MS },
    removeOnComplete: KEEP_COMPLETED_JOBS,
    removeOnFail: KEEP_FAILED_JOBS,
  };
}

/**
 * The queue job id of an outbox row. BullMQ refuses custom ids with one `:` (its
 * repeatable-job format), hence `outbox-<id>`, not `outbox:<id>`.
 */
export const outboxJobId = (outboxId: string) => `outbox-${outboxId}`;
