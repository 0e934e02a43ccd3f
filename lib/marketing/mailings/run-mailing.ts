// The sending run of a mailing (the job's work): claims frozen recipients in batches, sends each
// its locale's mail under the mailing's rate, and writes the outcomes back in batches.
//
// Delivery guarantee — at least once, duplicates only in a window of milliseconds:
// - One run per mailing at a time: the run holds a PostgreSQL session advisory lock on its own
//   connection for as long as it works. A run that dies (SIGKILL, power loss) loses the connection
//   and with it the lock, so the next run (the job's retry, or "resume") starts at once.
// - Rows are claimed PENDING → SENDING with FOR UPDATE SKIP LOCKED, in the statement that also
//   checks the suppression list: an address unsubscribed since the freeze becomes SKIPPED, not sent.
// - A row becomes SENT only after the SMTP server accepted the message (250 to DATA); accepted
//   rows are written back together every FLUSH_MS or FLUSH_ROWS, with the counters.
// - A new run finds SENDING rows only if the previous run died (the lock says none is alive): their
//   mails may or may not have been accepted. They are sent again, with the same Message-ID
//   (derived from the mailing and recipient ids). Mails whose transfer was cut off were never
//   accepted, so this resend is what makes them arrive; a duplicate happens only for a mail the
//   server accepted in the ≤ FLUSH_MS before the crash, and it carries the same Message-ID, which
//   mailbox providers use to drop the copy. The alternative (at most once: mark in-doubt rows
//   failed) would lose every mail in flight at each crash, certainly — worse for the shop and
//   invisible to the reader, so it is not the choice here.
// - Pause and cancel are read from the mailing row at every claim and every flush; claimed rows
//   that were not sent go back to PENDING. N failures in a row pause the mailing (PAUSED,
//   pauseReason "failures").
//
// CAPTURE transport (no SMTP_URL): the flush writes each recipient's MailMessage row (the admin's
// mail viewer is the delivery) in the same statement that marks it SENT — exactly once.
import { setTimeout as sleep } from "node:timers/promises";
import { db, Prisma } from "@/lib/db";
import { getPgPool } from "@/lib/db/pool";
import { getEnv } from "@/lib/env";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { logger } from "@/lib/logger";
import { describeError, maskAddress, messageIdFor } from "@/lib/mail/send-mail";
import { sendMarketingMail } from "@/lib/mail/send-marketing-mail";
import { getMailingTransport, poolConnections, type MailTransport } from "@/lib/mail/transport";
import { personalizeMailing, renderMailingTemplate, type MailingTemplate } from "./render-mailing";

const log = logger.child({ module: "mailings" });

/** Outcomes are written back at least this often… */
const FLUSH_MS = 100;
/** …or when this many have gathered. */
const FLUSH_ROWS = 250;
/** How long a run waits for a previous run of the same mailing to let go (it stops within a batch). */
const LOCK_WAIT_MS = 60_000;

export interface RunMailingOptions {
  /** Defaults to the process's transport (lib/mail/transport). */
  transport?: MailTransport;
  /** Mails in flight at once (SMTP); default 2 × the pool's connections (mailingConcurrency). */
  concurrency?: number;
  /** Public URL for the unsubscribe links; default APP_URL. */
  appUrl?: string;
}

export type RunMailingResult = "finished" | "paused" | "cancelled" | "busy" | "not-sending";

interface ClaimedRecipient {
  id: string;
  email: string;
  locale: string;
}

interface Outcome {
  id: string;
  status: "SENT" | "FAILED";
  messageId: string | null;
  error: string | null;
  /** CAPTURE only: the rendered mail to store. */
  captured?: { subject: string; html: string; text: string; locale: Locale };
}

export async function runMailing(mailingId: string, options: RunMailingOptions = {}): Promise<RunMailingResult> {
  const lock = await acquireRunLock(mailingId);
  if (!lock) return "busy";
  try {
    return await sendAll(mailingId, options);
  } finally {
    await lock.release();
  }
}

