// A note on an order's timeline, at any status (a call-centre or warehouse system noting what
// happened): a history entry without a move, by its author. The internal notes field of the
// order page stays what updateOrderBeforeShipping edits.
import { z } from "zod";
import { db } from "@/lib/db";
import type { OrderStatus } from "@/lib/db/generated/enums";
import { AppError, notFound, zodFieldErrors } from "@/lib/errors";
import { ZOrderActor, type TOrderActor } from "./change-order-status";

export const ZAddOrderNoteInput = z.object({
  orderId: z.string().trim().min(1).max(64),
  text: z.string({ error: "checkoutErrors.required" }).trim().min(1, { error: "checkoutErrors.required" }).max(2000, { error: "checkoutErrors.tooLong" }),
  actor: ZOrderActor,
});

export interface OrderNote {
  id: string;
  orderId: string;
  text: string;
  createdAt: Date;
}

export async function addOrderNote(input: { orderId: string; text: unknown; actor: TOrderActor }): Promise<OrderNote> {
  const parsed = ZAddOrderNoteInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Some fields are invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  const { orderId, text, actor } = parsed.data;
  return db.$transaction(async (tx) => {
    // The row lock keeps the note's status the order's status at the moment it was written.
    const [order] = await tx.$queryRaw<{ id: string; status: OrderStatus }[]>`SELECT id, status::text AS status FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
    if (!order) throw notFound("Order");
    const status = order.status;
    const note = await tx.orderStatusChange.create({
      data: { orderId, fromStatus: status, toStatus: status, actorType: actor.type, actorId: actor.id ?? null, reason: text },
      select: { id: true, createdAt: true },
    });
    return { id: note.id.toString(), orderId, text, createdAt: note.createdAt };
  });
}
