// Locks one endpoint for a change (or answers NOT_FOUND); the owner's operations share it.
import type { DbTransaction } from "@/lib/db";
import { notFound } from "@/lib/errors";

export interface LockedWebhookEndpoint {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  status: "ENABLED" | "DISABLED";
}

export async function lockWebhookEndpointOrThrow(tx: DbTransaction, endpointId: unknown): Promise<LockedWebhookEndpoint> {
  if (typeof endpointId !== "string" || endpointId.length === 0 || endpointId.length > 64) throw notFound("Webhook endpoint");
  const [endpoint] = await tx.$queryRaw<LockedWebhookEndpoint[]>`
    SELECT id, url, description, events, status::text AS status FROM "WebhookEndpoint" WHERE id = ${endpointId} FOR UPDATE`;
  if (!endpoint) throw notFound("Webhook endpoint");
  return endpoint;
}
