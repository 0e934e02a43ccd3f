// What the app talks to during a crash test, recording everything that arrives: a real SMTP
// server (smtp-server, as tests/integration/mail.test.ts uses it) and an HTTP endpoint for the
// partners' postbacks. Both listen on 127.0.0.1 only.
import { createServer, type Server } from "node:http";
import { SMTPServer } from "smtp-server";
import { findFreePort } from "../../lib/db/embedded";

export interface ReceivedMail {
  messageId: string;
  to: string[];
  subject: string;
}

export interface SmtpCapture {
  url: string;
  /** Every accepted message, in arrival order (a resend of one Message-ID appears twice). */
  received: ReceivedMail[];
  close(): Promise<void>;
}

const headerOf = (raw: string, name: string) => {
  // Headers end at the first blank line; folded lines continue with whitespace.
  const end = raw.search(/\r?\n\r?\n/);
  const head = (end < 0 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, " ");
  return new RegExp(`^${name}:[ \\t]*(.*)$`, "mi").exec(head)?.[1]?.trim() ?? "";
};

export async function startSmtpCapture(): Promise<SmtpCapture> {
  const port = await findFreePort();
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    // Plain SMTP on loopback: no certificate to trust, no credentials to check.
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    // The worker's pool keeps connections open; many senders at once are fine.
    maxClients: 100,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({ messageId: headerOf(raw, "Message-ID"), to: session.envelope.rcptTo.map((address) => address.address.toLowerCase()), subject: headerOf(raw, "Subject") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  server.on("error", () => {});
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        // smtp-server's close waits for clients to leave; a killed worker's pool never says QUIT.
        const timer = setTimeout(resolve, 2_000);
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}

export interface ReceivedPostback {
  order: string;
  status: string;
  click: string;
  payout: string;
}

export interface PostbackReceiver {
  /** The URL template to store as a partner's postback URL. */
  template: string;
  received: ReceivedPostback[];
  close(): Promise<void>;
}

export async function startPostbackReceiver(): Promise<PostbackReceiver> {
  const port = await findFreePort();
  const received: ReceivedPostback[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/postback") {
      const value = (name: string) => url.searchParams.get(name) ?? "";
      received.push({ order: value("order"), status: value("status"), click: value("click"), payout: value("payout") });
      response.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    response.writeHead(404).end();
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    template: `http://127.0.0.1:${port}/postback?order={order_id}&status={status}&click={click_id}&payout={payout}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
