// "Check now" on the order page: makes the parcel due and queues a poll of it alone (through the
// outbox, so the request returns at once and the worker asks the carrier). The daily quota and
// the claim still apply, so pressing it twice asks once.
import { z } from "zod";
import { assertSectionActor, ZSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueue } from "@/lib/queue/enqueue";

export const ZRequestParcelCheckInput = z.object({ orderId: z.string().trim().min(1).max(64), actor: ZSectionActor });

export async function requestParcelCheck(input: z.input<typeof ZRequestParcelCheckInput>): Promise<void> {
  const { orderId, actor } = ZRequestParcelCheckInput.parse(input);
  assertSectionActor(actor, "logistics");
  const order = await db.order.findUnique({ where: { id: orderId }, select: { trackingNumber: true } });
  if (!order) throw new AppError("NOT_FOUND", "Order not found");
  if (!order.trackingNumber) throw new AppError("CONFLICT", "The order has no tracking number");
  await db.$transaction(async (tx) => {
    const now = new Date();
    await tx.parcelTracking.upsert({
      where: { orderId },
      create: { orderId, trackingNumber: order.trackingNumber!, nextCheckAt: now },
      // A parcel being checked right now may be asked once more: its operations are still recorded once.
      update: { nextCheckAt: now },
      select: { orderId: true },
    });
    await enqueue("logistics.poll-parcels", { scheduledAt: now.toISOString(), orderIds: [orderId] }, { tx });
  });
}
