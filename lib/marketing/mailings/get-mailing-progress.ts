// A mailing's progress and statistics: what the admin's progress bar polls (a small JSON route)
// and the mailing page shows. Counters are kept by the sending run's batched write-backs.
import type { TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import type { MailingStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { assertMailingActor } from "./mailing-access";

export interface MailingProgress {
  status: MailingStatus;
  pauseReason: string | null;
  recipients: number;
  sent: number;
  failed: number;
  /** Left out at send time: unsubscribed after the list was frozen. */
  skipped: number;
  /** Still to send (pending or in flight). */
  toSend: number;
  /** Unsubscribed through this mailing's links. */
  unsubscribed: number;
  ratePerSecond: number;
  startedAt: string | null;
  finishedAt: string | null;
}

export async function getMailingProgress(mailingId: string, actor: TSectionActor): Promise<MailingProgress> {
  assertMailingActor(actor);
  const mailing = await db.mailing.findUnique({
    where: { id: mailingId },
    select: {
      status: true,
      pauseReason: true,
      recipientsCount: true,
      sentCount: true,
      failedCount: true,
      skippedCount: true,
      ratePerSecond: true,
      startedAt: true,
      finishedAt: true,
      _count: { select: { unsubscribes: true } },
    },
  });
  if (!mailing) throw new AppError("NOT_FOUND", "Mailing not found");
  const done = mailing.sentCount + mailing.failedCount + mailing.skippedCount;
  return {
    status: mailing.status,
    pauseReason: mailing.pauseReason,
    recipients: mailing.recipientsCount,
    sent: mailing.sentCount,
    failed: mailing.failedCount,
    skipped: mailing.skippedCount,
    toSend: mailing.status === "CANCELLED" || mailing.status === "DRAFT" ? 0 : Math.max(0, mailing.recipientsCount - done),
    unsubscribed: mailing._count.unsubscribes,
    ratePerSecond: mailing.ratePerSecond,
    startedAt: mailing.startedAt?.toISOString() ?? null,
    finishedAt: mailing.finishedAt?.toISOString() ?? null,
  };
}
