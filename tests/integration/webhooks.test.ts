// Outgoing webhooks end to end against a REAL HTTP receiver on 127.0.0.1 that checks every
// signature with its own HMAC code (node:crypto, written out here, not lib/webhooks' signer):
// events recorded in the business transactions (checkout, status change), delivered and logged,
// retried on the jittered schedule with the clock injected, the endpoint disabled (and the owner
// mailed) after the three-day window, secret rotation (two v1 for 24 h), the SSRF rules, and one
// request per event when several relays and workers race, on both queue backends.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getApiCustomer, ZCustomerObject } from "@/lib/api/resources/customers";
import { getApiOrder, ZOrderObject } from "@/lib/api/resources/orders";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { changeOrderStatus } from "@/lib/orders/change-order-status";
import { createQueueRuntime, type QueueBackendName } from "@/lib/queue/backend";
import { relayOutbox } from "@/lib/queue/relay";
import { startJobWorker } from "@/lib/queue/worker";
import { deliverWebhook, DeliveryBusyError } from "@/lib/webhooks/deliver-webhook";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints/create-webhook-endpoint";
import { rotateWebhookSecret } from "@/lib/webhooks/endpoints/rotate-webhook-secret";
import { sendTestWebhook } from "@/lib/webhooks/endpoints/send-test-webhook";
import { deliverWebhookJob } from "@/lib/webhooks/jobs/deliver-webhook-job";
import { recordWebhookEvents } from "@/lib/webhooks/record-webhook-events";
import { RETRY_WINDOW_MS } from "@/lib/webhooks/retry-schedule";
import { validateWebhookUrl } from "@/lib/webhooks/webhook-url";
import { ZWebhookEventBody } from "@/lib/webhooks/webhook-objects";

const run = randomUUID().slice(0, 8);
const fixtures = checkoutFixtures("webhooks");
const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(25);
  }
}

// ── The receiver ─────────────────────────────────────────────────────────────────────────────
interface Received {
  path: string;
  signature: string;
  eventId: string;
  body: string;
}
const received: Received[] = [];
let server: Server;
let base = "";

/** An independent verification, as a receiver would write it from the README. */
function verifySignature(header: string, body: string, secret: string): { timestamp: number; matches: number } {
  const pairs = header.split(",").map((part) => {
    const index = part.indexOf("=");
    return [part.slice(0, index), part.slice(index + 1)] as const;
  });
  const timestamp = Number(pairs.find(([key]) => key === "t")?.[1]);
  const expected = createHmac("sha256", Buffer.from(secret, "utf8")).update(`${timestamp}.${body}`, "utf8").digest();
  const matches = pairs.filter(([key, value]) => {
    if (key !== "v1") return false;
    const given = Buffer.from(value, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  }).length;
  return { timestamp, matches };
}

let ownerId = "";
const owner = () => ({ id: ownerId, role: "OWNER" as const });
const endpointIds: string[] = [];
const customerIds: string[] = [];
let slug = "";

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
      received.push({ path, signature: String(request.headers["lavka-signature"] ?? ""), eventId: String(request.headers["lavka-event-id"] ?? ""), body });
      const status = path.startsWith("/fail") ? 500 : path.startsWith("/redirect") ? 302 : 200;
      response.writeHead(status, { "content-type": "text/plain", ...(status === 302 ? { location: "http://169.254.169.254/" } : {}) });
      response.end(status === 200 ? "ok" : "nope");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const user = await db.user.create({ data: { email: `owner-${run}@webhooks.test`, name: "Owner", passwordHash: "x", role: "OWNER" }, select: { id: true } });
  ownerId = user.id;
  await ensureCheckoutReferenceData();
  slug = (await fixtures.createProduct({ confirmationMode: "OPERATOR" })).slug;
});

// Endpoints exist only during their test: other test files write orders and customers meanwhile.
afterEach(async () => {
  const deliveries = await db.webhookDelivery.findMany({ where: { endpointId: { in: endpointIds } }, select: { id: true, eventId: true } });
  await db.$executeRaw`DELETE FROM "OutboxEvent" WHERE "jobName" = 'webhooks.deliver' AND payload->>'deliveryId' = ANY(${deliveries.map((row) => row.id)}::text[])`;
  await db.webhookEndpoint.deleteMany({ where: { id: { in: endpointIds } } });
  await db.webhookEvent.deleteMany({ where: { id: { in: deliveries.map((row) => row.eventId) } } });
  received.length = 0;
});

