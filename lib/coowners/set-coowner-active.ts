// The owner deactivates a co-owner (their rules stay, but they take no share and free their part
// of the 100 %) or reactivates one (refused if their rules no longer fit under the 100 %).
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { parseOrThrow } from "./coowner-input";
import { lockCoOwnerOrThrow } from "./load-coowner";
import { assertSharesWithinLimit, lockCoOwnerShares } from "./share-limit";

const ZSetActive = z.object({ isActive: z.boolean({ error: "settings.coowners.errors.invalid" }) });

export async function setCoOwnerActive(coOwnerId: unknown, input: unknown, actor: TSectionActor, context: { ip?: string } = {}): Promise<void> {
  const owner = assertSectionActor(actor, "settings");
  const { isActive } = parseOrThrow(ZSetActive, input, "co-owner status");
  await db.$transaction(async (tx) => {
    await lockCoOwnerShares(tx);
    const coOwner = await lockCoOwnerOrThrow(tx, coOwnerId);
    if (coOwner.isActive === isActive) return;
    await tx.coOwner.update({ where: { id: coOwner.id }, data: { isActive }, select: { id: true } });
    if (isActive) await assertSharesWithinLimit(tx);
    await recordAudit(tx, {
      actor: { type: "USER", id: owner.id },
      action: isActive ? "coowner.activate" : "coowner.deactivate",
      entity: { type: "CoOwner", id: coOwner.id },
      before: { isActive: coOwner.isActive },
      after: { isActive },
      ip: context.ip,
    });
  });
}
