// Job "webhooks.deliver": one attempt (or a resend) of one webhook delivery. HTTP failures are
// not thrown: deliver-webhook.ts logs them and queues the next try on its own schedule (jitter,
// a three-day window). The queue's retries are only for the worker's own troubles (the database
// unreachable, another worker still holding the attempt's lease).
import { defineJob } from "@/lib/queue/define-job";
import { ZDeliverWebhookPayload } from "../deliver-webhook-payload";

export const deliverWebhookJob = defineJob({
  name: "webhooks.deliver",
  payload: ZDeliverWebhookPayload,
  attempts: 6,
  backoffMs: 30_000,
  async handle(payload, context) {
    // Imported when run: deliver-webhook queues the next try (lib/queue/enqueue), which reads the
    // job registry that imports this file.
    const { deliverWebhook } = await import("../deliver-webhook");
    const outcome = await deliverWebhook(payload);
    context.log("webhook delivery", { deliveryId: payload.deliveryId, ...outcome });
  },
});
