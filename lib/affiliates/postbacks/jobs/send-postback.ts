// Job "partner.postback": one postback request to a partner's server. Every attempt is logged in
// PostbackLog (response code, time, body excerpt, attempt number); anything but a 2xx throws so
// the queue retries with backoff (a host refused as private fails at once). Delivery is at least
// once, as for any HTTP callback: a request that timed out may still have reached the partner. A
// job that already got a 2xx and runs again (the worker died before marking it done) sends
// nothing: see alreadyDelivered.
//
// The URL is built when the job runs, not when it is queued, so {payout} sees the commission that
// the same order transaction created. A replay re-sends the logged URL exactly as it went out.
import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import { db } from "@/lib/db";
import { OrderStatus } from "@/lib/db/generated/enums";
import { defineJob, type JobContext } from "@/lib/queue/define-job";
import { buildPostbackUrl } from "../build-postback-url";
import { assertPublicHost, PrivateHostError } from "../assert-public-host";
import { getEnv } from "@/lib/env";

export const POSTBACK_EVENTS = ["order.created", "order.status"] as const;
export const POSTBACK_TIMEOUT_MS = 5_000;
export const POSTBACK_EXCERPT_MAX_CHARS = 500;
const ERROR_MAX_CHARS = 500;

export const ZOrderPostbackPayload = z.object({
  orderId: z.string().min(1).max(64),
  event: z.enum(POSTBACK_EVENTS),
  /** The status the order moved to: the one reported, even if it moved on since. */
  status: z.enum(OrderStatus),
  queuedAt: z.iso.datetime(),
});

export const ZReplayPostbackPayload = z.object({
  /** PostbackLog id (a bigint, as text: payloads travel as JSON). */
  replayOfLogId: z.string().regex(/^[1-9]\d{0,18}$/),
});

export const ZSendPostbackPayload = z.union([ZOrderPostbackPayload, ZReplayPostbackPayload]);
export type TSendPostbackPayload = z.input<typeof ZSendPostbackPayload>;

interface PostbackTarget {
  partnerId: string;
  orderId: string | null;
  event: string;
  orderStatus: OrderStatus | null;
  url: string;
  isReplay: boolean;
}

export const sendPostbackJob = defineJob({
  name: "partner.postback",
  payload: ZSendPostbackPayload,
  // Partners' trackers go down for minutes, not days: 30 s doubling over 8 tries is about 2 hours.
  attempts: 8,
  backoffMs: 30_000,
  async handle(payload, context) {
    const target = "replayOfLogId" in payload ? await replayTarget(payload.replayOfLogId) : await orderTarget(payload);
    if (!target) {
      context.log("postback skipped: no partner postback URL for this order");
      return;
    }
    if (!target.isReplay && "queuedAt" in payload && (await alreadyDelivered(target, new Date(payload.queuedAt)))) {
      context.log("postback skipped: already delivered", { orderId: target.orderId });
      return;
    }
    await sendAndLog(target, context);
  },
});

async function orderTarget(payload: z.output<typeof ZOrderPostbackPayload>): Promise<PostbackTarget | null> {
  const order = await db.order.findUnique({
    where: { id: payload.orderId },
    select: {
      id: true,
      productId: true,
      currency: true,
      clickId: true,
      sub1: true,
      sub2: true,
      sub3: true,
      sub4: true,
      sub5: true,
      partner: { select: { id: true, postbackUrl: true } },
      commissions: { where: { level: 0 }, select: { amount: true, currency: true } },
    },
  });
  // The order was deleted or the partner removed the URL since: nothing to send, nothing to retry.
  if (!order?.partner?.postbackUrl) return null;
  const commission = order.commissions[0];
  const values = {
    orderId: order.id,
    clickId: order.clickId,
    sub1: order.sub1,
    sub2: order.sub2,
    sub3: order.sub3,
    sub4: order.sub4,
    sub5: order.sub5,
    status: payload.status,
    payoutMinor: commission?.amount ?? null,
    payoutCurrency: commission?.currency ?? order.currency,
    currency: order.currency,
    productId: order.productId,
  };
  let url: string;
  try {
    url = buildPostbackUrl(order.partner.postbackUrl, values);
  } catch {
    // A URL stored before validation existed (or by hand): retrying cannot fix it, and the
    // partner sees nothing, so it is logged as a failed attempt with the reason.
    await db.postbackLog.create({
      data: {
        partnerId: order.partner.id,
        orderId: order.id,
        event: payload.event,
        orderStatus: payload.status,
        url: order.partner.postbackUrl.slice(0, 2000),
        error: "invalid postback URL (not http(s))",
      },
      select: { id: true },
    });
    return null;
  }
  return { partnerId: order.partner.id, orderId: order.id, event: payload.event, orderStatus: payload.status, url, isReplay: false };
}

