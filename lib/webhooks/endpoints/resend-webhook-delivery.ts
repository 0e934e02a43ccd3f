// "Resend" in the delivery log: the event goes to the endpoint once more (a new signature, the
// same body), logged as a resend; a success marks a failed delivery succeeded.
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { enqueue } from "@/lib/queue/enqueue";

const ZResendInput = z.object({ endpointId: z.string().min(1).max(64), deliveryId: z.uuid() });

export async function resendWebhookDelivery(input: { endpointId: unknown; deliveryId: unknown }, actor: TSectionActor, context: { ip?: string } = {}): Promise<void> {
  const owner = assertSectionActor(actor, "settings");
  const parsed = ZResendInput.safeParse(input);
  if (!parsed.success) throw notFound("Webhook delivery");
  await db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findFirst({ where: { id: parsed.data.deliveryId, endpointId: parsed.data.endpointId }, select: { id: true, eventId: true } });
    if (!delivery) throw notFound("Webhook delivery");
    await enqueue("webhooks.deliver", { deliveryId: delivery.id, resend: true, requestedAt: new Date().toISOString() }, { tx });
    await recordAudit(tx, {
      actor: { type: "USER", id: owner.id },
      action: "webhook.resend",
      entity: { type: "WebhookEndpoint", id: parsed.data.endpointId },
      data: { deliveryId: delivery.id, eventId: delivery.eventId },
      ip: context.ip,
    });
  });
}
