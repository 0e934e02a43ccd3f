// The owner changes an endpoint's URL, description or events (the secret stays).
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { lockWebhookEndpointOrThrow } from "./load-webhook-endpoint";
import { parseWebhookEndpointInput, type TWebhookEndpointInput } from "./webhook-endpoint-input";

export async function updateWebhookEndpoint(endpointId: unknown, input: TWebhookEndpointInput, actor: TSectionActor, context: { ip?: string } = {}): Promise<void> {
  const owner = assertSectionActor(actor, "settings");
  const fields = await parseWebhookEndpointInput(input);
  await db.$transaction(async (tx) => {
    const endpoint = await lockWebhookEndpointOrThrow(tx, endpointId);
    await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: fields, select: { id: true } });
    const before = { url: endpoint.url, description: endpoint.description, events: endpoint.events };
    await recordAudit(tx, { actor: { type: "USER", id: owner.id }, action: "webhook.update", entity: { type: "WebhookEndpoint", id: endpoint.id }, before, after: fields, ip: context.ip });
  });
}
