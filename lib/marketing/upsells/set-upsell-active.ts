// Pauses or resumes an upsell (the list's toggle): a paused bump leaves the checkout page and a
// paused offer the thank-you page at once, and an offer already on a page is refused when taken.
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { clearCheckoutCaches } from "@/lib/checkout/load-checkout-context";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZSetUpsellActiveInput = z.object({ id: z.string().trim().min(1).max(64), isActive: z.boolean() });

export async function setUpsellActive(input: z.input<typeof ZSetUpsellActiveInput>, actor: TSectionActor): Promise<void> {
  const staff = assertSectionActor(actor, "advertising");
  const { id, isActive } = ZSetUpsellActiveInput.parse(input);
  await db.$transaction(async (tx) => {
    const { count } = await tx.upsell.updateMany({ where: { id }, data: { isActive } });
    if (count === 0) throw new AppError("NOT_FOUND", "adminUpsells.errors.NOT_FOUND");
    await recordAudit(tx, { actor: { type: "USER", id: staff.id }, action: isActive ? "upsell.resume" : "upsell.pause", entity: { type: "Upsell", id } });
  });
  clearCheckoutCaches();
}
