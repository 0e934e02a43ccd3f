// Resumes a paused mailing: recipients that failed are given another try (a pause after a run of
// failures is usually an outage, and permanent refusals fail again harmlessly, up to
// MAX_ATTEMPTS), and a new sending run is queued through the outbox.
import type { TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { enqueue } from "@/lib/queue/enqueue";
import { assertMailingActor } from "./mailing-access";
import { mailingStateConflict } from "./mailing-state-conflict";

/** Sends per recipient, in all; a recipient that failed this often stays FAILED. */
export const MAX_ATTEMPTS = 3;

export async function resumeMailing(mailingId: string, actor: TSectionActor): Promise<void> {
  assertMailingActor(actor);
  await db.$transaction(async (tx) => {
    const resumed = await tx.mailing.updateMany({ where: { id: mailingId, status: "PAUSED" }, data: { status: "SENDING", pauseReason: null } });
    if (resumed.count !== 1) throw await mailingStateConflict(mailingId, "mailings.errors.notPaused");
    const retried = await tx.$executeRaw`
      UPDATE "MailingRecipient" SET status = 'PENDING', error = NULL
      WHERE "mailingId" = ${mailingId} AND status = 'FAILED' AND attempts < ${MAX_ATTEMPTS}`;
    if (retried > 0) await tx.mailing.update({ where: { id: mailingId }, data: { failedCount: { decrement: retried } } });
    await enqueue("marketing.send-mailing", { mailingId }, { tx });
  });
}
