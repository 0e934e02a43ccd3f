// enqueue(): how work leaves a request. It never talks to the queue: it validates the payload and
// writes an OutboxEvent row — inside the caller's transaction when given one, so the job exists
// exactly when the business change commits — and nudges the relay (lib/queue/relay.ts) with a
// NOTIFY, which PostgreSQL delivers only on commit. A queue outage therefore delays jobs but
// never loses them and never fails the request.
import type { z } from "zod";
import { db, type DbTransaction } from "@/lib/db";
import { type AnyJobDefinition, InvalidJobPayloadError, type JobName, type JobPayload, UnknownJobError, findJob, jobs, parseJobPayload } from "./jobs";
import { OUTBOX_CHANNEL } from "./outbox-channel";

/** The NOTIFY channel the relay listens on (defined in a leaf module; see there why). */
export { OUTBOX_CHANNEL };

export interface EnqueueOptions {
  /** Write the outbox row in this transaction (it leaves only if the transaction commits). */
  tx?: DbTransaction;
  /** Run no earlier than this many milliseconds from now (timed by the database clock). */
  delayMs?: number;
}

/**
 * Puts job `name` on the outbox; returns the outbox row id (the job id will be `outbox-<id>`).
 * Throws InvalidJobPayloadError (and writes nothing) when the payload does not match the job's schema.
 */
export async function enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options: EnqueueOptions = {}): Promise<string> {
  const definition = findJob(jobs, name);
  if (!definition) throw new UnknownJobError(name);
  return enqueueJob(definition, payload, options);
}

/** enqueue() for a job definition in hand (also for jobs outside the registry, e.g. in tests). */
export async function enqueueJob<D extends AnyJobDefinition>(definition: D, payload: z.input<D["payload"]>, options: EnqueueOptions = {}): Promise<string> {
  parseJobPayload(definition, payload);
  const json = payloadToJson(definition, payload);
  const delayMs = options.delayMs ?? 0;
  if (!Number.isInteger(delayMs) || delayMs < 0) {
    throw new RangeError(`enqueue("${definition.name}"): delayMs must be a whole number of milliseconds ≥ 0, got ${delayMs}`);
  }

  const client: DbTransaction = options.tx ?? db;
  // Raw SQL for two reasons: the times come from the database clock (the relay compares them
  // with now(); timestamps are UTC like Prisma's), and the NOTIFY rides in the same statement.
  const rows = await client.$queryRaw<{ id: string }[]>`
    WITH inserted AS (
      INSERT INTO "OutboxEvent" ("jobName", "payload", "availableAt", "createdAt")
      VALUES (
        ${definition.name},
        ${json}::jsonb,
        (now() AT TIME ZONE 'UTC') + ${delayMs} * interval '1 millisecond',
        now() AT TIME ZONE 'UTC'
      )
      RETURNING id
    ),
    notified AS (SELECT pg_notify(${OUTBOX_CHANNEL}, '') FROM inserted)
    SELECT inserted.id::text AS id FROM inserted CROSS JOIN notified`;
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`enqueue("${definition.name}"): the outbox insert returned no id`);
  return id;
}

/**
 * An outbox row for job `name`, for callers that write several rows in one statement of their own
 * (the order hot path). Validated in its JSON form only — what the worker will parse — where
 * enqueue() also validates the value as given: one schema pass per row instead of two on the
 * order's path.
 */
export function outboxRow<N extends JobName>(name: N, payload: JobPayload<N>): { jobName: N; payload: string } {
  const definition = findJob(jobs, name);
  if (!definition) throw new UnknownJobError(name);
  return { jobName: name, payload: payloadToJson(definition, payload) };
}

/**
 * Payloads travel as JSON (outbox column, queue). The worker validates what it receives, so
 * check here that the JSON form still passes: a Date or BigInt would otherwise fail only later.
 */
function payloadToJson(definition: AnyJobDefinition, payload: unknown): string {
  const hint = " (payloads travel as JSON: pass ids, numbers and ISO date strings, not Dates, BigInts or class instances)";
  let json: string | undefined;
  try {
    json = JSON.stringify(payload);
  } catch (error) {
    throw new InvalidJobPayloadError(definition.name, [{ code: "custom", path: [], message: `cannot be serialised (${(error as Error).message})`, input: payload }], hint);
  }
  if (json === undefined) {
    throw new InvalidJobPayloadError(definition.name, [{ code: "custom", path: [], message: "cannot be serialised", input: payload }], hint);
  }
  const roundTrip = definition.payload.safeParse(JSON.parse(json));
  if (!roundTrip.success) throw new InvalidJobPayloadError(definition.name, roundTrip.error.issues, hint);
  return json;
}
