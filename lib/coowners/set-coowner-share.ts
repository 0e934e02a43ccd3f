// The owner sets a co-owner's share of a product, or of all products (productId null): the rule
// is created or its basis points replaced. Refused when the active co-owners' shares of some
// product would exceed 100 % (share-limit.ts).
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { parseOrThrow, ZShareFields, type TShareFields } from "./coowner-input";
import { assertProductExists, lockCoOwnerOrThrow } from "./load-coowner";
import { assertSharesWithinLimit, lockCoOwnerShares } from "./share-limit";

export async function setCoOwnerShare(coOwnerId: unknown, input: unknown, actor: TSectionActor, context: { ip?: string } = {}): Promise<TShareFields & { id: string }> {
  const owner = assertSectionActor(actor, "settings");
  const share = parseOrThrow(ZShareFields, input, "share");
  return db.$transaction(async (tx) => {
    await lockCoOwnerShares(tx);
    const coOwner = await lockCoOwnerOrThrow(tx, coOwnerId);
    await assertProductExists(tx, share.productId);
    const existing = await tx.coOwnerShare.findFirst({ where: { coOwnerId: coOwner.id, productId: share.productId }, select: { id: true, basisPoints: true } });
    const rule = existing
      ? await tx.coOwnerShare.update({ where: { id: existing.id }, data: { basisPoints: share.basisPoints }, select: { id: true } })
      : await tx.coOwnerShare.create({ data: { coOwnerId: coOwner.id, ...share }, select: { id: true } });
    await assertSharesWithinLimit(tx);
    await recordAudit(tx, {
      actor: { type: "USER", id: owner.id },
      action: "coowner.share.set",
      entity: { type: "CoOwnerShare", id: rule.id },
      before: existing ? { coOwnerId: coOwner.id, productId: share.productId, basisPoints: existing.basisPoints } : null,
      after: { coOwnerId: coOwner.id, ...share },
      ip: context.ip,
    });
    return { id: rule.id, ...share };
  });
}
