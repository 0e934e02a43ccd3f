// Order reminders against a real PostgreSQL and both queue backends: each reminder is sent once per
// order, rule and repeat — under concurrent runs, after a run that crashed before its COMMIT (its
// connection killed while it held the order) and after one that crashed after it (the job run
// again) — with a new confirmation link that works beside the old one; repeats follow the
// interval; reminders stop when the order moves on; the pickup reminder carries the tracking
// number; a product's own rule takes precedence over the shop-wide one.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import type { ReminderKind } from "@/lib/db/generated/enums";
import { ZSendMailPayload } from "@/lib/mail/jobs/send-mail";
import { orderRemindersJob } from "@/lib/marketing/reminders/order-reminders-job";
import { reminderMailKey } from "@/lib/marketing/reminders/reminder-schedule";
import { sendOrderReminders } from "@/lib/marketing/reminders/send-order-reminders";
import { changeOrderStatus } from "@/lib/orders/change-order-status";
import { confirmOrderByToken } from "@/lib/orders/confirm-order-by-token";
import { type QueueBackendName, createQueueRuntime } from "@/lib/queue/backend";
import { startJobWorker } from "@/lib/queue/worker";

const fx = checkoutFixtures("remind");
const run = randomUUID().slice(0, 8);
const HOUR = 3_600_000;
const ruleIds: string[] = [];
const silent = pino({ level: "silent" });

async function rule(kind: ReminderKind, productId: string | null, options: { delayMinutes?: number; repeatCount?: number; repeatIntervalMinutes?: number; isActive?: boolean } = {}) {
  const created = await db.reminderRule.create({
    data: {
      kind,
      name: `${kind} ${run}`,
      productId,
      delayMinutes: options.delayMinutes ?? 60,
      repeatCount: options.repeatCount ?? 0,
      repeatIntervalMinutes: options.repeatIntervalMinutes ?? 120,
      isActive: options.isActive ?? true,
      subject: "Мы ждём вашего подтверждения",
      body: "Заказ зарезервирован за вами.",
    },
    select: { id: true },
  });
  ruleIds.push(created.id);
  return created;
}

async function placed(slug: string, enteredHoursAgo: number) {
  const { order } = await placeOrder(fx.input(slug), { ip: fx.ip() });
  await db.order.update({ where: { id: order.id }, data: { statusChangedAt: new Date(Date.now() - enteredHoursAgo * HOUR) } });
  return order;
}

const reminderMails = async (ruleId: string, orderId: string) => {
  const rows = await db.$queryRaw<{ payload: unknown }[]>`
    SELECT payload FROM "OutboxEvent" WHERE payload->>'idempotencyKey' LIKE ${`order-reminder:${ruleId}:${orderId}:%`} ORDER BY "createdAt", id`;
  return rows.map((row) => ZSendMailPayload.parse(row.payload));
};
const logsOf = (ruleId: string, orderId: string) => db.reminderLog.findMany({ where: { ruleId, orderId }, select: { repeat: true }, orderBy: { repeat: "asc" } });

beforeAll(async () => {
  await ensureCheckoutReferenceData();
});

afterAll(async () => {
  const keys = ruleIds.map((id) => `order-reminder:${id}:%`);
  await db.$executeRaw`DELETE FROM "OutboxEvent" WHERE payload->>'idempotencyKey' LIKE ANY(${keys}::text[])`;
  await db.reminderRule.deleteMany({ where: { id: { in: ruleIds } } });
  await fx.cleanup();
  await disconnectDb();
});

