// Mailings against a real, migrated PostgreSQL and a real SMTP server (smtp-server on a free local
// port): a 5,000-recipient mailing whose sending process is SIGKILLed mid-way and resumed reaches
// every recipient exactly once and the unsubscribed never (asserted from what the server
// accepted); suppression at freeze and at send time; unsubscribe links (page and RFC 8058
// one-click), forged links; transactional mail not suppressed; empty audience; pause, resume,
// cancel and auto-pause; cross-access.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as oneClickPost } from "@/app/api/unsubscribe/[token]/route";
import { db, disconnectDb } from "@/lib/db";
import type { Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { messageIdFor, sendMail } from "@/lib/mail/send-mail";
import { mailFixtures } from "@/lib/mail/test-fixtures";
import { createMailTransport, type MailTransport } from "@/lib/mail/transport";
import { cancelMailing } from "@/lib/marketing/mailings/cancel-mailing";
import { countMailingAudience } from "@/lib/marketing/mailings/count-mailing-audience";
import { describeUnsubscribeLink } from "@/lib/marketing/mailings/describe-unsubscribe-link";
import { getMailingProgress } from "@/lib/marketing/mailings/get-mailing-progress";
import type { TMailingInput } from "@/lib/marketing/mailings/mailing-input";
import { pauseMailing } from "@/lib/marketing/mailings/pause-mailing";
import { resumeMailing } from "@/lib/marketing/mailings/resume-mailing";
import { runMailing } from "@/lib/marketing/mailings/run-mailing";
import { saveMailing } from "@/lib/marketing/mailings/save-mailing";
import { sendTestMailing } from "@/lib/marketing/mailings/send-test-mailing";
import { startMailing } from "@/lib/marketing/mailings/start-mailing";
import { unsubscribeRecipient } from "@/lib/marketing/mailings/unsubscribe-recipient";

const ROOT = path.resolve(import.meta.dirname, "../..");
const run = randomUUID().slice(0, 8);
const FROM = "Lavka Test <shop@lavka.test>";
const domain = `mailings-${run}.test`;
const address = (index: number) => `c${index}@${domain}`;

// ---- a local SMTP server that can stop answering ------------------------------------------

interface Accepted {
  to: string;
  raw: string;
}

interface LocalSmtp {
  url: string;
  accepted: Accepted[];
  /** Messages whose DATA arrived while holding: never answered, so never accepted. */
  held: number;
  hold: boolean;
  /** Refuse every message with this (auto-pause test). */
  refuse?: Error & { responseCode?: number };
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const bound = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!bound || typeof bound === "string") throw new Error("no port");
  return bound.port;
}

