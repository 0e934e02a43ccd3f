// One polling run over parcels in transit. For each parcel whose check is due (orders CONFIRMED …
// HANDED with a tracking number), within the carrier's daily request quota:
// 1. claim it: its ParcelTracking row gets a lease (nextCheckAt a few minutes ahead) in the same
//    statement that picks it, so concurrent runs (several workers, a retried job) never ask
//    about the same parcel at once, and the quota row is taken under a row lock;
// 2. ask the carrier for its operations (and, for a COD order that reached the addressee, the
//    COD transfer's events);
// 3. record every operation once (unique per order and operation), then move the order forward
//    through changeOrderStatus — the one transition function, which drives commissions,
//    postbacks and reminders — with the operation named in the history;
// 4. schedule the next check (or none: a parcel that is PAID or RETURNED drops out of the query).
// A failed request is recorded on the parcel and retried at its next check.
import { db, Prisma } from "@/lib/db";
import type { OrderStatus } from "@/lib/db/generated/enums";
import { logger } from "@/lib/logger";
import { changeOrderStatus, ORDER_CHANGED_MEANWHILE } from "@/lib/orders/change-order-status";
import { toAppError } from "@/lib/errors";
import { zonedDay } from "@/lib/reports/resolve-period";
import { parcelStatusPath } from "./parcel-status-path";
import { createRussianPostTracking, RUSSIAN_POST_CARRIER } from "./russian-post-tracking";
import { type CarrierOperation, orderStatusOfOperation, type TrackingAdapter } from "./tracking-adapter";
import { getTrackingSettings } from "./tracking-settings";

/** How long a claimed parcel stays out of other runs' reach if this run dies. */
const CLAIM_LEASE_MS = 10 * 60_000;
/** Parcels per run: the job runs every few minutes, so a day's quota is spread over the day. */
export const POLL_BATCH = 25;

export interface PollParcelsOptions {
  /** Default: Russian Post from the settings (the run is skipped without credentials). */
  adapter?: TrackingAdapter;
  dailyQuota?: number;
  checkIntervalHours?: number;
  limit?: number;
  /** Only these orders (the order page's "check now"); still only when due and within the quota. */
  orderIds?: string[];
  now?: () => Date;
}

export interface PollParcelsResult {
  skipped?: "disabled" | "noCredentials" | "quotaExhausted";
  checked: number;
  operations: number;
  moved: number;
  failed: number;
}

interface ClaimedParcel {
  orderId: string;
  trackingNumber: string;
}

export async function pollParcels(options: PollParcelsOptions = {}): Promise<PollParcelsResult> {
  const result: PollParcelsResult = { checked: 0, operations: 0, moved: 0, failed: 0 };
  let adapter = options.adapter;
  let dailyQuota = options.dailyQuota;
  let intervalHours = options.checkIntervalHours;
  if (!adapter || dailyQuota === undefined || intervalHours === undefined) {
    const settings = await getTrackingSettings();
    if (!adapter) {
      if (!settings.enabled) return { ...result, skipped: "disabled" };
      if (!settings.login || !settings.password) return { ...result, skipped: "noCredentials" };
      adapter = createRussianPostTracking({ url: settings.url, login: settings.login, password: settings.password });
    }
    dailyQuota ??= settings.dailyQuota;
    intervalHours ??= settings.checkIntervalHours;
  }
  const now = options.now ?? (() => new Date());
  const quota = { carrier: adapter.carrier, day: zonedDay(now()), limit: dailyQuota };

  const granted = await takeQuota(quota, options.limit ?? POLL_BATCH);
  if (granted === 0) return { ...result, skipped: "quotaExhausted" };
  const parcels = await claimParcels(granted, now(), options.orderIds);
  if (parcels.length < granted) await returnQuota(quota, granted - parcels.length);

  for (const parcel of parcels) {
    try {
      const { recorded, moved } = await checkParcel(adapter, parcel, quota);
      result.operations += recorded;
      result.moved += moved;
      result.checked += 1;
      await finishCheck(parcel, now(), intervalHours, null);
    } catch (error) {
      result.failed += 1;
      logger.warn({ err: error, orderId: parcel.orderId, carrier: adapter.carrier }, "parcel tracking check failed");
      await finishCheck(parcel, now(), intervalHours, (error as Error).message.slice(0, 500));
    }
  }
  return result;
}

