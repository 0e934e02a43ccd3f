// The events an outgoing webhook endpoint can subscribe to, and the object each one carries.
// `ping` is sent only by the "send test event" button, to the one endpoint it was pressed for.
export const WEBHOOK_EVENT_TYPES = [
  "order.created",
  "order.status_changed",
  "order.paid",
  "customer.created",
  "commission.created",
  "commission.approved",
  "commission.available",
  "commission.cancelled",
  "commission.paid",
  "payout.created",
  "payout.approved",
  "payout.paid",
  "payout.rejected",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_OBJECT_TYPES = ["order", "customer", "commission", "payout"] as const;
export type WebhookObjectType = (typeof WEBHOOK_OBJECT_TYPES)[number];

export const TEST_EVENT_TYPE = "ping";

/** "order.paid" → "order": every event type is named after its object. */
export function objectTypeOf(type: WebhookEventType): WebhookObjectType {
  return type.slice(0, type.indexOf(".")) as WebhookObjectType;
}

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
