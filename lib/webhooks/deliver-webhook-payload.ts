// The payload of job "webhooks.deliver": an automatic attempt (numbered from 1) or a resend
// asked for from the delivery log. Apart from deliver-webhook.ts so that the job registry can
// import the schema without the sender (which queues jobs itself).
import { z } from "zod";

export const ZDeliverWebhookPayload = z.union([
  z.object({ deliveryId: z.uuid(), attempt: z.number().int().min(1).max(1000) }),
  z.object({ deliveryId: z.uuid(), resend: z.literal(true), requestedAt: z.iso.datetime() }),
]);
export type TDeliverWebhookPayload = z.input<typeof ZDeliverWebhookPayload>;
