// The owner looks at an endpoint's signing secret again (to configure a receiver); every reveal
// is in the audit log.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { lockWebhookEndpointOrThrow } from "./load-webhook-endpoint";

export async function revealWebhookSecret(endpointId: unknown, actor: TSectionActor, context: { ip?: string } = {}): Promise<{ secret: string }> {
  const owner = assertSectionActor(actor, "settings");
  return db.$transaction(async (tx) => {
    const endpoint = await lockWebhookEndpointOrThrow(tx, endpointId);
    const { secret } = await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id }, select: { secret: true } });
    await recordAudit(tx, { actor: { type: "USER", id: owner.id }, action: "webhook.reveal_secret", entity: { type: "WebhookEndpoint", id: endpoint.id }, ip: context.ip });
    return { secret };
  });
}