async function sendAll(mailingId: string, options: RunMailingOptions): Promise<RunMailingResult> {
  const mailing = await db.mailing.findUnique({
    where: { id: mailingId },
    select: { status: true, subject: true, body: true, subjectEn: true, bodyEn: true, ratePerSecond: true, maxConsecutiveFailures: true },
  });
  if (!mailing || mailing.status !== "SENDING") return "not-sending";

  // We hold the run lock, so no live run owns these: they are the in-doubt rows of a dead one.
  const inDoubt = await db.$executeRaw`UPDATE "MailingRecipient" SET status = 'PENDING' WHERE "mailingId" = ${mailingId} AND status = 'SENDING'`;
  if (inDoubt > 0) log.warn({ mailingId, inDoubt }, "resuming after an interrupted run: recipients in flight are sent again with the same Message-ID");

  const transport = options.transport ?? getMailingTransport();
  const appUrl = options.appUrl ?? getEnv().APP_URL;
  const templates = new Map<Locale, MailingTemplate>();
  const templateFor = async (locale: Locale) => {
    let template = templates.get(locale);
    if (!template) templates.set(locale, (template = await renderMailingTemplate(mailing, locale)));
    return template;
  };

  const rate = mailing.ratePerSecond;
  const batchSize = Math.max(1, Math.min(500, Math.ceil(rate / 2)));
  const concurrency = transport.kind === "SMTP" ? Math.max(1, options.concurrency ?? mailingConcurrency(transport)) : batchSize;
  const limiter = rateLimiter(rate);
  const writer = outcomeWriter(mailingId, transport);
  const inFlight = new Set<Promise<void>>();
  let consecutiveFailures = 0;
  let stop: RunMailingResult | null = null;

  try {
    let claimed = await claimBatch(mailingId, batchSize);
    while (claimed.length > 0) {
      // The next batch is claimed while this one is sent, so the pipe to the server never drains
      // between batches (it did for a claim and a write-back each time). Its rows are SENDING a
      // batch early: a crash meanwhile resends them, never sent, like the rest of the in-doubt rows.
      const next = claimBatch(mailingId, batchSize);
      // Awaited only after this batch; until then a failure must not count as unhandled.
      next.catch(() => {});
      for (const recipient of claimed) {
        stop ??= writer.stopped();
        if (stop) {
          // Not sent: back in the queue for the next run.
          writer.release(recipient.id);
          continue;
        }
        await limiter();
        const locale: Locale = isLocale(recipient.locale) ? recipient.locale : "ru";
        const mail = personalizeMailing(await templateFor(locale), recipient.id, appUrl);
        const messageId = messageIdFor(`mailing:${mailingId}:${recipient.id}`, transport.from);
        if (transport.kind === "CAPTURE") {
          writer.add({ id: recipient.id, status: "SENT", messageId, error: null, captured: { subject: mail.subject, html: mail.html, text: mail.text, locale } });
          continue;
        }
        const sending = sendMarketingMail(transport, { to: recipient.email, subject: mail.subject, html: mail.html, text: mail.text, messageId, unsubscribeUrl: mail.unsubscribeOneClick })
          .then(
            () => {
              consecutiveFailures = 0;
              writer.add({ id: recipient.id, status: "SENT", messageId, error: null });
            },
            (error: unknown) => {
              consecutiveFailures += 1;
              log.warn({ mailingId, recipientId: recipient.id, to: maskAddress(recipient.email), err: error }, "mailing: delivery failed");
              writer.add({ id: recipient.id, status: "FAILED", messageId: null, error: describeError(error).slice(0, 1_000) });
              if (consecutiveFailures >= mailing.maxConsecutiveFailures && !stop) stop = "paused";
            },
          )
          .finally(() => inFlight.delete(sending));
        inFlight.add(sending);
        if (inFlight.size >= concurrency) await Promise.race(inFlight);
      }
      claimed = await next;
      stop ??= writer.stopped();
      if (stop) {
        for (const recipient of claimed) writer.release(recipient.id);
        break;
      }
    }
    await Promise.all(inFlight);
    if (stop === "paused") await autoPause(mailingId, consecutiveFailures);
    await writer.flush();
    // Nothing left to claim (or the mailing stopped being SENDING, which the claim also reads).
    stop ??= writer.stopped() ?? (await finishOrStatus(mailingId));
  } finally {
    await Promise.allSettled(inFlight);
    await writer.close();
  }
  log.info({ mailingId, result: stop }, "mailing run ended");
  return stop ?? "finished";
}

