// Records webhook events inside the business transaction that caused them (the outbox rule of
// DESIGN.md): in ONE statement, for the events that some enabled endpoint subscribes to, it
// writes the event (with its object built in SQL as the transaction left it), one delivery per
// subscribed endpoint and one "webhooks.deliver" outbox row per delivery, and NOTIFYs the relay.
// Nothing is written when no endpoint wants the type, so a shop without webhooks pays one cheap
// statement per change. Works on a Prisma transaction and on the checkout's node-postgres runner.
import { randomBytes } from "node:crypto";
import { Prisma, type DbTransaction } from "@/lib/db";
import { prismaRunner, type SqlRunner } from "@/lib/db/sql-runner";
import { OUTBOX_CHANNEL } from "@/lib/queue/outbox-channel";
import { objectTypeOf, WEBHOOK_OBJECT_TYPES, type WebhookEventType } from "./event-types";
import { OBJECT_SQL } from "./webhook-objects";

export const DELIVER_WEBHOOK_JOB = "webhooks.deliver";

export interface WebhookEventInput {
  type: WebhookEventType;
  objectId: string;
  /** What changed, as it was before (Stripe's `previous_attributes`), e.g. `{ status: "CONFIRMED" }`. */
  previousAttributes?: Record<string, unknown>;
}

export const newEventId = () => `evt_${randomBytes(12).toString("hex")}`;

const OBJECT_CASE = `CASE i."objectType" ${WEBHOOK_OBJECT_TYPES.map((type) => `WHEN '${type}' THEN ${OBJECT_SQL[type]('i."objectId"')}`).join(" ")} END`;

const isPrismaTransaction = (client: SqlRunner | DbTransaction): client is DbTransaction => "$queryRaw" in client;

/** Returns how many deliveries were queued (0 when no enabled endpoint subscribes to these types). */
export async function recordWebhookEvents(client: SqlRunner | DbTransaction, events: readonly WebhookEventInput[]): Promise<number> {
  if (events.length === 0) return 0;
  const runner = isPrismaTransaction(client) ? prismaRunner(client) : client;
  const input = JSON.stringify(
    events.map((event) => ({ id: newEventId(), type: event.type, objectType: objectTypeOf(event.type), objectId: event.objectId, previous: event.previousAttributes ?? null })),
  );
  const [result] = await runner.query<{ deliveries: number }>(Prisma.sql`
    WITH input AS (
      SELECT e.id, e.type, e."objectType", e."objectId", e.previous
      FROM jsonb_to_recordset(${input}::jsonb) AS e(id text, type text, "objectType" text, "objectId" text, previous jsonb)
    ),
    targets AS (
      SELECT i.id AS "eventId", w.id AS "endpointId"
      FROM input i JOIN "WebhookEndpoint" w ON w.status = 'ENABLED' AND i.type = ANY (w.events)
      -- An endpoint deleted meanwhile is waited for and skipped (a plain read would still see it,
      -- and its delivery's foreign key would then fail the business transaction).
      FOR KEY SHARE OF w
    ),
    events AS (
      INSERT INTO "WebhookEvent" (id, type, "objectType", "objectId", data, "createdAt")
      SELECT i.id, i.type, i."objectType", i."objectId",
        jsonb_build_object('object', ${Prisma.raw(OBJECT_CASE)})
          || CASE WHEN i.previous IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('previous_attributes', i.previous) END,
        now() AT TIME ZONE 'UTC'
      FROM input i WHERE i.id IN (SELECT "eventId" FROM targets)
      RETURNING id
    ),
    deliveries AS (
      INSERT INTO "WebhookDelivery" ("eventId", "endpointId", "nextAttemptAt", "createdAt")
      SELECT t."eventId", t."endpointId", now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' FROM targets t
      RETURNING id
    ),
    outbox AS (
      INSERT INTO "OutboxEvent" ("jobName", payload, "availableAt", "createdAt")
      SELECT ${DELIVER_WEBHOOK_JOB}, jsonb_build_object('deliveryId', d.id::text, 'attempt', 1), now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM deliveries d
      RETURNING id
    ),
    notified AS (SELECT pg_notify(${OUTBOX_CHANNEL}, '') FROM (SELECT 1 FROM outbox LIMIT 1) AS queued)
    SELECT (SELECT count(*) FROM outbox)::int AS deliveries, (SELECT count(*) FROM notified)::int AS notified, (SELECT count(*) FROM events)::int AS events`);
  return result?.deliveries ?? 0;
}
