// "Send test event": a `ping` event for this one endpoint, sent once through the normal delivery
// path (signed, logged in its delivery log), whatever events the endpoint subscribes to.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { enqueue } from "@/lib/queue/enqueue";
import { TEST_EVENT_TYPE } from "../event-types";
import { newEventId } from "../record-webhook-events";
import { lockWebhookEndpointOrThrow } from "./load-webhook-endpoint";

export async function sendTestWebhook(endpointId: unknown, actor: TSectionActor): Promise<{ deliveryId: string }> {
  assertSectionActor(actor, "settings");
  return db.$transaction(async (tx) => {
    const endpoint = await lockWebhookEndpointOrThrow(tx, endpointId);
    const event = await tx.webhookEvent.create({
      data: {
        id: newEventId(),
        type: TEST_EVENT_TYPE,
        objectType: "webhook_endpoint",
        objectId: endpoint.id,
        data: { object: { id: endpoint.id, object: "webhook_endpoint", url: endpoint.url, events: endpoint.events } },
      },
      select: { id: true },
    });
    const delivery = await tx.webhookDelivery.create({ data: { eventId: event.id, endpointId: endpoint.id }, select: { id: true } });
    await enqueue("webhooks.deliver", { deliveryId: delivery.id, resend: true, requestedAt: new Date().toISOString() }, { tx });
    return { deliveryId: delivery.id };
  });
}
