// Parcel tracking against a local stand-in of Russian Post's SOAP service (tests/helpers/
// russian-post-double): the adapter's request and its reading of the real response shape; the
// polling run recording every operation once and moving orders only forward through
// changeOrderStatus (history rows, commissions' and postbacks' trigger); repeated and concurrent
// runs changing nothing twice; the daily quota; and the registered job on both queue backends.
import { randomInt, randomUUID } from "node:crypto";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { assignTrackingNumbers } from "@/lib/logistics/tracking-numbers/assign-tracking-numbers";
import { domesticCheckDigit } from "@/lib/logistics/tracking-numbers/parse-tracking-number";
import { pollParcels } from "@/lib/logistics/tracking/poll-parcels";
import { pollParcelsJob } from "@/lib/logistics/tracking/poll-parcels-job";
import { createRussianPostTracking } from "@/lib/logistics/tracking/russian-post-tracking";
import { TrackingRequestError } from "@/lib/logistics/tracking/tracking-adapter";
import { type QueueBackendName, createQueueRuntime } from "@/lib/queue/backend";
import { startJobWorker } from "@/lib/queue/worker";
import { OPERATIONS, startRussianPostDouble } from "@/tests/helpers/russian-post-double";

const fx = checkoutFixtures("tracking");
const credentials = { login: `login-${randomUUID().slice(0, 6)}`, password: "p@ss<word>&" };
let double: Awaited<ReturnType<typeof startRussianPostDouble>>;
let logistics: { id: string };
const silent = pino({ level: "silent" });

/** A valid 14-digit Russian Post identifier nobody else uses. */
function trackingNumber() {
  const first13 = `1010${String(randomInt(0, 1_000_000_000)).padStart(9, "0")}`;
  return `${first13}${domesticCheckDigit(first13)}`;
}

/** A COD order, confirmed, then shipped with a fresh tracking number (through the tracking-number import). */
async function shippedOrder(paymentMethod: "COD" | "PREPAID" = "COD") {
  const product = await fx.createProduct({ confirmationMode: "NONE" });
  const { order } = await placeOrder(fx.input(product.slug), { ip: fx.ip() });
  // A card-paid order (Stripe is off here): the same parcel, money already in.
  if (paymentMethod === "PREPAID") await db.order.update({ where: { id: order.id }, data: { paymentMethod: "PREPAID", paymentStatus: "PAID" } });
  const number = trackingNumber();
  const result = await assignTrackingNumbers({
    rows: [{ line: 1, order: String(order.number), trackingNumber: number }],
    actor: { type: "USER", id: logistics.id, role: "LOGISTICS" },
    apply: true,
  });
  expect(result).toMatchObject({ applied: 1, shipped: 1 });
  return { id: order.id, number: order.number, trackingNumber: number };
}

const adapter = () => createRussianPostTracking({ url: double.url, ...credentials });
const statusOf = async (orderId: string) => (await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } })).status;
const historyOf = (orderId: string) =>
  db.orderStatusChange.findMany({ where: { orderId, actorType: "SYSTEM" }, orderBy: { id: "asc" }, select: { fromStatus: true, toStatus: true, reason: true } });
/** Makes the parcel due again, as if its check interval had passed. */
const makeDue = (orderId: string) => db.parcelTracking.updateMany({ where: { orderId }, data: { nextCheckAt: new Date(Date.now() - 1000) } });

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  double = await startRussianPostDouble(credentials);
  process.env.RUSSIAN_POST_TRACKING_URL = double.url;
  process.env.RUSSIAN_POST_LOGIN = credentials.login;
  process.env.RUSSIAN_POST_PASSWORD = credentials.password;
  resetEnvCache();
  logistics = await db.user.create({ data: { email: `logistics-${randomUUID()}@tracking.test`, name: "Logistics", role: "LOGISTICS", passwordHash: "x" }, select: { id: true } });
});

afterAll(async () => {
  await fx.cleanup();
  await db.auditLog.deleteMany({ where: { actorId: logistics.id } });
  await db.user.delete({ where: { id: logistics.id } });
  await db.trackingQuotaDay.deleteMany({ where: { carrier: { startsWith: "test-" } } });
  await double.stop();
  await disconnectDb();
});

