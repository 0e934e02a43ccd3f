// Sends one webhook delivery (one event to one endpoint) and logs the attempt. Run by the
// "webhooks.deliver" job; the clock and the jitter are parameters so tests can walk the retry
// schedule without waiting for it.
//
// - One send per attempt: the delivery row is claimed with a short lease (status PENDING, the
//   attempt number the job was queued for, no live lease), so a second job for the same attempt
//   (a duplicate relay, a concurrent worker) sends nothing.
// - Anything but a 2xx is a failure: the next try is queued through the outbox, in the same
//   transaction as the log row, at the time retry-schedule.ts picks; after the three-day window
//   the delivery is FAILED, and when the endpoint has had no success since the delivery began it
//   is disabled and the owners are told by mail.
// - Redirects are not followed and the host passes the postbacks' SSRF guard before every request.
// - A resend (from the delivery log) sends once more, whatever the status, and schedules nothing.
import { readExcerpt } from "@/lib/affiliates/postbacks/jobs/send-postback";
import { assertPublicHost } from "@/lib/affiliates/postbacks/assert-public-host";
import { db, type DbTransaction } from "@/lib/db";
import { getEmailMessages } from "@/emails/messages";
import { getEnv } from "@/lib/env";
import { formatDateTime } from "@/lib/format-date";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { queueMail } from "@/lib/mail/queue-mail";
import { enqueue } from "@/lib/queue/enqueue";
import { ZDeliverWebhookPayload, type TDeliverWebhookPayload } from "./deliver-webhook-payload";
import { eventBody } from "./event-body";
import { nextAttemptAt } from "./retry-schedule";
import { SIGNATURE_HEADER, signatureHeader } from "./sign-payload";

export const WEBHOOK_TIMEOUT_MS = 10_000;
/** A claimed delivery is someone's for this long: the request's timeout and room to log it. */
const LEASE_MS = WEBHOOK_TIMEOUT_MS + 60_000;
const ERROR_MAX_CHARS = 500;

export interface DeliverWebhookOptions {
  now?: () => Date;
  random?: () => number;
}

export type DeliverWebhookOutcome =
  { sent: false; reason: "not-due" | "endpoint-disabled" } | { sent: true; ok: boolean; statusCode: number | null; error: string | null; next: Date | null; endpointDisabled: boolean };

/** Another worker holds the lease on this attempt: thrown so the queue tries the job again later. */
export class DeliveryBusyError extends Error {
  constructor(deliveryId: string) {
    super(`webhook delivery ${deliveryId} is being sent by another worker`);
    this.name = "DeliveryBusyError";
  }
}

interface ClaimedDelivery {
  id: string;
  attempts: number;
  createdAt: Date;
  endpointId: string;
  url: string;
  endpointStatus: "ENABLED" | "DISABLED";
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
  lastSuccessAt: Date | null;
  eventId: string;
  type: string;
  data: unknown;
  eventCreatedAt: Date;
}

export async function deliverWebhook(input: TDeliverWebhookPayload, options: DeliverWebhookOptions = {}): Promise<DeliverWebhookOutcome> {
  const payload = ZDeliverWebhookPayload.parse(input);
  const now = options.now ?? (() => new Date());
  const resend = "resend" in payload;
  const attempt = resend ? null : payload.attempt;
  const startedAt = now();

  const [delivery] = await db.$queryRaw<ClaimedDelivery[]>`
    UPDATE "WebhookDelivery" d SET "leaseUntil" = ${new Date(startedAt.getTime() + LEASE_MS)}
    FROM "WebhookEndpoint" w, "WebhookEvent" e
    WHERE d.id = ${payload.deliveryId}::uuid AND w.id = d."endpointId" AND e.id = d."eventId"
      AND (d."leaseUntil" IS NULL OR d."leaseUntil" < ${startedAt})
      AND (${resend}::boolean OR (d.status = 'PENDING' AND d.attempts = ${(attempt ?? 1) - 1}::int AND w.status = 'ENABLED'))
    RETURNING d.id::text AS id, d.attempts, d."createdAt", w.id AS "endpointId", w.url, w.status::text AS "endpointStatus", w.secret,
      w."previousSecret", w."previousSecretExpiresAt", w."lastSuccessAt", e.id AS "eventId", e.type, e.data, e."createdAt" AS "eventCreatedAt"`;
  if (!delivery) return notClaimed(payload.deliveryId, attempt, startedAt);

  const body = eventBody({ id: delivery.eventId, type: delivery.type, data: delivery.data, createdAt: delivery.eventCreatedAt });
  const timestamp = Math.floor(startedAt.getTime() / 1000);
  const secrets = [delivery.secret];
  if (delivery.previousSecret && delivery.previousSecretExpiresAt && delivery.previousSecretExpiresAt > startedAt) secrets.push(delivery.previousSecret);
  const headers = {
    "content-type": "application/json; charset=utf-8",
    "user-agent": "Lavka-Webhooks/1",
    [SIGNATURE_HEADER.toLowerCase()]: signatureHeader(body, timestamp, secrets),
    "lavka-event-id": delivery.eventId,
    "lavka-event-type": delivery.type,
  };
  const result = await send(delivery.url, headers, body);
  const finishedAt = now();
  const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const error = ok ? null : (result.error ?? `HTTP ${result.statusCode}`);

  return db.$transaction(async (tx) => {
    // The log shows what went out; the signature is kept, the secrets never are.
    await tx.webhookAttempt.create({
      data: {
        deliveryId: delivery.id,
        attempt: attempt ?? delivery.attempts,
        isResend: resend,
        requestHeaders: headers,
        statusCode: result.statusCode,
        responseTimeMs: result.responseTimeMs,
        responseExcerpt: result.excerpt,
        error,
        createdAt: finishedAt,
      },
      select: { id: true },
    });
    if (ok) await tx.webhookEndpoint.update({ where: { id: delivery.endpointId }, data: { lastSuccessAt: finishedAt }, select: { id: true } });

    if (resend) {
      await tx.webhookDelivery.update({
        where: { id: delivery.id },
        data: { leaseUntil: null, lastAttemptAt: finishedAt, lastStatusCode: result.statusCode, ...(ok ? { status: "SUCCEEDED", nextAttemptAt: null } : {}) },
        select: { id: true },
      });
      return { sent: true, ok, statusCode: result.statusCode, error, next: null, endpointDisabled: false };
    }

    const failedAttempt = attempt as number;
    const next = ok ? null : nextAttemptAt(failedAttempt, delivery.createdAt, finishedAt, options.random);
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: {
        attempts: failedAttempt,
        status: ok ? "SUCCEEDED" : next ? "PENDING" : "FAILED",
        nextAttemptAt: next,
        leaseUntil: null,
        lastAttemptAt: finishedAt,
        lastStatusCode: result.statusCode,
      },
      select: { id: true },
    });
    if (next) {
      await enqueue("webhooks.deliver", { deliveryId: delivery.id, attempt: failedAttempt + 1 }, { tx, delayMs: Math.max(0, next.getTime() - finishedAt.getTime()) });
    }
    const endpointDisabled = !ok && !next && (await disableIfFailing(tx, delivery, finishedAt));
    return { sent: true, ok, statusCode: result.statusCode, error, next, endpointDisabled };
  });
}

