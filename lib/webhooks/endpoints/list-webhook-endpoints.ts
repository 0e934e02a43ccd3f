// Settings → Webhooks: every endpoint with its state and how its last day of deliveries went.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";

export interface WebhookEndpointRow {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  status: "ENABLED" | "DISABLED";
  disabledReason: string | null;
  lastSuccessAt: string | null;
  createdAt: string;
  /** Deliveries of the last 24 hours by status. */
  lastDay: { succeeded: number; pending: number; failed: number };
}

export async function listWebhookEndpoints(actor: TSectionActor): Promise<WebhookEndpointRow[]> {
  assertSectionActor(actor, "settings");
  const rows = await db.$queryRaw<
    (Omit<WebhookEndpointRow, "lastDay" | "lastSuccessAt" | "createdAt"> & { lastSuccessAt: Date | null; createdAt: Date; succeeded: number; pending: number; failed: number })[]
  >`
    SELECT w.id, w.url, w.description, w.events, w.status::text AS status, w."disabledReason", w."lastSuccessAt", w."createdAt",
      count(*) FILTER (WHERE d.status = 'SUCCEEDED')::int AS succeeded,
      count(*) FILTER (WHERE d.status = 'PENDING')::int AS pending,
      count(*) FILTER (WHERE d.status = 'FAILED')::int AS failed
    FROM "WebhookEndpoint" w
    LEFT JOIN "WebhookDelivery" d ON d."endpointId" = w.id AND d."createdAt" > (now() AT TIME ZONE 'UTC') - interval '1 day'
    GROUP BY w.id ORDER BY w."createdAt", w.id`;
  return rows.map(({ succeeded, pending, failed, lastSuccessAt, createdAt, ...row }) => ({
    ...row,
    lastSuccessAt: lastSuccessAt?.toISOString() ?? null,
    createdAt: createdAt.toISOString(),
    lastDay: { succeeded, pending, failed },
  }));
}
