// The owner edits a co-owner's name, email, linked employee and note (shares have their own forms).
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { parseOrThrow, ZCoOwnerFields } from "./coowner-input";
import { assertUserExists, lockCoOwnerOrThrow } from "./load-coowner";

export async function updateCoOwner(coOwnerId: unknown, input: unknown, actor: TSectionActor, context: { ip?: string } = {}): Promise<void> {
  const owner = assertSectionActor(actor, "settings");
  const fields = parseOrThrow(ZCoOwnerFields, input, "co-owner");
  await db.$transaction(async (tx) => {
    const coOwner = await lockCoOwnerOrThrow(tx, coOwnerId);
    await assertUserExists(tx, fields.userId);
    await tx.coOwner.update({ where: { id: coOwner.id }, data: fields, select: { id: true } });
    const { id: _id, isActive: _isActive, ...before } = coOwner;
    await recordAudit(tx, { actor: { type: "USER", id: owner.id }, action: "coowner.update", entity: { type: "CoOwner", id: coOwner.id }, before, after: fields, ip: context.ip });
  });
}
