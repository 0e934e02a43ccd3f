// One endpoint's page: its settings (never the secret) and its delivery log, newest first in
// keyset pages, each delivery with its attempts (request headers, response code, time, excerpt).
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { eventBody } from "../event-body";

export const DELIVERIES_PAGE_SIZE = 25;

export interface WebhookAttemptView {
  id: string;
  attempt: number;
  isResend: boolean;
  requestHeaders: Record<string, string>;
  statusCode: number | null;
  responseTimeMs: number | null;
  responseExcerpt: string | null;
  error: string | null;
  createdAt: string;
}

export interface WebhookDeliveryView {
  id: string;
  eventId: string;
  type: string;
  status: "PENDING" | "SUCCEEDED" | "FAILED";
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  createdAt: string;
  body: string;
  log: WebhookAttemptView[];
}

export async function getWebhookEndpointOrThrow(endpointId: string, actor: TSectionActor, page: { before?: string } = {}) {
  assertSectionActor(actor, "settings");
  const endpoint = await db.webhookEndpoint.findUnique({
    where: { id: endpointId },
    select: {
      id: true,
      url: true,
      description: true,
      events: true,
      status: true,
      disabledReason: true,
      disabledAt: true,
      lastSuccessAt: true,
      previousSecretExpiresAt: true,
      createdAt: true,
    },
  });
  if (!endpoint) throw notFound("Webhook endpoint");
  const cursor =
    page.before && /^[0-9a-f-]{36}$/i.test(page.before) ? await db.webhookDelivery.findFirst({ where: { id: page.before, endpointId }, select: { id: true, createdAt: true } }) : null;
  const deliveries = await db.webhookDelivery.findMany({
    where: { endpointId, ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DELIVERIES_PAGE_SIZE + 1,
    select: {
      id: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      lastStatusCode: true,
      createdAt: true,
      event: { select: { id: true, type: true, data: true, createdAt: true } },
      log: {
        orderBy: { id: "desc" },
        take: 20,
        select: { id: true, attempt: true, isResend: true, requestHeaders: true, statusCode: true, responseTimeMs: true, responseExcerpt: true, error: true, createdAt: true },
      },
    },
  });
  const hasMore = deliveries.length > DELIVERIES_PAGE_SIZE;
  const shown = deliveries.slice(0, DELIVERIES_PAGE_SIZE);
  return {
    endpoint: {
      ...endpoint,
      disabledAt: endpoint.disabledAt?.toISOString() ?? null,
      lastSuccessAt: endpoint.lastSuccessAt?.toISOString() ?? null,
      previousSecretExpiresAt: endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > new Date() ? endpoint.previousSecretExpiresAt.toISOString() : null,
      createdAt: endpoint.createdAt.toISOString(),
    },
    deliveries: shown.map((delivery): WebhookDeliveryView => ({
      id: delivery.id,
      eventId: delivery.event.id,
      type: delivery.event.type,
      status: delivery.status,
      attempts: delivery.attempts,
      nextAttemptAt: delivery.status === "PENDING" ? (delivery.nextAttemptAt?.toISOString() ?? null) : null,
      lastStatusCode: delivery.lastStatusCode,
      createdAt: delivery.createdAt.toISOString(),
      body: eventBody(delivery.event),
      log: delivery.log.map((entry) => ({
        ...entry,
        id: entry.id.toString(),
        requestHeaders: entry.requestHeaders as Record<string, string>,
        createdAt: entry.createdAt.toISOString(),
      })),
    })),
    nextBefore: hasMore ? shown.at(-1)?.id : undefined,
  };
}