describe("Russian Post adapter", () => {
  it("sends OperationHistoryRequest (Barcode, MessageType 0, RUS) with the AuthorizationHeader and reads every record", async () => {
    const barcode = trackingNumber();
    double.history.set(barcode, [
      OPERATIONS.accepted("2026-11-30T12:01:00.000+03:00"),
      OPERATIONS.sorting("2026-12-01T20:31:27.001+03:00"),
      OPERATIONS.arrived("2026-12-02T12:39:00.000+03:00"),
    ]);
    const operations = await adapter().getOperationHistory(barcode);
    expect(double.requests.at(-1)).toMatchObject({ action: "getOperationHistory", barcode, login: credentials.login, password: credentials.password, messageType: "0", language: "RUS" });
    expect(double.requests.at(-1)?.contentType).toMatch(/^application\/soap\+xml/);
    expect(operations).toEqual([
      { source: "history", type: 1, attr: 1, typeName: "Прием", attrName: "Единичный", operatedAt: new Date("2026-11-30T09:01:00.000Z"), postcode: "101000", place: "Москва 101" },
      {
        source: "history",
        type: 8,
        attr: 3,
        typeName: "Обработка",
        attrName: "Прибыло в сортировочный центр",
        operatedAt: new Date("2026-12-01T17:31:27.001Z"),
        postcode: "140980",
        place: "Московский АСЦ",
      },
      {
        source: "history",
        type: 8,
        attr: 2,
        typeName: "Обработка",
        attrName: "Прибыло в место вручения",
        operatedAt: new Date("2026-12-02T09:39:00.000Z"),
        postcode: "170100",
        place: "Тверь 100",
      },
    ]);
    expect(await adapter().getOperationHistory(trackingNumber())).toEqual([]);
  });

  it("reads the COD transfer's events and turns a SOAP fault into a TrackingRequestError", async () => {
    const barcode = trackingNumber();
    double.cod.set(barcode, [{ type: 3, name: "Оплата", at: "2026-12-04T16:49:13.000+03:00", index: "101000", sum: 249000 }]);
    expect(await adapter().getCodEvents(barcode)).toEqual([
      { source: "cod", type: 3, attr: null, typeName: "Оплата", attrName: null, operatedAt: new Date("2026-12-04T13:49:13.000Z"), postcode: "101000", place: null },
    ]);
    expect(double.requests.at(-1)).toMatchObject({ action: "PostalOrderEventsForMail", barcode, language: "RUS", login: credentials.login });

    const refused = createRussianPostTracking({ url: double.url, login: credentials.login, password: "wrong" });
    await expect(refused.getOperationHistory(barcode)).rejects.toThrow(TrackingRequestError);
    await expect(refused.getOperationHistory(barcode)).rejects.toThrow(/Ошибка авторизации/);
    const unreachable = createRussianPostTracking({ url: "http://127.0.0.1:9/rtm34", ...credentials, timeoutMs: 2000 });
    await expect(unreachable.getOperationHistory(barcode)).rejects.toThrow(/unreachable/);
  });
});

