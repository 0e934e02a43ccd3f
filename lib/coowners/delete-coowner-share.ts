// The owner removes one share rule (a co-owner's product rule, or their all-products rule).
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseOrThrow, ZId } from "./coowner-input";
import { lockCoOwnerShares } from "./share-limit";

export async function deleteCoOwnerShare(shareId: unknown, actor: TSectionActor, context: { ip?: string } = {}): Promise<void> {
  const owner = assertSectionActor(actor, "settings");
  const id = parseOrThrow(ZId, shareId, "share id");
  await db.$transaction(async (tx) => {
    await lockCoOwnerShares(tx);
    const share = await tx.coOwnerShare.findUnique({ where: { id }, select: { id: true, coOwnerId: true, productId: true, basisPoints: true } });
    if (!share) throw new AppError("NOT_FOUND", "Share not found");
    await tx.coOwnerShare.delete({ where: { id: share.id }, select: { id: true } });
    const { id: _id, ...before } = share;
    await recordAudit(tx, { actor: { type: "USER", id: owner.id }, action: "coowner.share.delete", entity: { type: "CoOwnerShare", id: share.id }, before, after: null, ip: context.ip });
  });
}