/** The next PENDING rows, claimed; rows whose address is now suppressed are SKIPPED instead. */
async function claimBatch(mailingId: string, size: number): Promise<ClaimedRecipient[]> {
  return db.$queryRaw<ClaimedRecipient[]>`
    WITH picked AS (
      SELECT r.id, EXISTS (SELECT 1 FROM "Unsubscribe" u WHERE u.email = r.email) AS suppressed
      FROM "MailingRecipient" r
      WHERE r."mailingId" = ${mailingId} AND r.status = 'PENDING'
        AND EXISTS (SELECT 1 FROM "Mailing" m WHERE m.id = ${mailingId} AND m.status = 'SENDING')
      ORDER BY r.id
      LIMIT ${size}
      FOR UPDATE OF r SKIP LOCKED
    ), skipped AS (
      UPDATE "MailingRecipient" r SET status = 'SKIPPED', error = 'unsubscribed'
      FROM picked p WHERE r.id = p.id AND p.suppressed
      RETURNING r.id
    ), counted AS (
      UPDATE "Mailing" SET "skippedCount" = "skippedCount" + (SELECT count(*) FROM skipped)::int
      WHERE id = ${mailingId} AND EXISTS (SELECT 1 FROM skipped)
    )
    UPDATE "MailingRecipient" r SET status = 'SENDING', "claimedAt" = now(), attempts = r.attempts + 1
    FROM picked p WHERE r.id = p.id AND NOT p.suppressed
    RETURNING r.id, r.email, r.locale`;
}

/** Nothing left to claim: the mailing is done (SENT) unless it was paused or cancelled meanwhile. */
async function finishOrStatus(mailingId: string): Promise<RunMailingResult> {
  const finished = await db.$executeRaw`
    UPDATE "Mailing" SET status = 'SENT', "finishedAt" = now(), "pauseReason" = NULL, "updatedAt" = now()
    WHERE id = ${mailingId} AND status = 'SENDING'
      AND NOT EXISTS (SELECT 1 FROM "MailingRecipient" r WHERE r."mailingId" = ${mailingId} AND r.status IN ('PENDING', 'SENDING'))`;
  if (finished === 1) return "finished";
  const row = await db.mailing.findUnique({ where: { id: mailingId }, select: { status: true } });
  return statusResult(row?.status);
}

function statusResult(status: string | undefined): RunMailingResult {
  if (status === "PAUSED") return "paused";
  if (status === "CANCELLED") return "cancelled";
  if (status === "SENT") return "finished";
  return "not-sending";
}

async function autoPause(mailingId: string, failures: number) {
  const paused = await db.mailing.updateMany({ where: { id: mailingId, status: "SENDING" }, data: { status: "PAUSED", pauseReason: "failures" } });
  if (paused.count === 1) log.warn({ mailingId, failures }, "mailing paused after consecutive delivery failures");
}

/**
 * Gathers outcomes and writes them in one statement per flush: recipient rows (only those still
 * SENDING, so a row is never counted twice), the mailing's counters and, for CAPTURE, the mail
 * rows. Each flush reads the mailing's status back, so a pause or cancel stops the run within
 * FLUSH_MS.
 */
