// Queues the postback of one order event inside the business transaction (through the outbox), so
// the partner hears of an order or status change exactly when it commits. Orders without a partner,
// or whose partner has no postback URL, queue nothing.
import { z } from "zod";
import type { DbTransaction } from "@/lib/db";
import { OrderStatus } from "@/lib/db/generated/enums";
import { enqueue } from "@/lib/queue/enqueue";
import { POSTBACK_EVENTS } from "./jobs/send-postback";

export const ZQueuePostbackInput = z.object({
  orderId: z.string().min(1).max(64),
  status: z.enum(OrderStatus),
  /** "order.created" from checkout, "order.status" (the default) from a status change. */
  event: z.enum(POSTBACK_EVENTS).default("order.status"),
});
export type TQueuePostbackInput = z.input<typeof ZQueuePostbackInput>;

/** Returns the outbox row id, or null when the order has no partner postback URL. */
export async function queuePostback(tx: DbTransaction, input: TQueuePostbackInput): Promise<string | null> {
  const { orderId, status, event } = ZQueuePostbackInput.parse(input);
  const order = await tx.order.findUnique({ where: { id: orderId }, select: { partner: { select: { postbackUrl: true } } } });
  if (!order?.partner?.postbackUrl) return null;
  return enqueue("partner.postback", { orderId, event, status, queuedAt: new Date().toISOString() }, { tx });
}
