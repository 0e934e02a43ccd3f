// The owner removes an endpoint, with its deliveries and their log.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { lockWebhookEndpointOrThrow } from "./load-webhook-endpoint";

export async function deleteWebhookEndpoint(endpointId: unknown, actor: TSectionActor, context: { ip?: string } = {}): Promise<void> {
  const owner = assertSectionActor(actor, "settings");
  await db.$transaction(async (tx) => {
    const endpoint = await lockWebhookEndpointOrThrow(tx, endpointId);
    await tx.webhookEndpoint.delete({ where: { id: endpoint.id }, select: { id: true } });
    await recordAudit(tx, {
      actor: { type: "USER", id: owner.id },
      action: "webhook.delete",
      entity: { type: "WebhookEndpoint", id: endpoint.id },
      before: { url: endpoint.url, description: endpoint.description, events: endpoint.events, status: endpoint.status },
      after: null,
      ip: context.ip,
    });
  });
}
