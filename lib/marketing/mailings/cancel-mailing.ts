// Cancels a mailing that is sending or paused: nobody else gets it (the run stops within a
// second); who already got it stays on record.
import type { TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { assertMailingActor } from "./mailing-access";
import { mailingStateConflict } from "./mailing-state-conflict";

export async function cancelMailing(mailingId: string, actor: TSectionActor): Promise<void> {
  assertMailingActor(actor);
  const cancelled = await db.mailing.updateMany({
    where: { id: mailingId, status: { in: ["SENDING", "PAUSED"] } },
    data: { status: "CANCELLED", finishedAt: new Date(), pauseReason: null },
  });
  if (cancelled.count !== 1) throw await mailingStateConflict(mailingId, "mailings.errors.notCancellable");
}