async function startSmtp(): Promise<LocalSmtp> {
  const port = await freePort();
  const local: LocalSmtp = {
    url: `smtp://127.0.0.1:${port}`,
    accepted: [],
    held: 0,
    hold: false,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    size: 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        // The sender's process is about to be killed: the transfer is complete but the reply
        // (the acceptance) never comes — a mail in flight at the crash.
        if (local.hold) {
          local.held += 1;
          return;
        }
        if (local.refuse) return callback(local.refuse);
        for (const rcpt of session.envelope.rcptTo) local.accepted.push({ to: rcpt.address, raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  server.on("error", () => {});
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return local;
}

/** A header's value, unfolded (long headers continue on indented lines). */
const header = (raw: string, name: string) => new RegExp(`^${name}: (.*)$`, "mi").exec(raw.split("\r\n\r\n")[0]!.replace(/\r?\n[ \t]+/g, " "))?.[1]?.trim();

// ---- fixtures ---------------------------------------------------------------------------

const users = {} as Record<Role, { id: string; role: Role }>;
const actor = (role: Role = "MANAGER") => users[role];
let smtp: LocalSmtp;
const children: ChildProcess[] = [];
const transports: MailTransport[] = [];
function smtpTransport(): MailTransport {
  const transport = createMailTransport({ from: FROM, smtpUrl: smtp.url });
  transports.push(transport);
  return transport;
}

const content = {
  subject: "Распродажа",
  body: "## Скидки\n\nТолько до пятницы: [в магазин](https://shop.example/sale).",
  subjectEn: "Sale",
  bodyEn: "## Discounts\n\nUntil Friday: [shop now](https://shop.example/sale).",
};

async function createCustomers(tag: string, count: number, from = 0) {
  await db.$executeRaw`
    INSERT INTO "Customer" (id, name, email, "emailNormalized", locale, tags, "updatedAt")
    SELECT ${`cu-${run}-${tag}-`} || i, 'Клиент ' || i, 'C' || i || ${`@${domain}`}, 'c' || i || ${`@${domain}`},
           CASE WHEN i % 2 = 0 THEN 'en' ELSE 'ru' END, ARRAY[${tag}]::text[], now()
    FROM generate_series(${from}::int, ${from + count - 1}::int) AS i`;
}

async function draft(tag: string, extra: Partial<TMailingInput> = {}) {
  return (await saveMailing({ name: `Mailing ${tag}`, audience: { kind: "customers", tag }, ...content, ratePerSecond: 1000, ...extra }, actor())).id;
}

const unsubscribe = (emails: string[]) => db.unsubscribe.createMany({ data: emails.map((email) => ({ email, reason: "test" })) });

beforeAll(async () => {
  smtp = await startSmtp();
  for (const role of ["OWNER", "MANAGER", "OPERATOR", "LOGISTICS", "ACCOUNTANT"] as const) {
    users[role] = await db.user.create({ data: { email: `${role.toLowerCase()}-${run}@mailings.test`, name: `${role} ${run}`, passwordHash: "x", role }, select: { id: true, role: true } });
  }
});

afterAll(async () => {
  // A failed test may leave its sending child running: it must not mail the other tests' server.
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const transport of transports) if (transport.kind === "SMTP") transport.transporter.close();
  await smtp.close();
  await db.mailing.deleteMany({ where: { createdById: { in: Object.values(users).map((user) => user.id) } } });
  await db.unsubscribe.deleteMany({ where: { email: { endsWith: `@${domain}` } } });
  await db.mailMessage.deleteMany({ where: { toAddress: { endsWith: `@${domain}` } } });
  await db.customer.deleteMany({ where: { id: { startsWith: `cu-${run}-` } } });
  await db.user.deleteMany({ where: { id: { in: Object.values(users).map((user) => user.id) } } });
  await disconnectDb();
});

// ---- tests ------------------------------------------------------------------------------

describe("a mailing of 5,000 killed mid-way and resumed", () => {
  it("reaches every recipient exactly once and the unsubscribed never", { timeout: 240_000 }, async () => {
    const tag = `big-${run}`;
    await createCustomers(tag, 5_000);
    // 40 left before the freeze (never frozen), 40 after it (skipped when their turn comes).
    const before = Array.from({ length: 40 }, (_, i) => address(i * 97 + 1));
    const after = Array.from({ length: 40 }, (_, i) => address(i * 23 + 4_000));
    await unsubscribe(before);
    const mailingId = await draft(tag);
    expect(await countMailingAudience({ kind: "customers", tag }, actor())).toBe(4_960);
    expect(await startMailing(mailingId, actor())).toEqual({ recipients: 4_960 });
    await unsubscribe(after);

    // The run in a child process, killed once the server has accepted 2,000 mails: from then on
    // the server stops answering (mails in flight stay unaccepted), and once the run has written
    // back every accepted mail, SIGKILL.
    // node itself with tsx as a loader: the tsx command would run the script in a grandchild,
    // which a SIGKILL of the command leaves running.
    const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/run-mailing-child.ts", mailingId, smtp.url], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: "silent", MAIL_FROM: FROM },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let childOutput = "";
    child.stdout.on("data", (chunk: Buffer) => (childOutput += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (childOutput += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
    children.push(child);

    let acceptedAtKill = 0;
    const stopChild = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    };
    // Generous: the child's start (tsx, imports) takes seconds on a busy machine.
    const deadline = Date.now() + 150_000;
    await waitForKillPoint().catch((error: unknown) => {
      stopChild();
      throw error;
    });
    async function waitForKillPoint() {
      while (smtp.accepted.length < 2_000) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the child did not get going: ${childOutput}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      smtp.hold = true;
      acceptedAtKill = smtp.accepted.length;
      for (;;) {
        const { sent } = await getMailingProgress(mailingId, actor());
        // …and once a mail is in flight for sure: transferred, its acceptance held back (on a
        // busy machine the write-back could otherwise come first).
        if (sent === acceptedAtKill && smtp.held > 0) break;
        if (Date.now() > deadline) throw new Error(`write-back stalled at ${sent} of ${acceptedAtKill}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    // Killed mid-way: mails were in flight (claimed, transferred, never accepted).
    const inFlight = await db.mailingRecipient.count({ where: { mailingId, status: "SENDING" } });
    expect(inFlight).toBeGreaterThan(0);
    expect(smtp.held).toBeGreaterThan(0);
    const midway = await getMailingProgress(mailingId, actor());
    expect(midway.status).toBe("SENDING");
    expect(midway.sent).toBe(acceptedAtKill);
    expect(midway.toSend).toBeGreaterThan(1_000);

    // Resumed (the job's retry does the same): the run lock of the dead process is gone at once.
    smtp.hold = false;
    expect(await runMailing(mailingId, { transport: smtpTransport() })).toBe("finished");

    const counts = new Map<string, number>();
    for (const mail of smtp.accepted) counts.set(mail.to, (counts.get(mail.to) ?? 0) + 1);
    const suppressed = new Set([...before, ...after]);
    const expected = Array.from({ length: 5_000 }, (_, i) => address(i)).filter((email) => !suppressed.has(email));
    expect(smtp.accepted.length).toBe(expected.length);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(expected.every((email) => counts.get(email) === 1)).toBe(true);
    expect([...suppressed].some((email) => counts.has(email))).toBe(false);

    const progress = await getMailingProgress(mailingId, actor());
    expect(progress).toMatchObject({ status: "SENT", recipients: 4_960, sent: 4_920, failed: 0, skipped: 40, toSend: 0 });
    expect(await db.mailingRecipient.groupBy({ by: ["status"], where: { mailingId }, _count: true })).toEqual(
      expect.arrayContaining([
        { status: "SENT", _count: 4_920 },
        { status: "SKIPPED", _count: 40 },
      ]),
    );

    // Each mail: its locale, the unsubscribe headers, a Message-ID derived from the recipient.
    const ru = smtp.accepted.find((mail) => mail.to === address(3))!;
    const en = smtp.accepted.find((mail) => mail.to === address(2))!;
    expect(header(ru.raw, "Subject")).toContain("=?UTF-8?"); // «Распродажа», encoded
    expect(header(en.raw, "Subject")).toBe("Sale");
    expect(header(en.raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(header(en.raw, "List-Unsubscribe")).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}>/);
    const recipient = await db.mailingRecipient.findUniqueOrThrow({ where: { mailingId_email: { mailingId, email: address(2) } }, select: { id: true, messageId: true } });
    expect(header(en.raw, "Message-ID")).toBe(messageIdFor(`mailing:${mailingId}:${recipient.id}`, FROM));
    expect(recipient.messageId).toBe(header(en.raw, "Message-ID"));
  });
});

describe("unsubscribing", () => {
  let mailingId: string;
  let oneClickUrl: string;
  let pageToken: string;
  const tag = `unsub-${run}`;

  beforeAll(async () => {
    await createCustomers(tag, 3, 10_000);
    mailingId = await draft(tag);
    await startMailing(mailingId, actor());
    smtp.accepted.length = 0;
    expect(await runMailing(mailingId, { transport: smtpTransport() })).toBe("finished");
    const mail = smtp.accepted.find((accepted) => accepted.to === address(10_000))!;
    oneClickUrl = /<([^>]+)>/.exec(header(mail.raw, "List-Unsubscribe")!)![1]!;
    pageToken = oneClickUrl.split("/").at(-1)!;
  });

  it("by the one-click POST without cookies (RFC 8058), idempotently", async () => {
    const post = () =>
      oneClickPost(new Request(oneClickUrl, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } }), {
        params: Promise.resolve({ token: pageToken }),
      });
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(200);
    const rows = await db.unsubscribe.findMany({ where: { email: address(10_000) }, select: { mailingId: true } });
    expect(rows).toEqual([{ mailingId }]);
    expect((await getMailingProgress(mailingId, actor())).unsubscribed).toBe(1);
  });

  it("by the page's confirm, and says when it already was", async () => {
    const recipient = await db.mailingRecipient.findUniqueOrThrow({ where: { mailingId_email: { mailingId, email: address(10_001) } }, select: { id: true } });
    const { signUnsubscribeToken } = await import("@/lib/marketing/mailings/unsubscribe-token");
    const token = signUnsubscribeToken(recipient.id);
    expect(await describeUnsubscribeLink(token)).toEqual({ email: `c***@${domain}`, alreadyUnsubscribed: false });
    expect(await unsubscribeRecipient(token)).toEqual({ email: `c***@${domain}`, added: true });
    expect(await unsubscribeRecipient(token)).toEqual({ email: `c***@${domain}`, added: false });
    expect(await describeUnsubscribeLink(token)).toMatchObject({ alreadyUnsubscribed: true });
  });

  it("refuses a forged link and changes nothing", async () => {
    const forged = `${pageToken.split(".")[0]!.replace(/.$/, (char) => (char === "a" ? "b" : "a"))}.${pageToken.split(".")[1]}`;
    const before = await db.unsubscribe.count();
    await expect(unsubscribeRecipient(forged)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(unsubscribeRecipient("garbage")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const response = await oneClickPost(new Request(`http://localhost:3000/api/unsubscribe/${forged}`, { method: "POST", body: "List-Unsubscribe=One-Click" }), {
      params: Promise.resolve({ token: forged }),
    });
    expect(response.status).toBe(404);
    expect(await db.unsubscribe.count()).toBe(before);
  });

  it("keeps the next mailing from the unsubscribed, while order mail still reaches them", async () => {
    const next = await draft(tag);
    expect(await startMailing(next, actor())).toEqual({ recipients: 1 });
    smtp.accepted.length = 0;
    await runMailing(next, { transport: smtpTransport() });
    expect(smtp.accepted.map((mail) => mail.to)).toEqual([address(10_002)]);

    smtp.accepted.length = 0;
    await sendMail(
      { idempotencyKey: `test:${run}:order-mail`, to: address(10_000), template: "order-confirm", props: mailFixtures["order-confirm"], locale: "ru" },
      { transport: smtpTransport() },
    );
    expect(smtp.accepted.map((mail) => mail.to)).toEqual([address(10_000)]);
  });
});

describe("starting, pausing and failing", () => {
  it("refuses an empty audience and starts nothing", async () => {
    const mailingId = await draft(`nobody-${run}`);
    const error = await startMailing(mailingId, actor()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "VALIDATION", fieldErrors: { audience: ["mailings.errors.emptyAudience"] } });
    expect(await db.mailing.findUniqueOrThrow({ where: { id: mailingId }, select: { status: true } })).toEqual({ status: "DRAFT" });
    expect(await db.mailingRecipient.count({ where: { mailingId } })).toBe(0);
    expect(await db.outboxEvent.count({ where: { payload: { path: ["mailingId"], equals: mailingId } } })).toBe(0);
  });

  it("starts once, queues one job, and edits only drafts", async () => {
    const tag = `once-${run}`;
    await createCustomers(tag, 2, 20_000);
    const mailingId = await draft(tag);
    const results = await Promise.allSettled([startMailing(mailingId, actor()), startMailing(mailingId, actor())]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.outboxEvent.count({ where: { payload: { path: ["mailingId"], equals: mailingId } } })).toBe(1);
    await expect(saveMailing({ name: "x", audience: { kind: "partners" }, ...content }, actor(), mailingId)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("pauses after N failures in a row, resumes with the failed retried, and cancels", async () => {
    const tag = `fail-${run}`;
    await createCustomers(tag, 30, 30_000);
    const mailingId = await draft(tag, { maxConsecutiveFailures: 5, ratePerSecond: 200 });
    await startMailing(mailingId, actor());
    smtp.refuse = Object.assign(new Error("Mailbox unavailable"), { responseCode: 451 });
    try {
      expect(await runMailing(mailingId, { transport: smtpTransport(), concurrency: 1 })).toBe("paused");
    } finally {
      smtp.refuse = undefined;
    }
    const paused = await getMailingProgress(mailingId, actor());
    expect(paused).toMatchObject({ status: "PAUSED", pauseReason: "failures", failed: 5, sent: 0 });
    // Claimed but unsent rows went back to the queue.
    expect(await db.mailingRecipient.count({ where: { mailingId, status: "SENDING" } })).toBe(0);
    // A paused mailing's job run does nothing.
    expect(await runMailing(mailingId, { transport: smtpTransport() })).toBe("not-sending");

    await resumeMailing(mailingId, actor());
    smtp.accepted.length = 0;
    expect(await runMailing(mailingId, { transport: smtpTransport() })).toBe("finished");
    expect(new Set(smtp.accepted.map((mail) => mail.to)).size).toBe(30);
    expect(await getMailingProgress(mailingId, actor())).toMatchObject({ status: "SENT", sent: 30, failed: 0 });

    await expect(pauseMailing(mailingId, actor())).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(cancelMailing(mailingId, actor())).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("stops a cancelled mailing and leaves the rest unsent", async () => {
    const tag = `cancel-${run}`;
    await createCustomers(tag, 5, 40_000);
    const mailingId = await draft(tag);
    await startMailing(mailingId, actor());
    await pauseMailing(mailingId, actor());
    await cancelMailing(mailingId, actor());
    smtp.accepted.length = 0;
    expect(await runMailing(mailingId, { transport: smtpTransport() })).toBe("not-sending");
    expect(smtp.accepted).toHaveLength(0);
    expect(await getMailingProgress(mailingId, actor())).toMatchObject({ status: "CANCELLED", sent: 0, toSend: 0 });
    await expect(resumeMailing(mailingId, actor())).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("captures each recipient's mail in the database without SMTP", async () => {
    const tag = `capture-${run}`;
    await createCustomers(tag, 4, 50_000);
    const mailingId = await draft(tag);
    await startMailing(mailingId, actor());
    expect(await runMailing(mailingId, { transport: createMailTransport({ from: FROM }) })).toBe("finished");
    const mails = await db.mailMessage.findMany({ where: { idempotencyKey: { startsWith: `mailing:${mailingId}:` } }, select: { toAddress: true, subject: true, text: true, status: true } });
    expect(mails).toHaveLength(4);
    expect(mails.every((mail) => mail.status === "SENT" && /\/unsubscribe\/mr[0-9a-f]+\./.test(mail.text))).toBe(true);
    expect(mails.find((mail) => mail.toAddress === address(50_000))?.subject).toBe("Sale");
    expect(mails.find((mail) => mail.toAddress === address(50_001))?.subject).toBe("Распродажа");
  });

  it("test-sends a draft to a typed address in the chosen locale", async () => {
    const mailingId = await draft(`test-send-${run}`);
    await sendTestMailing(mailingId, { to: `tester@${domain}`, locale: "en" }, actor());
    const mail = await db.mailMessage.findFirstOrThrow({ where: { toAddress: `tester@${domain}` }, select: { subject: true, template: true } });
    expect(mail).toEqual({ subject: "Sale", template: "mailing" });
    await expect(sendTestMailing(mailingId, { to: "not-an-address", locale: "en" }, actor())).rejects.toMatchObject({ name: "ZodError" });
  });
});

describe("access", () => {
  it("lets MANAGER and OWNER in and nobody else", async () => {
    const tag = `access-${run}`;
    const mailingId = await draft(tag);
    for (const role of ["OPERATOR", "LOGISTICS", "ACCOUNTANT"] as const) {
      const who = actor(role);
      const refused = [
        saveMailing({ name: "x", audience: { kind: "partners" }, ...content }, who),
        saveMailing({ name: "x", audience: { kind: "partners" }, ...content }, who, mailingId),
        countMailingAudience({ kind: "partners" }, who),
        startMailing(mailingId, who),
        pauseMailing(mailingId, who),
        resumeMailing(mailingId, who),
        cancelMailing(mailingId, who),
        getMailingProgress(mailingId, who),
        sendTestMailing(mailingId, { to: `x@${domain}`, locale: "ru" }, who),
      ];
      for (const attempt of refused) await expect(attempt).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(getMailingProgress(mailingId, actor("OWNER"))).resolves.toMatchObject({ status: "DRAFT" });
    await expect(getMailingProgress("no-such-mailing", actor("OWNER"))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
