// The owner adds a co-owner, optionally with a first share rule (the form offers one), in one
// transaction: a share over the 100 % limit leaves no co-owner behind.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { parseOrThrow, ZCoOwnerFields, ZShareFields } from "./coowner-input";
import { assertProductExists, assertUserExists } from "./load-coowner";
import { assertSharesWithinLimit, lockCoOwnerShares } from "./share-limit";

export const ZCreateCoOwner = ZCoOwnerFields.extend({ share: ZShareFields.nullish() });

export async function createCoOwner(input: unknown, actor: TSectionActor, context: { ip?: string } = {}): Promise<{ id: string }> {
  const owner = assertSectionActor(actor, "settings");
  const { share, ...fields } = parseOrThrow(ZCreateCoOwner, input, "co-owner");
  return db.$transaction(async (tx) => {
    await assertUserExists(tx, fields.userId);
    if (share) await assertProductExists(tx, share.productId);
    await lockCoOwnerShares(tx);
    const coOwner = await tx.coOwner.create({ data: fields, select: { id: true } });
    await recordAudit(tx, { actor: { type: "USER", id: owner.id }, action: "coowner.create", entity: { type: "CoOwner", id: coOwner.id }, before: null, after: fields, ip: context.ip });
    if (share) {
      const rule = await tx.coOwnerShare.create({ data: { coOwnerId: coOwner.id, ...share }, select: { id: true } });
      await assertSharesWithinLimit(tx);
      await recordAudit(tx, {
        actor: { type: "USER", id: owner.id },
        action: "coowner.share.set",
        entity: { type: "CoOwnerShare", id: rule.id },
        before: null,
        after: { coOwnerId: coOwner.id, ...share },
        ip: context.ip,
      });
    }
    return coOwner;
  });
}
