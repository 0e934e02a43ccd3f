// How mail leaves the process, chosen once from the environment:
// - SMTP_URL set → nodemailer's pooled SMTP transport (a few kept-alive connections shared by
//   every send of the process), and a second pool for mailings (getMailingTransport) whose size
//   is SMTP_MAILING_CONNECTIONS;
// - unset → CAPTURE: nothing is sent over the network; the MailMessage row written by
//   sendMail is the delivery, and the admin panel shows it with working links (the demo).
// Tests configure their own transport (a local SMTP server) with setMailTransport.
import net from "node:net";
import nodemailer, { type Transporter } from "nodemailer";
// The file path, not the directory: plain Node ESM does not resolve directory imports.
import SMTPPool from "nodemailer/lib/smtp-pool/index.js";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";

export type MailTransport = { kind: "CAPTURE"; from: string } | { kind: "SMTP"; from: string; transporter: Transporter<SMTPPool.SentMessageInfo> };

export interface MailTransportConfig {
  /** The From header, e.g. `Lavka <shop@example.com>`. */
  from: string;
  /** smtp:// or smtps:// URL with credentials; absent → CAPTURE. */
  smtpUrl?: string;
  /** Extra nodemailer SMTP options; settings in the URL (including its query) win. */
  smtp?: Partial<Omit<SMTPPool.Options, "pool" | "url">>;
}

// sendMail holds the message's row lock while the server answers (see send-mail.ts), so a send
// must fail in bounded time: nodemailer's own socket timeout is 10 minutes, and without
// maxRequeues its pool re-queues a message whose connection closed, forever — a refused
// connection would hang the send. One requeue covers a kept-alive connection the server had
// just dropped; anything else fails, and the queue's retry (with backoff) takes over.
export const SMTP_POOL_DEFAULTS = {
  connectionTimeout: 15_000,
  greetingTimeout: 15_000,
  socketTimeout: 30_000,
  maxConnections: 5,
  maxRequeues: 1,
} as const;

/**
 * A mailing's pool, on top of SMTP_POOL_DEFAULTS. Its connection count is a setting
 * (SMTP_MAILING_CONNECTIONS): a mailing is bound by round trips, not bytes — each mail is four
 * exchanges (MAIL, RCPT, DATA, the message), one mail at a time per connection — so its rate
 * grows with the connections, up to what the provider allows one client. nodemailer's default of
 * 100 messages per connection made each of them reconnect every 100 mails (connect, greeting,
 * EHLO, and a pause of the pool's while it replaces the connection); 1,000 keeps that rare and
 * still stays under most servers' own per-connection limits. A `maxConnections` or `maxMessages`
 * in SMTP_URL's query wins over both, as any setting in the URL does.
 */
export function mailingPoolOptions(connections: number) {
  return { maxConnections: connections, maxMessages: 1_000 } as const;
}

export function createMailTransport(config: MailTransportConfig): MailTransport {
  if (!config.smtpUrl) return { kind: "CAPTURE", from: config.from };
  // createTransport({ url }) would keep only what the URL says and drop `pool`, so the pool is
  // built here with our defaults and handed to nodemailer as a ready transport.
  const pool = new SMTPPool({ ...SMTP_POOL_DEFAULTS, ...config.smtp, pool: true, url: config.smtpUrl });
  // A proxy (`?proxy=` in the URL) brings nodemailer's own getSocket: keep it.
  if (!(pool.options as { proxy?: unknown }).proxy && !config.smtp?.getSocket) pool.getSocket = openSmtpSocket;
  return { kind: "SMTP", from: config.from, transporter: nodemailer.createTransport(pool) };
}

type SocketCallback = (error: Error | null, socketOptions?: { connection: net.Socket }) => void;

/**
 * The pool's TCP connections, with Nagle's algorithm off. SMTP is a conversation of small
 * commands and answers (MAIL, RCPT, DATA, the message's last chunk, RSET): with Nagle on, each
 * small write waits for the server's delayed ACK, and on one connection a mail took 52 ms here
 * instead of 18 ms — a mailing's throughput was bound by it. nodemailer has no option for it, but
 * it takes a connected socket from `getSocket` and still negotiates TLS on it itself (smtps://,
 * or STARTTLS later), with the URL's host as the name to verify.
 */
