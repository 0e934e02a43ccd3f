// The owner switches an endpoint off or back on. Switching on clears an automatic disable; the
// events missed meanwhile can be resent from the delivery log.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { lockWebhookEndpointOrThrow } from "./load-webhook-endpoint";

export async function setWebhookEndpointEnabled(input: { endpointId: unknown; enabled: boolean }, actor: TSectionActor, context: { ip?: string } = {}): Promise<void> {
  const owner = assertSectionActor(actor, "settings");
  await db.$transaction(async (tx) => {
    const endpoint = await lockWebhookEndpointOrThrow(tx, input.endpointId);
    const status = input.enabled ? "ENABLED" : "DISABLED";
    if (endpoint.status === status) return;
    await tx.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: input.enabled ? { status, disabledReason: null, disabledAt: null } : { status, disabledReason: "manual", disabledAt: new Date() },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: { type: "USER", id: owner.id },
      action: input.enabled ? "webhook.enable" : "webhook.disable",
      entity: { type: "WebhookEndpoint", id: endpoint.id },
      before: { status: endpoint.status },
      after: { status },
      ip: context.ip,
    });
  });
}
