// The mail layer against a real, migrated PostgreSQL and a real SMTP server (smtp-server on a
// free local port): capture, delivery, exactly-once under retries and concurrency, failures.
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sendMailJob, ZSendMailPayload } from "@/lib/mail/jobs/send-mail";
import { getMailMessageOrThrow, listMailMessages } from "@/lib/mail/list-mail";
import { MailDeliveryError, messageIdFor, sendMail, type SendMailInput } from "@/lib/mail/send-mail";
import { fixtureLinks, mailFixtures } from "@/lib/mail/test-fixtures";
import { closeMailTransport, createMailTransport, setMailTransport, type MailTransport } from "@/lib/mail/transport";

const run = randomUUID().slice(0, 8);
const FROM = "Lavka Test <shop@lavka.test>";
const recipientDomain = `mail-${run}.lavka.test`;
const key = (name: string) => `test:${run}:${name}`;
const to = (name: string) => `${name}@${recipientDomain}`;

// ---- a local SMTP server -------------------------------------------------------------------

interface ReceivedMessage {
  rcptTo: string[];
  raw: string;
}

interface LocalSmtp {
  port: number;
  url: string;
  received: ReceivedMessage[];
  /** Return an error to refuse the next message's DATA (with its responseCode). */
  refuse?: () => (Error & { responseCode?: number }) | undefined;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

async function startSmtp(port?: number): Promise<LocalSmtp> {
  const listenPort = port ?? (await freePort());
  const local: LocalSmtp = {
    port: listenPort,
    url: `smtp://127.0.0.1:${listenPort}`,
    received: [],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    // Plain SMTP on loopback: no certificate to trust, no credentials to check.
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const refusal = local.refuse?.();
        if (refusal) return callback(refusal);
        local.received.push({ rcptTo: session.envelope.rcptTo.map((address) => address.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(listenPort, "127.0.0.1", () => resolve());
  });
  return local;
}

/** Enough of MIME for the assertions: one part's decoded body by content type. */
function mimePart(raw: string, contentType: "text/plain" | "text/html"): string {
  const boundary = /boundary="?([^";\r\n]+)"?/.exec(raw)?.[1];
  const start = raw.indexOf(`Content-Type: ${contentType}`);
  if (!boundary || start < 0) throw new Error(`no ${contentType} part in:\n${raw}`);
  const headersEnd = raw.indexOf("\r\n\r\n", start);
  const headers = raw.slice(start, headersEnd);
  const bodyEnd = raw.indexOf(`\r\n--${boundary}`, headersEnd);
  const body = raw.slice(headersEnd + 4, bodyEnd < 0 ? undefined : bodyEnd);
  if (/Content-Transfer-Encoding: base64/i.test(headers)) return Buffer.from(body, "base64").toString("utf8");
  if (/Content-Transfer-Encoding: quoted-printable/i.test(headers)) {
    const bytes = body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

// Intl puts (narrow) no-break spaces into formatted money; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
const header = (raw: string, name: string) => new RegExp(`^${name}: (.*)$`, "mi").exec(raw)?.[1]?.trim();

// ---- fixtures ----------------------------------------------------------------------------

const orderConfirm = (name: string): SendMailInput => ({
  idempotencyKey: key(name),
  to: to(name),
  template: "order-confirm",
  props: mailFixtures["order-confirm"],
  locale: "en",
});
const confirmUrl = fixtureLinks["order-confirm"][0]!;

const transports: MailTransport[] = [];
function smtpTransport(url: string): MailTransport {
  const transport = createMailTransport({ from: FROM, smtpUrl: url });
  transports.push(transport);
  return transport;
}
const capture = createMailTransport({ from: FROM });

const rowOf = (name: string) => db.mailMessage.findUniqueOrThrow({ where: { idempotencyKey: key(name) } });

let smtp: LocalSmtp;

beforeAll(async () => {
  smtp = await startSmtp();
});

afterEach(() => {
  smtp.received.length = 0;
  smtp.refuse = undefined;
});

afterAll(async () => {
  for (const transport of transports) if (transport.kind === "SMTP") transport.transporter.close();
  closeMailTransport();
  await smtp.close();
  await db.mailMessage.deleteMany({ where: { idempotencyKey: { startsWith: `test:${run}:` } } });
  await disconnectDb();
});

// ---- tests -------------------------------------------------------------------------------

describe("capture transport", () => {
  it("stores the rendered message and marks it SENT at once, without any network", async () => {
    const mail = await sendMail({ ...orderConfirm("capture"), locale: "ru" }, { transport: capture });
    expect(mail).toMatchObject({ status: "SENT", transport: "CAPTURE", attempts: 1, subject: "Подтвердите заказ №1042", toAddress: to("capture") });
    expect(mail.sentAt).toBeInstanceOf(Date);

    const row = await rowOf("capture");
    expect(row).toMatchObject({ template: "order-confirm", locale: "ru", fromAddress: FROM, providerMessageId: null, error: null });
    expect(row.html).toContain(`href="${confirmUrl}"`);
    expect(row.text).toContain(confirmUrl);
    expect(plain(row.text)).toContain("5 440,00 ₽"); // 544000 RUB
    expect(smtp.received).toHaveLength(0);
  });

  it("returns the stored mail on a repeat instead of capturing it again", async () => {
    const first = await sendMail(orderConfirm("capture-repeat"), { transport: capture });
    const second = await sendMail(orderConfirm("capture-repeat"), { transport: capture });
    expect(second).toEqual(first);
    expect(second.attempts).toBe(1);
  });
});

describe("SMTP transport", () => {
  it("delivers one message with both parts, the right headers and a Message-ID derived from the key", async () => {
    const transport = smtpTransport(smtp.url);
    const mail = await sendMail(orderConfirm("smtp"), { transport });

    expect(mail).toMatchObject({ status: "SENT", transport: "SMTP", attempts: 1, error: null, providerMessageId: messageIdFor(key("smtp"), FROM) });
    expect(smtp.received).toHaveLength(1);
    const [message] = smtp.received;
    expect(message!.rcptTo).toEqual([to("smtp")]);
    expect(header(message!.raw, "To")).toBe(to("smtp"));
    expect(header(message!.raw, "From")).toBe(FROM);
    expect(header(message!.raw, "Subject")).toBe("Please confirm your order #1042");
    expect(header(message!.raw, "Message-ID")).toBe(messageIdFor(key("smtp"), FROM));
    expect(message!.raw).toMatch(/Content-Type: multipart\/alternative/);

    const text = mimePart(message!.raw, "text/plain");
    const html = mimePart(message!.raw, "text/html");
    expect(text).toContain(`Confirm my order ${confirmUrl}`);
    expect(plain(text)).toContain("RUB 5,440.00"); // 544000 RUB
    expect(html).toContain(`href="${confirmUrl}"`);

    // What was sent is what the admin panel shows.
    const row = await rowOf("smtp");
    expect(row.text).toBe(text.replace(/\r\n/g, "\n").trimEnd());
  });

  it("sends a mailing's List-Unsubscribe header", async () => {
    const transport = smtpTransport(smtp.url);
    await sendMail({ idempotencyKey: key("mailing"), to: to("mailing"), template: "message", props: mailFixtures.message, locale: "ru" }, { transport });
    expect(header(smtp.received[0]!.raw, "List-Unsubscribe")).toBe(`<${fixtureLinks.message[1]}>`);
  });
});

describe("exactly once", () => {
  it("does not send again when sendMail is called twice with one key", async () => {
    const transport = smtpTransport(smtp.url);
    const first = await sendMail(orderConfirm("twice"), { transport });
    const second = await sendMail(orderConfirm("twice"), { transport });
    expect(smtp.received).toHaveLength(1);
    expect(second).toEqual(first);
  });

  it("sends once when several workers get the same mail at the same moment", async () => {
    const transport = smtpTransport(smtp.url);
    const results = await Promise.all(Array.from({ length: 5 }, () => sendMail(orderConfirm("concurrent"), { transport })));
    expect(smtp.received).toHaveLength(1);
    expect(new Set(results.map((mail) => mail.id)).size).toBe(1);
    expect(results.every((mail) => mail.status === "SENT" && mail.attempts === 1)).toBe(true);
  });

  it("the mail.send job run twice (a queue retry) sends once, on the process's transport", async () => {
    setMailTransport({ from: FROM, smtpUrl: smtp.url });
    // As the worker does: the payload is re-validated from its JSON form before the handler runs.
    const payload = ZSendMailPayload.parse(JSON.parse(JSON.stringify(orderConfirm("job"))));
    const context = { jobId: `outbox-${run}`, log: () => {} };
    await sendMailJob.handle(payload, { ...context, attempt: 1 });
    await sendMailJob.handle(payload, { ...context, attempt: 2 });
    expect(smtp.received).toHaveLength(1);
    expect(await rowOf("job")).toMatchObject({ status: "SENT", transport: "SMTP", attempts: 1 });
  });

  it("refuses a key reused for a different recipient, changing nothing", async () => {
    await sendMail(orderConfirm("conflict"), { transport: capture });
    // A SENT row would short-circuit before the check; make it pending to reach it.
    await db.mailMessage.update({ where: { idempotencyKey: key("conflict") }, data: { status: "FAILED" } });
    const error = await sendMail({ ...orderConfirm("conflict"), to: to("someone-else") }, { transport: capture }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("CONFLICT");
    expect(await rowOf("conflict")).toMatchObject({ toAddress: to("conflict"), status: "FAILED", attempts: 1 });
  });
});

describe("failures", () => {
  it("records FAILED when the server is down, throws for the queue, then sends once when it is back", async () => {
    const port = await freePort(); // nothing listens here yet
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`);

    const error = await sendMail(orderConfirm("down"), { transport }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(MailDeliveryError);
    const failed = await rowOf("down");
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1, sentAt: null, providerMessageId: null });
    expect(failed.error).toMatch(/ECONNREFUSED|ECONNECTION/);

    const revived = await startSmtp(port);
    try {
      const mail = await sendMail(orderConfirm("down"), { transport });
      expect(mail).toMatchObject({ status: "SENT", attempts: 2, error: null });
      await sendMail(orderConfirm("down"), { transport });
      expect(revived.received).toHaveLength(1);
      expect(header(revived.received[0]!.raw, "Message-ID")).toBe(messageIdFor(key("down"), FROM));
    } finally {
      // smtp-server's close waits for clients to leave; the pool keeps its connection open.
      if (transport.kind === "SMTP") transport.transporter.close();
      await revived.close();
    }
  });

  it("records the server's refusal with its reply code, then a retry sends exactly once", async () => {
    const transport = smtpTransport(smtp.url);
    smtp.refuse = () => Object.assign(new Error("Mailbox busy, try later"), { responseCode: 451 });

    await expect(sendMail(orderConfirm("refused"), { transport })).rejects.toBeInstanceOf(MailDeliveryError);
    const failed = await rowOf("refused");
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(failed.error).toContain("451");
    expect(smtp.received).toHaveLength(0);

    smtp.refuse = undefined;
    const mail = await sendMail(orderConfirm("refused"), { transport });
    expect(mail).toMatchObject({ status: "SENT", attempts: 2, error: null });
    await sendMail(orderConfirm("refused"), { transport });
    expect(smtp.received).toHaveLength(1);
  });
});

describe("captured mail pages (list and detail)", () => {
  it("pages newest first by (createdAt, id) without bodies, filters, and loads one message with its bodies", async () => {
    for (const name of ["list-a", "list-b", "list-c", "list-d", "list-e"]) {
      await sendMail({ idempotencyKey: key(name), to: to(name), template: "password-reset", props: mailFixtures["password-reset"], locale: "en" }, { transport: capture });
    }
    const expected = await db.mailMessage.findMany({
      where: { toAddress: { endsWith: `@${recipientDomain}` }, template: "password-reset" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(expected).toHaveLength(5);

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listMailMessages({ to: recipientDomain.toUpperCase(), template: "password-reset", limit: 2, cursor });
      for (const item of page.items) {
        expect(item).not.toHaveProperty("html");
        expect(item).not.toHaveProperty("text");
        expect(item).toMatchObject({ status: "SENT", transport: "CAPTURE", subject: "Reset your password" });
      }
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(expected.map((row) => row.id));

    expect((await listMailMessages({ to: recipientDomain, template: "password-reset", status: "FAILED" })).items).toHaveLength(0);
    expect((await listMailMessages({ to: to("list-c") })).items.map((item) => item.toAddress)).toEqual([to("list-c")]);

    const detail = await getMailMessageOrThrow(seen[0]!);
    expect(detail.html).toContain(`href="${fixtureLinks["password-reset"][0]}"`);
    expect(detail.text).toContain(fixtureLinks["password-reset"][0]);
  });

  it("answers 404 for an unknown id and 422 for a forged cursor", async () => {
    await expect(getMailMessageOrThrow("no-such-mail")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listMailMessages({ cursor: "bm90IGEgY3Vyc29y" })).rejects.toMatchObject({ name: "ZodError" });
  });
});
