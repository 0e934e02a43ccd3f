// Sends one mail exactly once per idempotency key, however often it is called.
//
// The MailMessage row is the send log. It is created (PENDING) before anything leaves, then
// locked for the attempt (SELECT … FOR UPDATE), so two workers handed the same key queue up
// behind each other and the second finds it SENT. A row already SENT is returned untouched:
// a retried job never sends twice. The one window left — the SMTP server accepted the message
// but the process died before the row was marked — resends with the same Message-ID, derived
// from the key, so the duplicate is recognisable (and dropped by servers that dedupe on it).
//
// CAPTURE mode has no network: marking the row SENT is the delivery.
import { createHash } from "node:crypto";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { logger } from "@/lib/logger";
import { renderMail, type MailProps, type MailTemplate, type RenderedMail } from "./render";
import { getMailTransport, type MailTransport } from "./transport";

const log = logger.child({ module: "mail" });

/** The envelope of a mail, common to every template (the job payload adds template + props). */
export const ZMailEnvelope = z.object({
  /** Who sends what to whom for which event, e.g. `order:<id>:confirm`; one mail per key, ever. */
  idempotencyKey: z.string().trim().min(1).max(200),
  to: z.email(),
  locale: z.enum(LOCALES),
});

export type SendMailInput = {
  [Template in MailTemplate]: {
    idempotencyKey: string;
    to: string;
    template: Template;
    props: MailProps<Template>;
    locale: Locale;
  };
}[MailTemplate];

export interface SendMailOptions {
  /** Defaults to the process's transport (lib/mail/transport.ts). */
  transport?: MailTransport;
}

const sentMailSelect = {
  id: true,
  idempotencyKey: true,
  template: true,
  locale: true,
  toAddress: true,
  subject: true,
  transport: true,
  status: true,
  providerMessageId: true,
  error: true,
  attempts: true,
  createdAt: true,
  sentAt: true,
} as const;

export type SentMail = Prisma.MailMessageGetPayload<{ select: typeof sentMailSelect }>;

/** A send that failed; thrown so the queue retries it (the row says FAILED meanwhile). */
export class MailDeliveryError extends Error {
  constructor(
    readonly mailId: string,
    readonly attempts: number,
    cause: unknown,
  ) {
    super(`Mail ${mailId} was not delivered (attempt ${attempts}): ${describeError(cause)}`, { cause });
    this.name = "MailDeliveryError";
  }
}

// The row lock is held while the SMTP server answers. A send that has not finished by the
// deadline is recorded as failed (it may still arrive: the retry then resends with the same
// Message-ID); the transaction outlives the deadline so the failure can be written.
const SEND_DEADLINE_MS = 60_000;
const SEND_TRANSACTION = { maxWait: 10_000, timeout: SEND_DEADLINE_MS + 30_000 } as const;

