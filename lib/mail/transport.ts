// How mail leaves the process, chosen once from the environment:
// - SMTP_URL set → nodemailer's pooled SMTP transport (a few kept-alive connections shared by
//   every send of the process);
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

let current: MailTransport | undefined;

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
 * Replaces the process's transport (tests pointing at a local SMTP server); `null` goes back to
 * the environment's. The replaced transport's connections are closed.
 */
export function setMailTransport(config: MailTransportConfig | null): MailTransport | undefined {
  closeMailTransport();
  current = config ? createMailTransport(config) : undefined;
  return current;
}

/** Closes pooled SMTP connections (worker shutdown); the next send reopens them. */
export function closeMailTransport() {
  if (current?.kind === "SMTP") current.transporter.close();
  current = undefined;
}
