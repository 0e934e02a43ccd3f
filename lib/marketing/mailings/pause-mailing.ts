// Pauses a mailing that is sending: the run sees it at its next claim or write-back (well within a
// second), puts the recipients it had claimed but not sent back in the queue, and ends.
import type { TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { assertMailingActor } from "./mailing-access";
import { mailingStateConflict } from "./mailing-state-conflict";

export async function pauseMailing(mailingId: string, actor: TSectionActor): Promise<void> {
  assertMailingActor(actor);
  const paused = await db.mailing.updateMany({ where: { id: mailingId, status: "SENDING" }, data: { status: "PAUSED", pauseReason: "manual" } });
  if (paused.count !== 1) throw await mailingStateConflict(mailingId, "mailings.errors.notSending");
}