export async function sendMail(input: SendMailInput, options: SendMailOptions = {}): Promise<SentMail> {
  const envelope = ZMailEnvelope.parse(input);
  const transport = options.transport ?? getMailTransport();
  const rendered = await renderMail(input.template, input.props, envelope.locale);
  const content = {
    template: input.template,
    locale: envelope.locale,
    fromAddress: transport.from,
    toAddress: envelope.to,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    transport: transport.kind,
  };

  // Committed before the attempt, so the admin panel shows a PENDING mail even while a slow
  // server is answering. An existing row (a retry) is left as it is here.
  await db.mailMessage.createMany({ data: [{ idempotencyKey: envelope.idempotencyKey, ...content }], skipDuplicates: true });

  const outcome = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ id: string; status: string; template: string; toAddress: string }>>`
      SELECT "id", "status"::text AS "status", "template", "toAddress"
      FROM "MailMessage" WHERE "idempotencyKey" = ${envelope.idempotencyKey}
      FOR UPDATE`;
    if (!row) throw new Error(`MailMessage ${envelope.idempotencyKey} vanished after insert`);
    if (row.status === "SENT") {
      const mail = await tx.mailMessage.findUniqueOrThrow({ where: { id: row.id }, select: sentMailSelect });
      return { kind: "already-sent" as const, mail };
    }
    if (row.template !== content.template || row.toAddress !== content.toAddress) {
      // A key reused for another mail is a bug in the caller; sending would hide it.
      throw new AppError("CONFLICT", `Mail idempotency key "${envelope.idempotencyKey}" already belongs to another mail (${row.template} to ${maskAddress(row.toAddress)})`);
    }

    // The row is refreshed with this attempt's rendering: what is stored is what was sent.
    const attempt = { ...content, attempts: { increment: 1 } };

    if (transport.kind === "CAPTURE") {
      const mail = await tx.mailMessage.update({
        where: { id: row.id },
        data: { ...attempt, status: "SENT", sentAt: new Date(), error: null },
        select: sentMailSelect,
      });
      return { kind: "sent" as const, mail, response: undefined };
    }

    await tx.mailMessage.update({ where: { id: row.id }, data: attempt });
    try {
      const info = await withDeadline(
        transport.transporter.sendMail({
          from: transport.from,
          to: envelope.to,
          subject: rendered.subject,
          html: rendered.html,
          text: rendered.text,
          messageId: messageIdFor(envelope.idempotencyKey, transport.from),
          ...listHeaders(rendered),
        }),
        SEND_DEADLINE_MS,
      );
      const mail = await tx.mailMessage.update({
        where: { id: row.id },
        data: { status: "SENT", sentAt: new Date(), providerMessageId: info.messageId, error: null },
        select: sentMailSelect,
      });
      return { kind: "sent" as const, mail, response: info.response };
    } catch (error) {
      // Recorded and committed, then rethrown below for the queue to retry.
      const mail = await tx.mailMessage.update({
        where: { id: row.id },
        data: { status: "FAILED", error: describeError(error).slice(0, 2_000) },
        select: sentMailSelect,
      });
      return { kind: "failed" as const, mail, error };
    }
  }, SEND_TRANSACTION);

  const { mail } = outcome;
  const context = {
    mailId: mail.id,
    idempotencyKey: envelope.idempotencyKey,
    template: input.template,
    locale: envelope.locale,
    to: maskAddress(envelope.to),
    transport: transport.kind,
  };
  switch (outcome.kind) {
    case "already-sent":
      log.info(context, "mail already sent; not sending again");
      break;
    case "sent":
      log.info({ ...context, attempts: mail.attempts, messageId: mail.providerMessageId, response: outcome.response }, transport.kind === "CAPTURE" ? "mail captured" : "mail sent");
      break;
    case "failed":
      log.warn({ ...context, attempts: mail.attempts, err: outcome.error }, "mail delivery failed");
      throw new MailDeliveryError(mail.id, mail.attempts, outcome.error);
  }
  return mail;
}

/**
 * A Message-ID that only depends on the key: a resend after a crash carries the same one. The
 * key is hashed so internal ids do not leak into headers and any key makes a valid header.
 */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const hash = createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 40);
  return `<${hash}@${domainOf(from)}>`;
}

function domainOf(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from.trim());
  return match?.[1]?.toLowerCase() ?? "lavka.local";
}

export function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`SMTP send did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

function listHeaders(rendered: RenderedMail) {
  return rendered.unsubscribeUrl ? { list: { unsubscribe: rendered.unsubscribeUrl } } : {};
}

/** `ivan@example.com` → `i***@example.com`: enough to trace a mail in logs, not to harvest. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  return at > 0 ? `${address[0]}***${address.slice(at)}` : "***";
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // nodemailer puts the SMTP reply on the error: "550 5.1.1 No such user" says more than "EENVELOPE".
  const details = error as Error & { code?: string; responseCode?: number; response?: string };
  const parts = [details.code, details.responseCode].filter(Boolean).join(" ");
  const message = details.response && !error.message.includes(details.response) ? `${error.message} (${details.response})` : error.message;
  return parts ? `${parts}: ${message}` : message;
}
