// A background job: a name, a zod schema for its payload and an idempotent handler.
// Jobs are listed in lib/queue/jobs.ts; `enqueue(name, payload)` is typed from that list.
import type { z } from "zod";

export interface JobContext {
  /** The queue job id (`outbox-<id>` for jobs relayed from the outbox): stable across retries. */
  jobId: string;
  /** 1 on the first try, 2 on the first retry, … */
  attempt: number;
  log: (message: string, data?: Record<string, unknown>) => void;
}

export interface JobDefinition<Name extends string = string, Schema extends z.ZodType = z.ZodType> {
  name: Name;
  payload: Schema;
  /** Tries in all, including the first (default 8). */
  attempts?: number;
  /** First retry delay in ms; doubles each retry (default 5 s). */
  backoffMs?: number;
  handle(payload: z.output<Schema>, context: JobContext): Promise<void>;
}

export function defineJob<Name extends string, Schema extends z.ZodType>(definition: JobDefinition<Name, Schema>) {
  return definition;
}