afterAll(async () => {
  await db.$executeRaw`DELETE FROM "OutboxEvent" WHERE "jobName" = 'mail.send' AND payload->>'idempotencyKey' LIKE 'webhook-disabled:%' AND payload->>'to' = ${`owner-${run}@webhooks.test`}`;
  await db.auditLog.deleteMany({ where: { actorId: ownerId } });
  await fixtures.cleanup();
  await db.customer.deleteMany({ where: { id: { in: customerIds } } });
  await db.user.deleteMany({ where: { id: ownerId } });
  await new Promise((resolve) => server.close(resolve));
  await disconnectDb();
});

async function endpoint(path: string, events: string[]) {
  const created = await createWebhookEndpoint({ url: `${base}${path}`, events }, owner());
  endpointIds.push(created.id);
  return created;
}

const deliveriesOf = (endpointId: string) =>
  db.webhookDelivery.findMany({
    where: { endpointId },
    orderBy: { createdAt: "asc" },
    select: { id: true, status: true, attempts: true, event: { select: { id: true, type: true, objectId: true } } },
  });

async function newCustomer() {
  const customer = await db.customer.create({ data: { name: `Webhook ${run}`, source: "test" }, select: { id: true } });
  customerIds.push(customer.id);
  return customer.id;
}

describe("events from the business transactions", () => {
  it("an order's creation and status changes reach the endpoint, signed, with the object as it was", async () => {
    const { id: endpointId, secret } = await endpoint("/ok", ["order.created", "order.status_changed", "order.paid", "customer.created"]);
    expect(secret).toMatch(/^whsec_/);
    const placed = await placeOrder(fixtures.input(slug), { ip: fixtures.ip() });
    expect(placed.order.status).toBe("UNCONFIRMED");
    // The object as the REST API shows it right after the order: the event must carry the same.
    const apiOrder = await getApiOrder(placed.order.id);
    const apiCustomer = await getApiCustomer(apiOrder.customer);
    await changeOrderStatus({ orderId: placed.order.id, to: "CONFIRMED", actor: { type: "USER", id: ownerId, role: "OWNER" } });

    const mine = (await deliveriesOf(endpointId)).filter((delivery) => [placed.order.id].includes(delivery.event.objectId) || delivery.event.type === "customer.created");
    expect(mine.map((delivery) => delivery.event.type)).toEqual(expect.arrayContaining(["order.created", "customer.created", "order.status_changed"]));
    // Each delivery got its job in the outbox, in the transaction of the change.
    const jobs = await db.$queryRaw<{ payload: { deliveryId: string; attempt: number } }[]>`
      SELECT payload FROM "OutboxEvent" WHERE "jobName" = 'webhooks.deliver' AND payload->>'deliveryId' = ANY(${mine.map((delivery) => delivery.id)}::text[])`;
    expect(jobs.map((job) => job.payload.attempt)).toEqual(mine.map(() => 1));

    for (const delivery of mine) expect(await deliverWebhook({ deliveryId: delivery.id, attempt: 1 })).toMatchObject({ sent: true, ok: true, statusCode: 200 });
    const orderRequests = received.filter((request) => mine.some((delivery) => delivery.event.id === request.eventId));
    expect(orderRequests).toHaveLength(mine.length);
    for (const request of orderRequests) {
      const { timestamp, matches } = verifySignature(request.signature, request.body, secret);
      expect(matches).toBe(1);
      expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(60);
      expect(verifySignature(request.signature, request.body, "whsec_wrong").matches).toBe(0);
    }
    const bodies = orderRequests.map((request) => ZWebhookEventBody.parse(JSON.parse(request.body)));
    const created = bodies.find((body) => body.type === "order.created")!;
    expect(ZOrderObject.strict().parse(created.data.object)).toEqual(apiOrder);
    expect(apiOrder).toMatchObject({ status: "UNCONFIRMED", amount_total: placed.order.total, currency: "RUB", customer_details: { name: "Иван Петров" } });
    const moved = bodies.find((body) => body.type === "order.status_changed")!;
    expect(ZOrderObject.parse(moved.data.object)).toMatchObject({ status: "CONFIRMED", history: [{ to: "UNCONFIRMED" }, { from: "UNCONFIRMED", to: "CONFIRMED" }] });
    expect(moved.data.previous_attributes).toEqual({ status: "UNCONFIRMED" });
    const customer = bodies.find((body) => body.type === "customer.created" && (body.data.object as { id: string }).id === apiOrder.customer);
    expect(ZCustomerObject.strict().parse(customer?.data.object)).toEqual(apiCustomer);

    const after = await deliveriesOf(endpointId);
    expect(after.filter((delivery) => mine.some((m) => m.id === delivery.id)).every((delivery) => delivery.status === "SUCCEEDED" && delivery.attempts === 1)).toBe(true);
    const log = await db.webhookAttempt.findMany({
      where: { deliveryId: { in: mine.map((delivery) => delivery.id) } },
      select: { statusCode: true, responseExcerpt: true, responseTimeMs: true },
    });
    expect(log).toHaveLength(mine.length);
    expect(log.every((entry) => entry.statusCode === 200 && entry.responseExcerpt === "ok" && entry.responseTimeMs !== null)).toBe(true);
    // A second job for an attempt already made sends nothing.
    expect(await deliverWebhook({ deliveryId: mine[0]!.id, attempt: 1 })).toEqual({ sent: false, reason: "not-due" });
  });

  it("writes nothing when no enabled endpoint subscribes to the type", async () => {
    const { id: endpointId } = await endpoint("/ok", ["payout.paid"]);
    const customerId = await newCustomer();
    expect(await db.$transaction((tx) => recordWebhookEvents(tx, [{ type: "customer.created", objectId: customerId }]))).toBe(0);
    expect(await db.webhookEvent.count({ where: { objectId: customerId } })).toBe(0);
    expect(await deliveriesOf(endpointId)).toHaveLength(0);
  });

  it("an endpoint deleted meanwhile is skipped: the business transaction still commits", async () => {
    const { id: endpointId } = await endpoint("/ok", ["customer.created"]);
    const customerId = await newCustomer();
    let recorded: Promise<number> = Promise.resolve(-1);
    await db.$transaction(async (tx) => {
      await tx.webhookEndpoint.delete({ where: { id: endpointId } });
      // A checkout's transaction reads the endpoint while its deletion is not yet committed.
      recorded = db.$transaction((other) => recordWebhookEvents(other, [{ type: "customer.created", objectId: customerId }]));
      recorded.catch(() => {});
      await sleep(300);
    });
    expect(await recorded).toBe(0);
    expect(await db.webhookEvent.count({ where: { objectId: customerId } })).toBe(0);
  });
});