function outcomeWriter(mailingId: string, transport: MailTransport) {
  let pending: Outcome[] = [];
  let released: string[] = [];
  let chain: Promise<void> = Promise.resolve();
  let stoppedAs: RunMailingResult | null = null;
  let failure: unknown;
  const timer = setInterval(() => void flush(), FLUSH_MS);

  const write = async (batch: Outcome[], back: string[]) => {
    if (back.length) await db.$executeRaw`UPDATE "MailingRecipient" SET status = 'PENDING' WHERE id = ANY(${back}::text[]) AND status = 'SENDING'`;
    if (!batch.length) return;
    const ids = batch.map((outcome) => outcome.id);
    const statuses = batch.map((outcome) => outcome.status);
    const messageIds = batch.map((outcome) => outcome.messageId);
    const errors = batch.map((outcome) => outcome.error);
    const captured = batch.filter((outcome) => outcome.captured);
    const mailRows = captured.length
      ? Prisma.sql`, mails AS (
          INSERT INTO "MailMessage" (id, "idempotencyKey", template, locale, "fromAddress", "toAddress", subject, html, text, transport, status, attempts, "sentAt")
          SELECT 'mm_' || c.id, 'mailing:' || ${mailingId} || ':' || c.id, 'mailing', c.locale, ${transport.from}, r.email, c.subject, c.html, c.text, 'CAPTURE', 'SENT', 1, now()
          FROM unnest(${captured.map((o) => o.id)}::text[], ${captured.map((o) => o.captured!.locale)}::text[], ${captured.map((o) => o.captured!.subject)}::text[],
                      ${captured.map((o) => o.captured!.html)}::text[], ${captured.map((o) => o.captured!.text)}::text[]) AS c(id, locale, subject, html, text)
          JOIN "MailingRecipient" r ON r.id = c.id AND r.status = 'SENDING'
          ON CONFLICT ("idempotencyKey") DO NOTHING
          RETURNING id)`
      : Prisma.empty;
    const [row] = await db.$queryRaw<{ status: string }[]>`
      WITH outcome AS (
        SELECT * FROM unnest(${ids}::text[], ${statuses}::text[], ${messageIds}::text[], ${errors}::text[]) AS o(id, status, "messageId", error)
      )${mailRows}, updated AS (
        UPDATE "MailingRecipient" r
        SET status = o.status::"MailingRecipientStatus", "messageId" = COALESCE(o."messageId", r."messageId"), error = o.error,
            "sentAt" = CASE WHEN o.status = 'SENT' THEN now() ELSE r."sentAt" END,
            "mailMessageId" = ${captured.length ? Prisma.sql`CASE WHEN o.status = 'SENT' THEN 'mm_' || r.id ELSE r."mailMessageId" END` : Prisma.sql`r."mailMessageId"`}
        FROM outcome o
        WHERE r.id = o.id AND r.status = 'SENDING'
        RETURNING o.status
      )
      UPDATE "Mailing" m
      SET "sentCount" = m."sentCount" + (SELECT count(*) FROM updated WHERE status = 'SENT')::int,
          "failedCount" = m."failedCount" + (SELECT count(*) FROM updated WHERE status = 'FAILED')::int,
          "updatedAt" = now()
      WHERE m.id = ${mailingId}
      RETURNING m.status::text AS status`;
    if (row && row.status !== "SENDING") stoppedAs ??= statusResult(row.status);
  };

  function flush(): Promise<void> {
    const batch = pending;
    const back = released;
    pending = [];
    released = [];
    chain = chain.then(() =>
      write(batch, back).catch((error: unknown) => {
        // The rows stay SENDING: the next run resends them (at least once). Stop this run.
        failure ??= error;
        stoppedAs ??= "not-sending";
      }),
    );
    return chain;
  }

  return {
    add(outcome: Outcome) {
      pending.push(outcome);
      if (pending.length >= FLUSH_ROWS) void flush();
    },
    release(id: string) {
      released.push(id);
    },
    stopped: () => stoppedAs,
    flush,
    async close() {
      clearInterval(timer);
      await flush();
      if (failure) throw failure;
    },
  };
}

/** How far behind its schedule a run may catch up: a sleep overslept (timers fire late on a busy machine) is made up, a stall is not. */
const RATE_CATCH_UP_MS = 100;

/** Spaces sends 1/rate apart; a run that fell behind catches up at most RATE_CATCH_UP_MS of sends. */
function rateLimiter(perSecond: number) {
  const interval = 1_000 / perSecond;
  let next = performance.now();
  return async () => {
    const now = performance.now();
    // Without any catch-up each late timer was lost for good, and a run at 1,000/s sent less than
    // an unthrottled one even to a server that takes fewer than 1,000/s anyway.
    if (next < now - RATE_CATCH_UP_MS) next = now - RATE_CATCH_UP_MS;
    const wait = next - now;
    next += interval;
    // Timers are ~1 ms coarse: below that, let the sends go and the average still holds.
    if (wait >= 1) await sleep(wait);
  };
}

/**
 * Mails a run keeps in flight: two per connection of the pool, so that each connection finds its
 * next mail waiting in the pool's queue when the server accepts the last one, and never idles
 * for the round trip back through the run.
 */
export function mailingConcurrency(transport: Extract<MailTransport, { kind: "SMTP" }>): number {
  return 2 * poolConnections(transport);
}

/** The run lock: a session advisory lock on a connection of its own, held until release. */
async function acquireRunLock(mailingId: string): Promise<{ release(): Promise<void> } | null> {
  const client = await getPgPool().connect();
  const key = `lavka:mailing-run:${mailingId}`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  try {
    for (;;) {
      const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked", [key]);
      if (rows[0]?.locked) break;
      if (Date.now() > deadline) {
        client.release();
        return null;
      }
      await sleep(250);
    }
  } catch (error) {
    client.release(error instanceof Error ? error : true);
    throw error;
  }
  return {
    async release() {
      try {
        await client.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [key]);
        client.release();
      } catch (error) {
        // Closing the connection releases the lock as well.
        client.release(error instanceof Error ? error : true);
      }
    },
  };
}
