// Removes one of a partner's commission overrides: the product's table and the program default
// apply again from the next order. Scoped by the partner, so an id from another partner's page
// deletes nothing. Audit-logged with the rate that was removed.
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { AppError, notFound, zodFieldErrors } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZDeleteCommissionOverrideInput = z.object({
  partnerId: z.string().trim().min(1).max(64),
  overrideId: z.string().trim().min(1).max(64),
});

export async function deleteCommissionOverride(input: unknown, actor: TSectionActor, context: { ip?: string } = {}): Promise<{ id: string }> {
  assertSectionActor(actor, "partners");
  const parsed = ZDeleteCommissionOverrideInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid request", { fieldErrors: zodFieldErrors(parsed.error) });
  const { partnerId, overrideId } = parsed.data;

  return db.$transaction(async (tx) => {
    const existing = await tx.partnerCommissionOverride.findFirst({
      where: { id: overrideId, partnerId },
      select: { id: true, productId: true, level: true, kind: true, value: true },
    });
    if (!existing) throw notFound("Commission override");
    await tx.partnerCommissionOverride.delete({ where: { id: existing.id }, select: { id: true } });
    await recordAudit(tx, {
      actor: { type: "staff", id: actor.id },
      action: "partner.override_deleted",
      entity: { type: "Partner", id: partnerId },
      data: { overrideId: existing.id, productId: existing.productId, level: existing.level, kind: existing.kind, value: existing.value },
      ip: context.ip,
    });
    return { id: existing.id };
  });
}