export function openSmtpSocket(options: Pick<SMTPPool.Options, "host" | "port" | "secure" | "localAddress" | "connectionTimeout">, callback: SocketCallback) {
  const port = Number(options.port) || (options.secure ? 465 : 587);
  const socket = net.connect({ host: options.host ?? "localhost", port, localAddress: options.localAddress, noDelay: true });
  coalesceWrites(socket);
  let settled = false;
  const settle = (error: Error | null) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    socket.off("error", settle);
    if (error) {
      socket.destroy();
      callback(error);
    } else callback(null, { connection: socket });
  };
  const timer = setTimeout(() => settle(Object.assign(new Error("Connection timeout"), { code: "ETIMEDOUT" })), options.connectionTimeout ?? SMTP_POOL_DEFAULTS.connectionTimeout);
  socket.once("connect", () => settle(null));
  socket.once("error", settle);
}

/** The pool's size (its maxConnections, the URL's query included), for senders that fill it. */
export function poolConnections(transport: Extract<MailTransport, { kind: "SMTP" }>): number {
  const pool = transport.transporter.transporter as unknown as { options?: { maxConnections?: number } };
  return Number(pool.options?.maxConnections) || SMTP_POOL_DEFAULTS.maxConnections;
}

/**
 * nodemailer streams a message into the socket a piece at a time (commands, headers, the parts'
 * encoded lines): 14 writes per mail of a mailing, each a system call and, with Nagle off, a
 * segment of its own for the server to read. Held (corked) until the end of the event loop's
 * turn, the writes of one turn leave as one: 5–6 per mail, and ~15 % less CPU per mail here for
 * the sender and the server alike. The delay is one turn of the loop, not a timer.
 */
function coalesceWrites(socket: net.Socket) {
  const write = socket.write;
  socket.write = ((...args: unknown[]) => {
    if (!socket.writableCorked) {
      socket.cork();
      setImmediate(() => socket.uncork());
    }
    return (write as (...writeArgs: unknown[]) => boolean).apply(socket, args);
  }) as typeof socket.write;
}

let current: MailTransport | undefined;
let mailing: MailTransport | undefined;
/** What setMailTransport set, for the mailing pool to follow it. */
let replacedBy: MailTransportConfig | undefined;

/** The process's transport, built from SMTP_URL and MAIL_FROM on first use. */
export function getMailTransport(): MailTransport {
  if (!current) {
    const env = getEnv();
    current = createMailTransport({ from: env.MAIL_FROM, smtpUrl: env.SMTP_URL });
    if (current.kind === "CAPTURE" && env.NODE_ENV === "production") {
      logger.warn({ module: "mail" }, "SMTP_URL is not set: mail is captured in the database and not delivered");
    } else {
      logger.info({ module: "mail", transport: current.kind }, "mail transport ready");
    }
  }
  return current;
}

/**
 * The process's transport for mailings, built on first use: the same server and sender as
 * getMailTransport, but a pool of its own (mailingPoolOptions with SMTP_MAILING_CONNECTIONS),
 * shared by every mailing run of the process. A mailing keeps its pool busy for minutes; on its
 * own pool it does not delay an order's mail behind its queue. The process's connections to the
 * server are then up to SMTP_MAILING_CONNECTIONS plus the transactional pool's 5.
 */
export function getMailingTransport(): MailTransport {
  if (!mailing) {
    const env = getEnv();
    const base = replacedBy ?? { from: env.MAIL_FROM, smtpUrl: env.SMTP_URL };
    mailing = createMailTransport({ ...base, smtp: { ...base.smtp, ...mailingPoolOptions(env.SMTP_MAILING_CONNECTIONS) } });
  }
  return mailing;
}

/**
 * Replaces the process's transport (tests pointing at a local SMTP server), the mailings' with it;
 * `null` goes back to the environment's. The replaced transports' connections are closed.
 */
export function setMailTransport(config: MailTransportConfig | null): MailTransport | undefined {
  closeMailTransport();
  replacedBy = config ?? undefined;
  current = config ? createMailTransport(config) : undefined;
  return current;
}

/** Closes pooled SMTP connections (worker shutdown), the mailings' too; the next send reopens them from the environment. */
export function closeMailTransport() {
  if (current?.kind === "SMTP") current.transporter.close();
  if (mailing?.kind === "SMTP") mailing.transporter.close();
  current = undefined;
  mailing = undefined;
  replacedBy = undefined;
}