describe("sendOrderReminders", () => {
  it("sends the confirmation link again once, with a new token beside the old one, then the repeat after the interval", async () => {
    const product = await fx.createProduct({ confirmationMode: "EMAIL_LINK" });
    const { id: ruleId } = await rule("UNCONFIRMED", product.id, { delayMinutes: 60, repeatCount: 1, repeatIntervalMinutes: 120 });
    const order = await placed(product.slug, 2);
    const early = await placed(product.slug, 0.5); // not due yet

    const runs = await Promise.all([sendOrderReminders(), sendOrderReminders(), sendOrderReminders()]);
    expect(runs.reduce((sum, result) => sum + result.sent, 0)).toBe(1);
    expect(await sendOrderReminders()).toEqual({ sent: 0 });
    expect(await logsOf(ruleId, order.id)).toEqual([{ repeat: 0 }]);
    expect(await logsOf(ruleId, early.id)).toEqual([]);

    const [mail] = await reminderMails(ruleId, order.id);
    expect(mail).toMatchObject({
      idempotencyKey: reminderMailKey(ruleId, order.id, 0),
      template: "order-reminder",
      locale: "ru",
      props: { kind: "UNCONFIRMED", customSubject: "Мы ждём вашего подтверждения", customText: "Заказ зарезервирован за вами.", total: order.total },
    });
    const tokens = await db.linkToken.findMany({ where: { orderId: order.id, purpose: "CONFIRM_ORDER" }, select: { usedAt: true, expiresAt: true } });
    expect(tokens).toHaveLength(2);
    expect(tokens.every((token) => token.usedAt === null && token.expiresAt > new Date())).toBe(true);

    // The repeat: not before the interval after the first, then once. (An hour on, the early
    // order's first reminder is due.)
    await sendOrderReminders({ now: new Date(Date.now() + 1 * HOUR) });
    expect(await logsOf(ruleId, order.id)).toEqual([{ repeat: 0 }]);
    expect(await logsOf(ruleId, early.id)).toEqual([{ repeat: 0 }]);
    await sendOrderReminders({ now: new Date(Date.now() + 2 * HOUR + 60_000) });
    // The early order moves on before its repeat is due: no repeat for it.
    await changeOrderStatus({ orderId: early.id, to: "CANCELLED", actor: { type: "SYSTEM" } });
    await sendOrderReminders({ now: new Date(Date.now() + 30 * HOUR) }); // 1 + 1 repeat: no third
    expect(await logsOf(ruleId, order.id)).toEqual([{ repeat: 0 }, { repeat: 1 }]);
    expect((await reminderMails(ruleId, order.id)).map((queued) => queued.idempotencyKey)).toEqual([reminderMailKey(ruleId, order.id, 0), reminderMailKey(ruleId, order.id, 1)]);

    // The new link confirms the order; reminders stop there.
    const link = new URL((mail!.props as { actionUrl: string }).actionUrl);
    expect((await confirmOrderByToken(link.pathname.split("/").pop()!)).result).toBe("CONFIRMED");
    expect(await logsOf(ruleId, early.id)).toEqual([{ repeat: 0 }]);
  });

  it("reminds of a parcel waiting at the pickup point with its tracking number; the product's own rule wins over the shop's", async () => {
    const product = await fx.createProduct({ confirmationMode: "NONE" });
    const own = await rule("NOT_PICKED_UP", product.id, { delayMinutes: 3 * 24 * 60 });
    const shopWide = await rule("NOT_PICKED_UP", null, { delayMinutes: 60 });
    const order = await placed(product.slug, 0);
    await changeOrderStatus({ orderId: order.id, to: "SHIPPED", trackingNumber: `RA${run}RU`, actor: { type: "SYSTEM" } });
    await changeOrderStatus({ orderId: order.id, to: "DELIVERED", actor: { type: "SYSTEM" } });
    await db.order.update({ where: { id: order.id }, data: { statusChangedAt: new Date(Date.now() - 2 * 24 * HOUR) } });
    await sendOrderReminders();
    expect(await reminderMails(shopWide.id, order.id)).toEqual([]); // the product has its own rule
    expect(await reminderMails(own.id, order.id)).toEqual([]); // 2 of 3 days
    await db.order.update({ where: { id: order.id }, data: { statusChangedAt: new Date(Date.now() - 3 * 24 * HOUR - 60_000) } });
    await sendOrderReminders();
    const mails = await reminderMails(own.id, order.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.props).toMatchObject({ kind: "NOT_PICKED_UP", trackingNumber: `RA${run}RU`, actionUrl: expect.stringContaining(`/order/${order.publicId}`) });
    await db.reminderRule.update({ where: { id: shopWide.id }, data: { isActive: false } });
  });
});

const redisUrl = process.env.REDIS_URL;
const backends: { name: QueueBackendName; connection: string }[] = [
  { name: "postgres", connection: process.env.DATABASE_URL as string },
  ...(redisUrl ? [{ name: "redis" as const, connection: redisUrl }] : []),
];

describe.each(backends)("the order-reminders job on $name", (backend) => {
  it("sends once for two runs at once, after a run killed before its COMMIT, and after a run repeated after a crash", async () => {
    const product = await fx.createProduct({ confirmationMode: "EMAIL_LINK" });
    const { id: ruleId } = await rule("UNCONFIRMED", product.id, { delayMinutes: 60 });
    const [first, second] = [await placed(product.slug, 2), await placed(product.slug, 2)];

    // A run that crashes while it holds the second order: its connection dies before the COMMIT.
    const crashed = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await crashed.connect();
    crashed.on("error", () => {});
    await crashed.query("BEGIN");
    await crashed.query(`SELECT id FROM "Order" WHERE id = $1 FOR UPDATE`, [second.id]);
    await crashed.query(`INSERT INTO "ReminderLog" (id, "ruleId", "orderId", repeat) VALUES ($1, $2, $3, 0)`, [`crash-${run}-${backend.name}`, ruleId, second.id]);

    const runtime = createQueueRuntime({ backend: backend.name, connection: backend.connection, queueName: `lavka-reminders-${run}-${backend.name}`, logger: silent });
    const worker = startJobWorker({ runtime, jobs: [orderRemindersJob], concurrency: 2, logger: silent });
    const runJobs = async (ids: string[]) => {
      await Promise.all(ids.map((jobId) => runtime.addJob(orderRemindersJob.name, { scheduledAt: new Date().toISOString() }, { jobId, attempts: 1 })));
      const deadline = Date.now() + 20_000;
      for (;;) {
        const states = await Promise.all(ids.map((jobId) => runtime.getQueue().getJobState(jobId)));
        if (states.every((state) => state === "completed")) return;
        if (states.some((state) => state === "failed")) throw new Error(`a reminders job failed: ${states.join(", ")}`);
        if (Date.now() > deadline) throw new Error(`the reminders jobs did not finish: ${states.join(", ")}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    try {
      await runJobs(["a", "b"]); // two runs at once; the second order is held by the crashing run
      expect(await logsOf(ruleId, first.id)).toEqual([{ repeat: 0 }]);
      expect(await logsOf(ruleId, second.id)).toEqual([]);

      const pid = (await crashed.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
      await db.$executeRaw`SELECT pg_terminate_backend(${pid}::int)`;
      await crashed.end().catch(() => {});

      await runJobs(["c"]); // the next run sends the crashed run's reminder
      await runJobs(["d"]); // a crash after COMMIT: the job runs again
      for (const order of [first, second]) {
        expect(await logsOf(ruleId, order.id)).toEqual([{ repeat: 0 }]);
        expect(await reminderMails(ruleId, order.id)).toHaveLength(1);
      }
    } finally {
      await worker.close();
      await runtime.getQueue().obliterate({ force: true });
      await runtime.close();
    }
  });
});
