// Postbacks end to end against a REAL HTTP server on 127.0.0.1 that records every request and
// answers as each test plans: an attributed order and its status changes queue "partner.postback"
// jobs in the outbox; the jobs run through the worker's processor (payload re-validated, attempt
// numbers as BullMQ gives them), send the partner's URL with the macros filled in, log every
// attempt, throw on a non-2xx so the queue retries, and can be replayed.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Job, UnrecoverableError } from "bullmq";
import type * as NextAuthModule from "next-auth";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as replayRoute } from "@/app/api/admin/postbacks/[id]/replay/route";
import { POSTBACK_EXCERPT_MAX_CHARS, sendPostbackJob, type TSendPostbackPayload } from "@/lib/affiliates/postbacks/jobs/send-postback";
import { queuePostback } from "@/lib/affiliates/postbacks/queue-postback";
import { replayPostback } from "@/lib/affiliates/postbacks/replay-postback";
import { validatePostbackUrl } from "@/lib/affiliates/postbacks/validate-postback-url";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { changeOrderStatus } from "@/lib/orders/change-order-status";
import { createQueueRuntime } from "@/lib/queue/backend";
import { relayOutbox } from "@/lib/queue/relay";
import { createJobProcessor, startJobWorker } from "@/lib/queue/worker";

// The route handler reads the session through next-auth; the tests choose who is signed in.
const session = vi.hoisted(() => ({ current: null as null | { actor: unknown } }));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<typeof NextAuthModule>()), getServerSession: async () => session.current }));

const fixtures = checkoutFixtures("aff-pb");
const run = randomUUID().slice(0, 8);
/** The job name the queue test gives its order's row, so that no other row is relayed with it. */
const QUEUE_TEST_JOB = `partner.postback.test-${run}`;
const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
const processJob = createJobProcessor([sendPostbackJob], silent);
const partnerIds: string[] = [];
let slug = "";
let productId = "";

// ── The partner's server ─────────────────────────────────────────────────────────────────────
interface Planned {
  status: number;
  body?: string;
}
const received: { path: string; query: URLSearchParams; userAgent: string | undefined }[] = [];
const plan: Planned[] = [];
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    received.push({ path: url.pathname, query: url.searchParams, userAgent: request.headers["user-agent"] });
    const next = plan.shift() ?? { status: 200, body: "OK" };
    response.writeHead(next.status, { "content-type": "text/plain; charset=utf-8" });
    response.end(next.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  await ensureCheckoutReferenceData();
  const product = await fixtures.createProduct();
  slug = product.slug;
  productId = product.id;
});

beforeEach(() => {
  received.length = 0;
  plan.length = 0;
});

afterAll(async () => {
  const orders = await db.order.findMany({ where: { partnerId: { in: partnerIds } }, select: { id: true } });
  const orderIds = orders.map((order) => order.id);
  const logIds = (await db.postbackLog.findMany({ where: { partnerId: { in: partnerIds } }, select: { id: true } })).map((log) => String(log.id));
  await db.$executeRaw`
    DELETE FROM "OutboxEvent" WHERE "jobName" = ANY(${["partner.postback", QUEUE_TEST_JOB]}::text[])
      AND (payload->>'orderId' = ANY(${orderIds}::text[]) OR payload->>'replayOfLogId' = ANY(${logIds}::text[]))`;
  await db.partnerLedgerEntry.deleteMany({ where: { partnerId: { in: partnerIds } } });
  await db.commission.deleteMany({ where: { orderId: { in: orderIds } } });
  await fixtures.cleanup();
  await db.partner.deleteMany({ where: { id: { in: partnerIds } } });
  await db.user.deleteMany({ where: { email: { endsWith: `@${run}.postbacks.test` } } });
  await new Promise((resolve) => server.close(resolve));
  await disconnectDb();
});

// ── Helpers ──────────────────────────────────────────────────────────────────────────────────
async function createPartner(suffix: string, postbackUrl: string | null) {
  const login = `pb_${run}_${suffix}`;
  const partner = await db.partner.create({
    data: { login, email: `${login}@partners.test`, name: `Partner ${suffix}`, passwordHash: "x", status: "ACTIVE", postbackUrl },
    select: { id: true, login: true },
  });
  partnerIds.push(partner.id);
  return partner;
}