describe("pollParcels", () => {
  it("records every operation once and moves a COD order forward to PAID through the transition function, once", async () => {
    const order = await shippedOrder();
    double.history.set(order.trackingNumber, [
      OPERATIONS.accepted("2026-11-30T12:01:00.000+03:00"),
      OPERATIONS.sorting("2026-12-01T20:31:27.001+03:00"),
      OPERATIONS.arrived("2026-12-02T12:39:00.000+03:00"),
    ]);
    const first = await pollParcels({ adapter: adapter(), dailyQuota: 1000, checkIntervalHours: 6, orderIds: [order.id] });
    expect(first).toMatchObject({ checked: 1, operations: 3, moved: 1, failed: 0 });
    expect(await statusOf(order.id)).toBe("DELIVERED");
    // Not due again until the interval passes: a second run asks nothing.
    const requestsBefore = double.requests.length;
    expect(await pollParcels({ adapter: adapter(), dailyQuota: 1000, checkIntervalHours: 6, orderIds: [order.id] })).toMatchObject({ checked: 0 });
    expect(double.requests.length).toBe(requestsBefore);

    // Handed, and the COD money paid out to the shop.
    double.history.get(order.trackingNumber)!.push(OPERATIONS.handed("2026-12-03T12:49:00.000+03:00"));
    double.cod.set(order.trackingNumber, [
      { type: 1, name: "Приём", at: "2026-12-03T12:50:00.000+03:00", index: "170100", sum: 249000 },
      { type: 3, name: "Оплата", at: "2026-12-04T16:49:13.000+03:00", index: "101000", sum: 249000 },
    ]);
    await makeDue(order.id);
    expect(await pollParcels({ adapter: adapter(), dailyQuota: 1000, checkIntervalHours: 6, orderIds: [order.id] })).toMatchObject({ checked: 1, operations: 3, moved: 2 });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true, paymentStatus: true } })).toEqual({ status: "PAID", paymentStatus: "PAID" });

    // Repeated and concurrent runs over the same history change nothing.
    double.setDelay(150);
    await makeDue(order.id);
    const concurrent = await Promise.all([1, 2, 3].map(() => pollParcels({ adapter: adapter(), dailyQuota: 1000, checkIntervalHours: 6, orderIds: [order.id] })));
    double.setDelay(0);
    expect(concurrent.reduce((sum, run) => sum + run.checked, 0)).toBeLessThanOrEqual(1);
    expect(concurrent.reduce((sum, run) => sum + run.operations + run.moved, 0)).toBe(0);

    expect(await historyOf(order.id)).toEqual([
      { fromStatus: "SHIPPED", toStatus: "DELIVERED", reason: "Почта России: Обработка: Прибыло в место вручения (170100 Тверь 100)" },
      { fromStatus: "DELIVERED", toStatus: "HANDED", reason: "Почта России: Вручение: Вручение адресату (170100 Тверь 100)" },
      { fromStatus: "HANDED", toStatus: "PAID", reason: "Почта России: Оплата (101000)" },
    ]);
    const operations = await db.parcelOperation.findMany({
      where: { orderId: order.id },
      orderBy: { operatedAt: "asc" },
      select: { operationType: true, source: true, appliedStatus: true },
    });
    expect(operations).toEqual([
      { source: "history", operationType: 1, appliedStatus: null }, // already SHIPPED by the tracking number
      { source: "history", operationType: 8, appliedStatus: null },
      { source: "history", operationType: 8, appliedStatus: "DELIVERED" },
      { source: "history", operationType: 2, appliedStatus: "HANDED" },
      { source: "cod", operationType: 1, appliedStatus: null },
      { source: "cod", operationType: 3, appliedStatus: "PAID" },
    ]);
    // Every move went through changeOrderStatus: the partner-less order still has its outbox side effects recorded per move.
    expect(await db.parcelTracking.findUniqueOrThrow({ where: { orderId: order.id }, select: { lastError: true } })).toEqual({ lastError: null });
  });

  it("returns a refused parcel, skips PAID for a prepaid order, and records a failed request on the parcel", async () => {
    const returned = await shippedOrder();
    double.history.set(returned.trackingNumber, [
      OPERATIONS.accepted("2026-11-30T12:01:00.000+03:00"),
      OPERATIONS.arrived("2026-12-02T12:39:00.000+03:00"),
      OPERATIONS.expired("2026-12-20T09:00:00.000+03:00"),
      OPERATIONS.handedToSender("2026-12-28T10:00:00.000+03:00"),
    ]);
    const prepaid = await shippedOrder("PREPAID");
    double.history.set(prepaid.trackingNumber, [OPERATIONS.accepted("2026-11-30T12:01:00.000+03:00"), OPERATIONS.handed("2026-12-03T12:49:00.000+03:00")]);
    double.cod.set(prepaid.trackingNumber, [{ type: 3, name: "Оплата", at: "2026-12-04T16:49:13.000+03:00", index: "101000", sum: 1000 }]);

    await pollParcels({ adapter: adapter(), dailyQuota: 1000, checkIntervalHours: 6, orderIds: [returned.id, prepaid.id] });
    expect(await statusOf(returned.id)).toBe("RETURNED");
    expect((await historyOf(returned.id)).map((change) => change.toStatus)).toEqual(["DELIVERED", "RETURNED"]);
    expect(await statusOf(prepaid.id)).toBe("HANDED");
    // A prepaid parcel's COD feed is never asked for.
    expect(double.requests.filter((request) => request.action === "PostalOrderEventsForMail" && request.barcode === prepaid.trackingNumber)).toHaveLength(0);

    const failing = await shippedOrder();
    const broken = createRussianPostTracking({ url: double.url, login: credentials.login, password: "wrong" });
    expect(await pollParcels({ adapter: broken, dailyQuota: 1000, checkIntervalHours: 6, orderIds: [failing.id] })).toMatchObject({ checked: 0, failed: 1 });
    const parcel = await db.parcelTracking.findUniqueOrThrow({ where: { orderId: failing.id }, select: { lastError: true, nextCheckAt: true } });
    expect(parcel.lastError).toMatch(/Ошибка авторизации/);
    expect(parcel.nextCheckAt.getTime()).toBeGreaterThan(Date.now() + 5 * 3_600_000);
    expect(await statusOf(failing.id)).toBe("SHIPPED");
  });

  it("never asks more than the day's quota, whatever the runs", async () => {
    const orders = await Promise.all([1, 2, 3].map(() => shippedOrder()));
    const carrier = `test-${randomUUID().slice(0, 8)}`;
    let asked = 0;
    const counting = { ...adapter(), carrier, getOperationHistory: async () => (asked++, []), getCodEvents: async () => [] };
    const runs = await Promise.all([1, 2].map(() => pollParcels({ adapter: counting, dailyQuota: 2, checkIntervalHours: 6, orderIds: orders.map((order) => order.id) })));
    expect(asked).toBe(2);
    expect(runs.reduce((sum, run) => sum + run.checked, 0)).toBe(2);
    expect(await pollParcels({ adapter: counting, dailyQuota: 2, checkIntervalHours: 6, orderIds: orders.map((order) => order.id) })).toMatchObject({ skipped: "quotaExhausted" });
    expect((await db.trackingQuotaDay.findFirstOrThrow({ where: { carrier } })).requests).toBe(2);
  });
});