/** Takes up to `wanted` requests from the day's quota (under the day row's lock); returns how many it got. */
async function takeQuota(quota: { carrier: string; day: string; limit: number }, wanted: number): Promise<number> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "TrackingQuotaDay" (carrier, day, requests) VALUES (${quota.carrier}, ${quota.day}::date, 0) ON CONFLICT (carrier, day) DO NOTHING`;
    const [row] = await tx.$queryRaw<{ requests: number }[]>`
      SELECT requests FROM "TrackingQuotaDay" WHERE carrier = ${quota.carrier} AND day = ${quota.day}::date FOR UPDATE`;
    const granted = Math.min(wanted, Math.max(quota.limit - (row?.requests ?? 0), 0));
    if (granted > 0) await tx.$executeRaw`UPDATE "TrackingQuotaDay" SET requests = requests + ${granted}::int WHERE carrier = ${quota.carrier} AND day = ${quota.day}::date`;
    return granted;
  });
}

async function returnQuota(quota: { carrier: string; day: string }, unused: number) {
  await db.$executeRaw`UPDATE "TrackingQuotaDay" SET requests = GREATEST(requests - ${unused}::int, 0) WHERE carrier = ${quota.carrier} AND day = ${quota.day}::date`;
}

/** One more request for the same parcel (the COD events); false when the day's quota is used up. */
async function takeOneMore(quota: { carrier: string; day: string; limit: number }): Promise<boolean> {
  const updated = await db.$executeRaw`
    UPDATE "TrackingQuotaDay" SET requests = requests + 1 WHERE carrier = ${quota.carrier} AND day = ${quota.day}::date AND requests < ${quota.limit}::int`;
  return updated > 0;
}

/**
 * Picks the parcels due for a check (never checked first, then the longest unchecked) and leases
 * them in one statement. A row another run leased meanwhile fails the upsert's WHERE and is not
 * returned; a changed tracking number counts as due.
 */
async function claimParcels(limit: number, now: Date, orderIds?: string[]): Promise<ClaimedParcel[]> {
  const lease = new Date(now.getTime() + CLAIM_LEASE_MS);
  return db.$queryRaw<ClaimedParcel[]>`
    INSERT INTO "ParcelTracking" ("orderId", "trackingNumber", "nextCheckAt", "updatedAt")
    SELECT o.id, o."trackingNumber", ${lease}, ${now}
    FROM "Order" o
    LEFT JOIN "ParcelTracking" p ON p."orderId" = o.id
    WHERE o.status IN ('CONFIRMED', 'SHIPPED', 'DELIVERED', 'HANDED')
      AND o."trackingNumber" IS NOT NULL
      ${orderIds ? Prisma.sql`AND o.id = ANY(${orderIds}::text[])` : Prisma.empty}
      AND (p."orderId" IS NULL OR p."nextCheckAt" <= ${now} OR p."trackingNumber" <> o."trackingNumber")
    ORDER BY p."lastCheckedAt" ASC NULLS FIRST, o."statusChangedAt" ASC
    LIMIT ${limit}
    ON CONFLICT ("orderId") DO UPDATE SET "nextCheckAt" = EXCLUDED."nextCheckAt", "trackingNumber" = EXCLUDED."trackingNumber", "updatedAt" = EXCLUDED."updatedAt"
      WHERE "ParcelTracking"."nextCheckAt" <= ${now} OR "ParcelTracking"."trackingNumber" <> EXCLUDED."trackingNumber"
    RETURNING "orderId", "trackingNumber"`;
}

async function finishCheck(parcel: ClaimedParcel, now: Date, intervalHours: number, error: string | null) {
  await db.parcelTracking.update({
    where: { orderId: parcel.orderId },
    data: { lastCheckedAt: now, nextCheckAt: new Date(now.getTime() + intervalHours * 3_600_000), lastError: error, checks: { increment: 1 } },
    select: { orderId: true },
  });
}

const dedupeKey = (operation: CarrierOperation) => [operation.source, operation.operatedAt.toISOString(), operation.type, operation.attr ?? "", operation.postcode ?? ""].join("|");

async function checkParcel(adapter: TrackingAdapter, parcel: ClaimedParcel, quota: { carrier: string; day: string; limit: number }) {
  const operations = await adapter.getOperationHistory(parcel.trackingNumber);
  const order = await db.order.findUniqueOrThrow({ where: { id: parcel.orderId }, select: { status: true, paymentMethod: true } });
  // The COD money can only have been paid once the addressee took the parcel.
  const handed = order.status === "HANDED" || operations.some((operation) => orderStatusOfOperation(operation) === "HANDED");
  if (order.paymentMethod === "COD" && handed && (await takeOneMore(quota))) operations.push(...(await adapter.getCodEvents(parcel.trackingNumber)));

  const { count: recorded } = await db.parcelOperation.createMany({
    data: operations.map((operation) => ({
      orderId: parcel.orderId,
      trackingNumber: parcel.trackingNumber,
      source: operation.source,
      dedupeKey: dedupeKey(operation),
      operationType: operation.type,
      operationAttr: operation.attr,
      typeName: operation.typeName,
      attrName: operation.attrName,
      operatedAt: operation.operatedAt,
      postcode: operation.postcode,
      place: operation.place,
    })),
    skipDuplicates: true,
  });
  return { recorded, moved: await advanceOrder(parcel, carrierLabel(adapter.carrier)) };
}

/**
 * Replays the parcel's recorded operations in time order against the order's status and makes
 * the forward moves they call for. Every run replays all of them, so a move that failed once
 * (stock, a lock) is tried again, and one already made is not repeated.
 */
async function advanceOrder(parcel: ClaimedParcel, carrier: string, attempt = 0): Promise<number> {
  const [order, operations] = await Promise.all([
    db.order.findUniqueOrThrow({ where: { id: parcel.orderId }, select: { status: true, paymentMethod: true } }),
    db.parcelOperation.findMany({ where: { orderId: parcel.orderId, trackingNumber: parcel.trackingNumber }, orderBy: [{ operatedAt: "asc" }, { id: "asc" }] }),
  ]);
  let status: OrderStatus = order.status;
  let moved = 0;
  for (const operation of operations) {
    const target = orderStatusOfOperation({ source: operation.source as CarrierOperation["source"], type: operation.operationType, attr: operation.operationAttr });
    // PAID from the post is about COD money; a prepaid order was paid before it shipped.
    if (!target || (target === "PAID" && order.paymentMethod !== "COD")) continue;
    for (const step of parcelStatusPath(status, target)) {
      const reason = describeOperation(carrier, operation);
      try {
        await db.$transaction(async (tx) => {
          await changeOrderStatus({ orderId: parcel.orderId, to: step, expectedFrom: status, actor: { type: "SYSTEM" }, reason }, { tx });
          await tx.parcelOperation.update({ where: { id: operation.id }, data: { appliedStatus: step }, select: { id: true } });
        });
        status = step;
        moved += 1;
      } catch (error) {
        const appError = toAppError(error);
        // Someone (or a concurrent run) moved it meanwhile: start again from where it is now.
        if (appError.code === "CONFLICT" && appError.message === ORDER_CHANGED_MEANWHILE && attempt < 3) return moved + (await advanceOrder(parcel, carrier, attempt + 1));
        throw error;
      }
    }
  }
  return moved;
}

const carrierLabel = (carrier: string) => (carrier === RUSSIAN_POST_CARRIER ? "Почта России" : carrier);

/** The history note of a move: the carrier's own words ("Почта России: Вручение: Вручение адресату (170100 Тверь 100)"). */
function describeOperation(carrier: string, operation: { typeName: string | null; attrName: string | null; postcode: string | null; place: string | null; source: string }) {
  const what = [operation.typeName, operation.attrName].filter(Boolean).join(": ") || (operation.source === "cod" ? "COD transfer" : "operation");
  const where = [operation.postcode, operation.place].filter(Boolean).join(" ");
  return `${carrier}: ${what}${where ? ` (${where})` : ""}`;
}