describe("retries", () => {
  it("backs off with jitter (time injected), fails after three days, disables the endpoint and mails the owner", async () => {
    const { id: endpointId } = await endpoint("/fail", ["customer.created"]);
    const customerId = await newCustomer();
    await db.$transaction((tx) => recordWebhookEvents(tx, [{ type: "customer.created", objectId: customerId }]));
    const [delivery] = (await deliveriesOf(endpointId)).filter((row) => row.event.objectId === customerId);
    const { createdAt } = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery!.id }, select: { createdAt: true } });

    let now = new Date(createdAt.getTime() + 1_000);
    const gaps: number[] = [];
    let attempt = 1;
    for (;;) {
      const outcome = await deliverWebhook({ deliveryId: delivery!.id, attempt }, { now: () => now, random: () => 0.5 });
      expect(outcome).toMatchObject({ sent: true, ok: false, statusCode: 500 });
      if (outcome.sent !== true || outcome.next === null) {
        expect(outcome).toMatchObject({ endpointDisabled: true });
        break;
      }
      gaps.push(outcome.next.getTime() - now.getTime());
      // The next try is queued through the outbox with its delay.
      const [job] = await db.$queryRaw<{ delayMs: number }[]>`
        SELECT (extract(epoch FROM "availableAt" - "createdAt") * 1000)::int AS "delayMs" FROM "OutboxEvent"
        WHERE "jobName" = 'webhooks.deliver' AND payload->>'deliveryId' = ${delivery!.id} AND (payload->>'attempt')::int = ${attempt + 1}`;
      expect(job?.delayMs).toBeGreaterThanOrEqual(gaps.at(-1)! - 5);
      now = outcome.next;
      attempt += 1;
    }
    // 0.75 of 1, 2, 4 … minutes (equal jitter at random 0.5), then capped at 0.75 of 12 hours.
    expect(gaps.slice(0, 4)).toEqual([45_000, 90_000, 180_000, 360_000]);
    expect(Math.max(...gaps)).toBe(0.75 * 12 * 3_600_000);
    expect(now.getTime() - createdAt.getTime()).toBeLessThanOrEqual(RETRY_WINDOW_MS);
    expect(attempt).toBeGreaterThan(10);

    const state = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery!.id }, select: { status: true, attempts: true } });
    expect(state).toEqual({ status: "FAILED", attempts: attempt });
    expect(await db.webhookAttempt.count({ where: { deliveryId: delivery!.id, statusCode: 500 } })).toBe(attempt);
    const endpointState = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId }, select: { status: true, disabledReason: true } });
    expect(endpointState).toEqual({ status: "DISABLED", disabledReason: "failing" });
    const mails = await db.$queryRaw<{ payload: { to: string; props: { subject: string } } }[]>`
      SELECT payload FROM "OutboxEvent" WHERE "jobName" = 'mail.send' AND payload->>'to' = ${`owner-${run}@webhooks.test`} AND payload->>'idempotencyKey' LIKE ${`webhook-disabled:${endpointId}:%`}`;
    expect(mails).toHaveLength(1);
    expect(mails[0]!.payload.props.subject).toContain(base);
    // A disabled endpoint gets no new events.
    const another = await newCustomer();
    expect(await db.$transaction((tx) => recordWebhookEvents(tx, [{ type: "customer.created", objectId: another }]))).toBe(0);
  });

  it("counts a redirect as a failure and never follows it", async () => {
    const { id: endpointId } = await endpoint("/redirect", ["customer.created"]);
    const customerId = await newCustomer();
    await db.$transaction((tx) => recordWebhookEvents(tx, [{ type: "customer.created", objectId: customerId }]));
    const [delivery] = (await deliveriesOf(endpointId)).filter((row) => row.event.objectId === customerId);
    expect(await deliverWebhook({ deliveryId: delivery!.id, attempt: 1 })).toMatchObject({ sent: true, ok: false, statusCode: 302 });
    expect(received.filter((request) => request.path === "/redirect")).toHaveLength(1);
  });
});