const redisUrl = process.env.REDIS_URL;
const backends: { name: QueueBackendName; connection: () => string }[] = [
  { name: "postgres", connection: () => process.env.DATABASE_URL as string },
  ...(redisUrl ? [{ name: "redis" as const, connection: () => redisUrl }] : []),
];

describe.each(backends)("the logistics.poll-parcels job on $name", (backend) => {
  it("polls through the worker (credentials from the environment) and two overlapping jobs move the order once", async () => {
    const order = await shippedOrder();
    double.history.set(order.trackingNumber, [OPERATIONS.accepted("2026-11-30T12:01:00.000+03:00"), OPERATIONS.handed("2026-12-03T12:49:00.000+03:00")]);
    double.setDelay(100);
    const runtime = createQueueRuntime({ backend: backend.name, connection: backend.connection(), queueName: `lavka-test-tracking-${randomUUID().slice(0, 8)}`, logger: silent });
    const worker = startJobWorker({ runtime, jobs: [pollParcelsJob], concurrency: 4, logger: silent });
    try {
      const scheduledAt = new Date().toISOString();
      await Promise.all(["a", "b"].map((suffix) => runtime.addJob(pollParcelsJob.name, { scheduledAt, orderIds: [order.id] }, { jobId: `poll-test-${order.id}-${suffix}`, attempts: 1 })));
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline && ((await runtime.getCounts()).completed ?? 0) < 2) await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await runtime.getCounts()).completed).toBe(2);
    } finally {
      double.setDelay(0);
      await worker.close();
      await runtime.getQueue().obliterate({ force: true });
      await runtime.close();
    }
    expect(await statusOf(order.id)).toBe("HANDED");
    expect((await historyOf(order.id)).map((change) => change.toStatus)).toEqual(["HANDED"]);
    expect(await db.parcelOperation.count({ where: { orderId: order.id } })).toBe(2);
  }, 40_000);
});
