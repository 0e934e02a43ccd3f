// The owner rolls an endpoint's signing secret: requests are signed with the new secret and, for
// the next 24 hours, also with the old one (a second v1), so the receiver can switch over without
// losing events. Rotating again within those 24 hours drops the oldest secret.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { generateWebhookSecret } from "../sign-payload";
import { lockWebhookEndpointOrThrow } from "./load-webhook-endpoint";

export const PREVIOUS_SECRET_VALID_MS = 24 * 3_600_000;

export async function rotateWebhookSecret(endpointId: unknown, actor: TSectionActor, context: { ip?: string; now?: Date } = {}): Promise<{ secret: string; previousSecretExpiresAt: Date }> {
  const owner = assertSectionActor(actor, "settings");
  const now = context.now ?? new Date();
  return db.$transaction(async (tx) => {
    const endpoint = await lockWebhookEndpointOrThrow(tx, endpointId);
    const current = await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id }, select: { secret: true } });
    const secret = generateWebhookSecret();
    const previousSecretExpiresAt = new Date(now.getTime() + PREVIOUS_SECRET_VALID_MS);
    await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { secret, previousSecret: current.secret, previousSecretExpiresAt }, select: { id: true } });
    await recordAudit(tx, {
      actor: { type: "USER", id: owner.id },
      action: "webhook.rotate_secret",
      entity: { type: "WebhookEndpoint", id: endpoint.id },
      data: { previousSecretExpiresAt: previousSecretExpiresAt.toISOString() },
      ip: context.ip,
    });
    return { secret, previousSecretExpiresAt };
  });
}
