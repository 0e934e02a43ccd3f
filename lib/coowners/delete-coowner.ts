// The owner removes a co-owner with their share rules. Reports compute shares from the rules in
// force, so a removed co-owner disappears from past months too (deactivate to keep them listed).
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { lockCoOwnerOrThrow } from "./load-coowner";

export async function deleteCoOwner(coOwnerId: unknown, actor: TSectionActor, context: { ip?: string } = {}): Promise<void> {
  const owner = assertSectionActor(actor, "settings");
  await db.$transaction(async (tx) => {
    const coOwner = await lockCoOwnerOrThrow(tx, coOwnerId);
    const shares = await tx.coOwnerShare.findMany({ where: { coOwnerId: coOwner.id }, select: { productId: true, basisPoints: true }, orderBy: { createdAt: "asc" } });
    await tx.coOwner.delete({ where: { id: coOwner.id }, select: { id: true } });
    await recordAudit(tx, {
      actor: { type: "USER", id: owner.id },
      action: "coowner.delete",
      entity: { type: "CoOwner", id: coOwner.id },
      before: { ...coOwner, shares },
      after: null,
      ip: context.ip,
    });
  });
}