async function createClick(partnerId: string) {
  return db.click.create({ data: { partnerId, productId, sub1: "tg&x=1", fingerprintHash: `fp-${randomUUID()}` }, select: { id: true } });
}

async function placeAttributedOrder(partnerId: string, attribution: { clickId?: bigint; sub1?: string; sub2?: string } = {}) {
  const result = await placeOrder(fixtures.input(slug), { ip: fixtures.ip(), attribution: { partnerId, ...attribution } });
  return result.order;
}

/** Payloads of the partner.postback outbox rows of an order, oldest first. */
async function postbackJobsOf(orderId: string) {
  const rows = await db.$queryRaw<{ payload: TSendPostbackPayload }[]>`
    SELECT payload FROM "OutboxEvent" WHERE "jobName" = 'partner.postback' AND payload->>'orderId' = ${orderId} ORDER BY "createdAt", id`;
  return rows.map((row) => row.payload);
}

/** Runs the job as the worker would, on its attempt-th try (BullMQ's attemptsMade = attempt - 1). */
function runJob(payload: TSendPostbackPayload, attempt = 1) {
  const job = { name: "partner.postback", id: `outbox-test-${randomUUID()}`, data: JSON.parse(JSON.stringify(payload)), attemptsMade: attempt - 1 };
  return processJob(job as unknown as Job);
}

function logsOf(orderId: string) {
  return db.postbackLog.findMany({
    where: { orderId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      partnerId: true,
      event: true,
      orderStatus: true,
      url: true,
      statusCode: true,
      responseTimeMs: true,
      responseExcerpt: true,
      error: true,
      attempt: true,
      isReplay: true,
    },
  });
}

const macroTemplate = (path: string) =>
  `${base}/${path}?order={order_id}&click={click_id}&s1={sub1}&s2={sub2}&s3={sub3}&status={status}&payout={payout}&cur={currency}&product={product_id}&typo={subid}`;