/** Why nothing was claimed: done or not this attempt (skip), endpoint off (skip), or busy (retry later). */
async function notClaimed(deliveryId: string, attempt: number | null, at: Date): Promise<DeliverWebhookOutcome> {
  const row = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: { status: true, attempts: true, leaseUntil: true, endpoint: { select: { status: true } } },
  });
  if (!row) return { sent: false, reason: "not-due" };
  const busy = row.leaseUntil !== null && row.leaseUntil >= at;
  if (attempt === null) {
    if (busy) throw new DeliveryBusyError(deliveryId);
    return { sent: false, reason: "not-due" };
  }
  if (row.status !== "PENDING" || row.attempts !== attempt - 1) return { sent: false, reason: "not-due" };
  if (row.endpoint.status !== "ENABLED") return { sent: false, reason: "endpoint-disabled" };
  throw new DeliveryBusyError(deliveryId);
}

interface SendResult {
  statusCode: number | null;
  responseTimeMs: number;
  excerpt: string | null;
  error: string | null;
}

async function send(url: string, headers: Record<string, string>, body: string): Promise<SendResult> {
  const startedAt = performance.now();
  let statusCode: number | null = null;
  let excerpt: string | null = null;
  let error: string | null = null;
  try {
    await assertPublicHost(url, getEnv().POSTBACK_ALLOW_PRIVATE_HOSTS);
    const response = await fetch(url, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS) });
    statusCode = response.status;
    excerpt = await readExcerpt(response);
  } catch (caught) {
    const cause = caught as Error;
    error = (cause.name === "TimeoutError" ? `timed out after ${WEBHOOK_TIMEOUT_MS} ms` : `${cause.message}${cause.cause instanceof Error ? `: ${cause.cause.message}` : ""}`).slice(
      0,
      ERROR_MAX_CHARS,
    );
  }
  return { statusCode, responseTimeMs: Math.round(performance.now() - startedAt), excerpt, error };
}

/**
 * "Persistent failure": this delivery used up its three-day window and the endpoint has not
 * answered any delivery with a 2xx since this one began. Disables it (once) and mails the owners.
 */
async function disableIfFailing(tx: DbTransaction, delivery: ClaimedDelivery, at: Date): Promise<boolean> {
  const disabled = await tx.webhookEndpoint.updateMany({
    where: { id: delivery.endpointId, status: "ENABLED", OR: [{ lastSuccessAt: null }, { lastSuccessAt: { lt: delivery.createdAt } }] },
    data: { status: "DISABLED", disabledReason: "failing", disabledAt: at },
  });
  if (disabled.count === 0) return false;
  const owners = await tx.user.findMany({ where: { role: "OWNER", isActive: true }, select: { email: true, locale: true } });
  for (const owner of owners) {
    const locale: Locale = (LOCALES as readonly string[]).includes(owner.locale) ? (owner.locale as Locale) : "ru";
    const texts = getEmailMessages(locale)["webhook-disabled"];
    await queueMail(tx, {
      idempotencyKey: `webhook-disabled:${delivery.endpointId}:${at.getTime()}:${owner.email}`.slice(0, 200),
      to: owner.email,
      template: "message",
      locale,
      props: {
        subject: texts.subject(delivery.url.slice(0, 150)),
        heading: texts.heading,
        paragraphs: [
          texts.body(delivery.url, formatDateTime(delivery.lastSuccessAt && delivery.lastSuccessAt > delivery.createdAt ? delivery.lastSuccessAt : delivery.createdAt)),
          texts.action,
        ],
        action: { label: texts.button, url: `${getEnv().APP_URL}/admin/settings/webhooks/${delivery.endpointId}` },
      },
    });
  }
  return true;
}