describe("secret rotation", () => {
  it("signs with both secrets for 24 hours after a rotation, then with the new one only", async () => {
    const { id: endpointId, secret: oldSecret } = await endpoint("/ok", ["order.created"]);
    const { deliveryId } = await sendTestWebhook(endpointId, owner());
    const rotatedAt = new Date();
    const { secret: newSecret } = await rotateWebhookSecret(endpointId, owner(), { now: rotatedAt });
    expect(newSecret).not.toBe(oldSecret);

    const resend = (now: Date) => deliverWebhook({ deliveryId, resend: true, requestedAt: now.toISOString() }, { now: () => now });
    expect(await resend(new Date(rotatedAt.getTime() + 23 * 3_600_000))).toMatchObject({ sent: true, ok: true });
    expect(await resend(new Date(rotatedAt.getTime() + 25 * 3_600_000))).toMatchObject({ sent: true, ok: true });
    const [during, after] = received.filter((request) => request.path === "/ok");
    expect(JSON.parse(during!.body)).toMatchObject({ object: "event", type: "ping", data: { object: { id: endpointId, object: "webhook_endpoint" } } });
    expect(during!.signature.match(/v1=/g)).toHaveLength(2);
    expect(verifySignature(during!.signature, during!.body, newSecret).matches).toBe(1);
    expect(verifySignature(during!.signature, during!.body, oldSecret).matches).toBe(1);
    expect(after!.signature.match(/v1=/g)).toHaveLength(1);
    expect(verifySignature(after!.signature, after!.body, newSecret).matches).toBe(1);
    expect(verifySignature(after!.signature, after!.body, oldSecret).matches).toBe(0);
    // The same event, the same bytes, every time.
    expect(after!.body).toBe(during!.body);
  });
});

describe("SSRF rules (as for postbacks)", () => {
  it("refuses plain http and private or loopback hosts, on save and before every request", async () => {
    const { id: endpointId } = await endpoint("/ok", ["customer.created"]);
    const customerId = await newCustomer();
    await db.$transaction((tx) => recordWebhookEvents(tx, [{ type: "customer.created", objectId: customerId }]));
    const [delivery] = (await deliveriesOf(endpointId)).filter((row) => row.event.objectId === customerId);

    const saved = process.env.POSTBACK_ALLOW_PRIVATE_HOSTS;
    process.env.POSTBACK_ALLOW_PRIVATE_HOSTS = "false";
    resetEnvCache();
    try {
      const refusal = async (url: string) => {
        const error = await validateWebhookUrl(url).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(AppError);
        return (error as AppError).fieldErrors?.url;
      };
      expect(await refusal(`${base}/ok`)).toEqual(["webhooks.errors.urlNotHttps"]);
      expect(await refusal("https://127.0.0.1/hook")).toEqual(["webhooks.errors.urlPrivateHost"]);
      expect(await refusal("https://10.1.2.3/hook")).toEqual(["webhooks.errors.urlPrivateHost"]);
      expect(await refusal("https://[::1]/hook")).toEqual(["webhooks.errors.urlPrivateHost"]);
      expect(await refusal("https://user:pw@example.com/hook")).toEqual(["webhooks.errors.urlCredentials"]);
      expect(await refusal("ftp://example.com/hook")).toEqual(["webhooks.errors.urlNotHttps"]);
      await expect(createWebhookEndpoint({ url: "https://192.168.1.10/x", events: ["order.created"] }, owner())).rejects.toMatchObject({ code: "VALIDATION" });

      // Stored while allowed, refused when sent: logged, nothing reaches the host.
      const outcome = await deliverWebhook({ deliveryId: delivery!.id, attempt: 1 });
      expect(outcome).toMatchObject({ sent: true, ok: false, statusCode: null });
      expect(outcome.sent && outcome.error).toMatch(/private or local address/);
      expect(received).toHaveLength(0);
    } finally {
      process.env.POSTBACK_ALLOW_PRIVATE_HOSTS = saved;
      resetEnvCache();
    }
  });
});