async function replayTarget(logId: string): Promise<PostbackTarget | null> {
  const log = await db.postbackLog.findUnique({
    where: { id: BigInt(logId) },
    select: { partnerId: true, orderId: true, event: true, orderStatus: true, url: true },
  });
  if (!log) return null;
  return { ...log, isReplay: true };
}

/**
 * True when this order event already got a 2xx since the job was queued. Keyed by what was
 * reported (order, event, status), not by job id, since PostbackLog has no job column; the only
 * thing this can merge is two identical reports of the same status queued close together.
 */
async function alreadyDelivered(target: PostbackTarget, queuedAt: Date): Promise<boolean> {
  if (!target.orderId) return false;
  const delivered = await db.postbackLog.findFirst({
    where: {
      orderId: target.orderId,
      partnerId: target.partnerId,
      event: target.event,
      orderStatus: target.orderStatus,
      isReplay: false,
      statusCode: { gte: 200, lt: 300 },
      createdAt: { gte: queuedAt },
    },
    select: { id: true },
  });
  return delivered !== null;
}

async function sendAndLog(target: PostbackTarget, context: JobContext) {
  const startedAt = performance.now();
  let statusCode: number | null = null;
  let excerpt: string | null = null;
  let error: string | null = null;
  let refusedHost = false;
  try {
    await assertPublicHost(target.url, getEnv().POSTBACK_ALLOW_PRIVATE_HOSTS);
    const response = await fetch(target.url, {
      method: "GET",
      // Redirects are not followed: the validated URL is the only host we agreed to call.
      redirect: "manual",
      headers: { "user-agent": "Lavka-Postback/1", accept: "*/*" },
      signal: AbortSignal.timeout(POSTBACK_TIMEOUT_MS),
    });
    statusCode = response.status;
    excerpt = await readExcerpt(response);
  } catch (caught) {
    const cause = caught as Error;
    refusedHost = cause instanceof PrivateHostError;
    error = (cause.name === "TimeoutError" ? `timed out after ${POSTBACK_TIMEOUT_MS} ms` : `${cause.message}${cause.cause instanceof Error ? `: ${cause.cause.message}` : ""}`).slice(
      0,
      ERROR_MAX_CHARS,
    );
  }
  const responseTimeMs = Math.round(performance.now() - startedAt);
  const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
  if (!ok && error === null) error = `HTTP ${statusCode}`;

  await db.postbackLog.create({
    data: {
      partnerId: target.partnerId,
      orderId: target.orderId,
      event: target.event,
      orderStatus: target.orderStatus,
      url: target.url,
      statusCode,
      responseTimeMs,
      responseExcerpt: excerpt,
      error,
      attempt: context.attempt,
      isReplay: target.isReplay,
    },
    select: { id: true },
  });
  context.log("postback sent", { statusCode, responseTimeMs, attempt: context.attempt });
  // A host that resolves to a private address (a URL saved before the rule, or its DNS changed
  // since) is not a tracker that is down: retrying for two hours would only repeat the refusal,
  // and would call again whenever the name pointed somewhere else. The partner sees the refusal
  // in the log and can replay once the URL is fixed.
  if (refusedHost) throw new UnrecoverableError(`Postback to partner ${target.partnerId} refused: ${error}`);
  if (!ok) throw new Error(`Postback to partner ${target.partnerId} failed: ${error}`);
}

/** The first POSTBACK_EXCERPT_MAX_CHARS characters of the body, without reading a huge body whole (webhooks' log reads them too). */
export async function readExcerpt(response: Response): Promise<string | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    while (text.length < POSTBACK_EXCERPT_MAX_CHARS) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    text += decoder.decode();
  } catch {
    // A body cut off mid-way still has its code and the part that arrived.
  } finally {
    await reader.cancel().catch(() => {});
  }
  // Postgres text refuses NUL bytes.
  const excerpt = text.replaceAll("\u0000", "").slice(0, POSTBACK_EXCERPT_MAX_CHARS);
  return excerpt.length > 0 ? excerpt : null;
}