// ── Tests ────────────────────────────────────────────────────────────────────────────────────
describe("postbacks", () => {
  it("queues one on order creation and sends the URL with every macro substituted and encoded", async () => {
    const partner = await createPartner("macros", macroTemplate("created"));
    const click = await createClick(partner.id);
    const order = await placeAttributedOrder(partner.id, { clickId: click.id, sub1: "tg&x=1", sub2: "пост 42" });

    const jobs = await postbackJobsOf(order.id);
    expect(jobs).toEqual([expect.objectContaining({ orderId: order.id, event: "order.created", status: order.status })]);

    // The commission (written by the commissions hook, or here) is what {payout} reports.
    await db.commission.upsert({
      where: { orderId_level: { orderId: order.id, level: 0 } },
      create: { orderId: order.id, partnerId: partner.id, level: 0, amount: 40000, currency: "RUB", ruleKind: "FIXED", ruleValue: 40000, trigger: "APPROVAL" }, // 400.00 RUB
      update: { amount: 40000, currency: "RUB" }, // 400.00 RUB
      select: { id: true },
    });
    await runJob(jobs[0]!);

    expect(received).toHaveLength(1);
    const request = received[0]!;
    expect(request.path).toBe("/created");
    expect(Object.fromEntries(request.query)).toEqual({
      order: order.id,
      click: String(click.id),
      s1: "tg&x=1",
      s2: "пост 42",
      s3: "",
      status: order.status,
      payout: "400.00",
      cur: "RUB",
      product: productId,
      typo: "{subid}",
    });
    expect(request.userAgent).toMatch(/Lavka-Postback/);

    const [log] = await logsOf(order.id);
    expect(log).toMatchObject({ partnerId: partner.id, event: "order.created", orderStatus: order.status, statusCode: 200, responseExcerpt: "OK", error: null, attempt: 1, isReplay: false });
    expect(log!.url).toContain("s1=tg%26x%3D1");
    expect(log!.responseTimeMs).toBeGreaterThanOrEqual(0);
    expect(log!.responseTimeMs).toBeLessThan(5_000);
  });

  it("reports 0 as the payout while the order has no commission", async () => {
    const partner = await createPartner("nopay", `${base}/nopay?p={payout}&c={currency}`);
    const order = await placeAttributedOrder(partner.id);
    await db.commission.deleteMany({ where: { orderId: order.id } });
    await runJob((await postbackJobsOf(order.id))[0]!);
    expect(Object.fromEntries(received[0]!.query)).toEqual({ p: "0.00", c: "RUB" });
  });

  it("queues one on every status change; a 500 is logged and thrown (retry), the retry succeeds, a rerun sends nothing", async () => {
    const partner = await createPartner("retry", `${base}/status?o={order_id}&st={status}`);
    const order = await placeAttributedOrder(partner.id);
    await changeOrderStatus({ orderId: order.id, to: "CONFIRMED", actor: { type: "SYSTEM" } });
    await changeOrderStatus({ orderId: order.id, to: "SHIPPED", actor: { type: "SYSTEM" } });

    const jobs = await postbackJobsOf(order.id);
    expect(jobs.map((job) => ("status" in job ? [job.event, job.status] : null))).toEqual([
      ["order.created", order.status],
      ["order.status", "CONFIRMED"],
      ["order.status", "SHIPPED"],
    ]);

    const confirmed = jobs[1]!;
    plan.push({ status: 500, body: "tracker is down" });
    await expect(runJob(confirmed, 1)).rejects.toThrow(/HTTP 500/);
    await runJob(confirmed, 2);
    // The worker died after the 2xx, before marking the job done: the next run must not resend.
    await runJob(confirmed, 3);

    expect(received.map((request) => request.query.get("st"))).toEqual(["CONFIRMED", "CONFIRMED"]);
    const logs = await logsOf(order.id);
    expect(logs.map((log) => [log.orderStatus, log.statusCode, log.attempt, log.responseExcerpt, log.error])).toEqual([
      ["CONFIRMED", 500, 1, "tracker is down", "HTTP 500"],
      ["CONFIRMED", 200, 2, "OK", null],
    ]);
    for (const log of logs) expect(log.responseTimeMs).toEqual(expect.any(Number));

    // The SHIPPED job reports SHIPPED even if the order moved on before it ran.
    await changeOrderStatus({ orderId: order.id, to: "DELIVERED", actor: { type: "SYSTEM" } });
    await runJob(jobs[2]!);
    expect(received.at(-1)!.query.get("st")).toBe("SHIPPED");
  });

  it("logs an unreachable server (no code, the error) and a long body cut to 500 characters", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const partner = await createPartner("dead", `http://127.0.0.1:${deadPort}/pb?o={order_id}`);
    const order = await placeAttributedOrder(partner.id);
    await expect(runJob((await postbackJobsOf(order.id))[0]!)).rejects.toThrow();
    const [dead] = await logsOf(order.id);
    expect(dead).toMatchObject({ statusCode: null, attempt: 1, responseExcerpt: null });
    expect(dead!.error).toMatch(/fetch failed|ECONNREFUSED/);

    await db.partner.update({ where: { id: partner.id }, data: { postbackUrl: `${base}/long` }, select: { id: true } });
    plan.push({ status: 200, body: "ё".repeat(2_000) });
    await runJob((await postbackJobsOf(order.id))[0]!, 2);
    const long = (await logsOf(order.id))[1]!;
    expect(long.statusCode).toBe(200);
    expect(long.responseExcerpt).toBe("ё".repeat(POSTBACK_EXCERPT_MAX_CHARS));
  });

  it("replays a logged postback as a new job that sends the logged URL again", async () => {
    const partner = await createPartner("replay", `${base}/replay?o={order_id}&st={status}`);
    const other = await createPartner("replay-other", `${base}/other`);
    const order = await placeAttributedOrder(partner.id);
    await runJob((await postbackJobsOf(order.id))[0]!);
    const [original] = await logsOf(order.id);

    // The partner changed their URL since: a replay still sends what was logged.
    await db.partner.update({ where: { id: partner.id }, data: { postbackUrl: `${base}/changed` }, select: { id: true } });
    const { jobId } = await replayPostback({ logId: String(original!.id) });
    expect(jobId).toMatch(/^outbox-/);
    const [replayJob] = await db.$queryRaw<{ payload: TSendPostbackPayload }[]>`
      SELECT payload FROM "OutboxEvent" WHERE id = ${jobId.slice("outbox-".length)}::uuid`;
    expect(replayJob!.payload).toEqual({ replayOfLogId: String(original!.id) });

    plan.push({ status: 502, body: "bad gateway" });
    await expect(runJob(replayJob!.payload, 1)).rejects.toThrow(/HTTP 502/);
    await runJob(replayJob!.payload, 2);
    expect(received.map((request) => request.path)).toEqual(["/replay", "/replay", "/replay"]);
    const logs = await logsOf(order.id);
    expect(logs.map((log) => [log.url, log.statusCode, log.attempt, log.isReplay])).toEqual([
      [original!.url, 200, 1, false],
      [original!.url, 502, 1, true],
      [original!.url, 200, 2, true],
    ]);

    // A partner can replay only their own logs; bad ids are refused cleanly.
    await expect(replayPostback({ logId: String(original!.id), partnerId: partner.id })).resolves.toMatchObject({ jobId: expect.any(String) });
    await expect(replayPostback({ logId: String(original!.id), partnerId: other.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(replayPostback({ logId: "99999999999999" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(replayPostback({ logId: "9999999999999999999" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const logId of ["abc", "-1", "0", "1.5", ""]) {
      await expect(replayPostback({ logId })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { logId: expect.any(Array) } });
    }
  });

  it("queues nothing for a partner without a postback URL, nor for a direct order", async () => {
    const partner = await createPartner("nourl", null);
    const order = await placeAttributedOrder(partner.id);
    await changeOrderStatus({ orderId: order.id, to: "CONFIRMED", actor: { type: "SYSTEM" } });
    expect(await postbackJobsOf(order.id)).toEqual([]);

    const direct = await placeOrder(fixtures.input(slug), { ip: fixtures.ip() });
    await changeOrderStatus({ orderId: direct.order.id, to: "CONFIRMED", actor: { type: "SYSTEM" } });
    expect(await postbackJobsOf(direct.order.id)).toEqual([]);
    expect(await db.$transaction((tx) => queuePostback(tx, { orderId: direct.order.id, status: "CONFIRMED" }))).toBeNull();
  });

  it("sends nothing when the URL was removed after the job was queued", async () => {
    const partner = await createPartner("removed", `${base}/removed`);
    const order = await placeAttributedOrder(partner.id);
    await db.partner.update({ where: { id: partner.id }, data: { postbackUrl: null }, select: { id: true } });
    await runJob((await postbackJobsOf(order.id))[0]!);
    expect(received).toEqual([]);
    expect(await logsOf(order.id)).toEqual([]);
  });

  it("refuses a URL that is not http(s) in the validator, and a job never fetches one stored by hand", async () => {
    for (const url of ["ftp://127.0.0.1/pb", "file:///etc/passwd", "javascript:alert(1)", `${base.replace("127.0.0.1", "{sub1}")}/pb`]) {
      expect(() => validatePostbackUrl(url)).toThrow(AppError);
    }

    const partner = await createPartner("ftp", "ftp://127.0.0.1/pb?o={order_id}");
    const order = await placeAttributedOrder(partner.id);
    await runJob((await postbackJobsOf(order.id))[0]!); // no throw: retrying cannot fix a URL
    expect(received).toEqual([]);
    expect(await logsOf(order.id)).toEqual([expect.objectContaining({ statusCode: null, error: expect.stringMatching(/invalid postback URL/) })]);
  });

  it("logs a host that resolves to a private address and fails the job for good, without a request", async () => {
    const partner = await createPartner("private", `${base}/private?o={order_id}`);
    const order = await placeAttributedOrder(partner.id);
    const previous = process.env.POSTBACK_ALLOW_PRIVATE_HOSTS;
    process.env.POSTBACK_ALLOW_PRIVATE_HOSTS = "false";
    resetEnvCache();
    try {
      // Unrecoverable: the queue does not retry it (8 tries over two hours would repeat the refusal).
      await expect(runJob((await postbackJobsOf(order.id))[0]!)).rejects.toBeInstanceOf(UnrecoverableError);
    } finally {
      process.env.POSTBACK_ALLOW_PRIVATE_HOSTS = previous;
      resetEnvCache();
    }
    expect(received).toEqual([]);
    expect(await logsOf(order.id)).toEqual([expect.objectContaining({ statusCode: null, attempt: 1, error: "postback host 127.0.0.1 resolves to a private or local address; refused" })]);
  });

  it("goes through the real queue (PostgreSQL backend): outbox → relay → worker, retried after a 500 until a 200", async () => {
    const partner = await createPartner("queue", `${base}/queue?o={order_id}&st={status}`);
    const order = await placeAttributedOrder(partner.id);
    // Only this order's row leaves, under a job name of this run: a relay by the registered name
    // would also take earlier tests' rows (run by hand above) and other files' (the cabinet's
    // replays, written at any moment). The handler is the registered one, with a short backoff so
    // the retry comes within the test.
    const fastJob = { ...sendPostbackJob, name: QUEUE_TEST_JOB, backoffMs: 100 };
    await db.$executeRaw`UPDATE "OutboxEvent" SET "jobName" = ${fastJob.name} WHERE "jobName" = 'partner.postback' AND payload->>'orderId' = ${order.id}`;
    const runtime = createQueueRuntime({ backend: "postgres", connection: process.env.DATABASE_URL as string, queueName: `lavka-test-pb-${run}`, logger: silent });
    const worker = startJobWorker({ runtime, jobs: [fastJob], concurrency: 1, logger: silent });
    try {
      plan.push({ status: 500, body: "try later" });
      expect((await relayOutbox({ runtime, jobs: [fastJob], logger: silent })).relayed).toBe(1);
      const deadline = Date.now() + 15_000;
      while ((await logsOf(order.id)).length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      const logs = await logsOf(order.id);
      expect(logs.map((log) => [log.statusCode, log.attempt])).toEqual([
        [500, 1],
        [200, 2],
      ]);
      expect(received.map((request) => request.query.get("o"))).toEqual([order.id, order.id]);
    } finally {
      await worker.close();
      await runtime.getQueue().obliterate({ force: true });
      await runtime.close();
    }
  });

  it("refuses a malformed payload at the worker without sending", async () => {
    await expect(runJob({ orderId: "x", event: "order.deleted", status: "CONFIRMED", queuedAt: new Date().toISOString() } as never)).rejects.toThrow(/Invalid payload/);
    await expect(runJob({ replayOfLogId: "abc" })).rejects.toThrow(/Invalid payload/);
    expect(received).toEqual([]);
  });
});

describe("POST /api/admin/postbacks/[id]/replay", () => {
  async function signInStaff(role: "MANAGER" | "OPERATOR" | "OWNER") {
    const user = await db.user.create({
      data: { email: `${role.toLowerCase()}-${randomUUID().slice(0, 6)}@${run}.postbacks.test`, name: role, passwordHash: "x", role },
      select: { id: true, role: true, name: true, email: true, sessionVersion: true },
    });
    session.current = { actor: { kind: "staff", ...user } };
  }
  const call = (id: string) => replayRoute(new Request(`http://localhost/api/admin/postbacks/${id}/replay`, { method: "POST" }), { params: Promise.resolve({ id }) });

  it("replays for the partners section's roles only, with clean errors", async () => {
    const partner = await createPartner("route", `${base}/route?o={order_id}`);
    const order = await placeAttributedOrder(partner.id);
    await runJob((await postbackJobsOf(order.id))[0]!);
    const [log] = await logsOf(order.id);
    const id = String(log!.id);

    session.current = null;
    expect((await call(id)).status).toBe(401);
    await signInStaff("OPERATOR");
    expect((await call(id)).status).toBe(403);

    for (const role of ["MANAGER", "OWNER"] as const) {
      await signInStaff(role);
      const response = await call(id);
      expect(response.status).toBe(202);
      const { jobId } = (await response.json()) as { jobId: string };
      const [row] = await db.$queryRaw<{ payload: TSendPostbackPayload }[]>`SELECT payload FROM "OutboxEvent" WHERE id = ${jobId.slice("outbox-".length)}::uuid`;
      expect(row!.payload).toEqual({ replayOfLogId: id });
    }

    const missing = await call("99999999999999");
    expect(missing.status).toBe(404);
    const malformed = await call("abc");
    expect(malformed.status).toBe(422);
    expect(await malformed.json()).toMatchObject({ error: { code: "VALIDATION", fieldErrors: { logId: ["postbacks.errors.logIdInvalid"] } } });
    session.current = null;
  });
});