const backends: { name: QueueBackendName; connection: string }[] = [
  { name: "postgres", connection: process.env.DATABASE_URL as string },
  ...(process.env.REDIS_URL ? [{ name: "redis" as const, connection: process.env.REDIS_URL }] : []),
];

describe.each(backends)("delivery through the queue on $name", (backend) => {
  it("sends each event once while three relays and two workers race", async () => {
    const { id: endpointId, secret } = await endpoint(`/ok-${backend.name}`, ["customer.created"]);
    const ids = await Promise.all([1, 2, 3, 4, 5].map(() => newCustomer()));
    await db.$transaction((tx) =>
      recordWebhookEvents(
        tx,
        ids.map((objectId) => ({ type: "customer.created" as const, objectId })),
      ),
    );
    const mine = (await deliveriesOf(endpointId)).filter((row) => ids.includes(row.event.objectId));
    expect(mine).toHaveLength(5);

    const queueName = `lavka-webhooks-${run}-${backend.name}`;
    const runtimes = [0, 1].map(() => createQueueRuntime({ backend: backend.name, connection: backend.connection, queueName, logger: silent }));
    const workers = runtimes.map((runtime) => startJobWorker({ runtime, jobs: [deliverWebhookJob], concurrency: 4, logger: silent }));
    try {
      await Promise.all([0, 1, 2].map((index) => relayOutbox({ runtime: runtimes[index % 2]!, jobs: [deliverWebhookJob] })));
      await waitFor(async () => (await deliveriesOf(endpointId)).filter((row) => ids.includes(row.event.objectId) && row.status === "SUCCEEDED").length === 5, "five deliveries");
      await sleep(500);
      const requests = received.filter((request) => mine.some((delivery) => delivery.event.id === request.eventId));
      expect(requests).toHaveLength(5);
      expect(new Set(requests.map((request) => request.eventId)).size).toBe(5);
      for (const request of requests) expect(verifySignature(request.signature, request.body, secret).matches).toBe(1);
    } finally {
      await Promise.all(workers.map((worker) => worker.close()));
      await runtimes[0]!.getQueue().obliterate({ force: true });
      await Promise.all(runtimes.map((runtime) => runtime.close()));
    }
  });
});

describe("one attempt, one request", () => {
  it("two workers running the same attempt at once send it once", async () => {
    const { id: endpointId } = await endpoint("/ok", ["customer.created"]);
    const customerId = await newCustomer();
    await db.$transaction((tx) => recordWebhookEvents(tx, [{ type: "customer.created", objectId: customerId }]));
    const [delivery] = (await deliveriesOf(endpointId)).filter((row) => row.event.objectId === customerId);
    const outcomes = await Promise.allSettled([deliverWebhook({ deliveryId: delivery!.id, attempt: 1 }), deliverWebhook({ deliveryId: delivery!.id, attempt: 1 })]);
    const sent = outcomes.filter((outcome) => outcome.status === "fulfilled" && outcome.value.sent);
    expect(sent).toHaveLength(1);
    const other = outcomes.find((outcome) => !(outcome.status === "fulfilled" && outcome.value.sent))!;
    // Either it lost the race for the lease (the queue retries it later) or it came after the send.
    if (other.status === "rejected") expect(other.reason).toBeInstanceOf(DeliveryBusyError);
    else expect(other.value).toEqual({ sent: false, reason: "not-due" });
    expect(received.filter((request) => request.eventId && request.path === "/ok")).toHaveLength(1);
  });
});
