// One mailing for its admin page: the editor's fields, the audience as stored, and the progress
// and statistics (get-mailing-progress.ts, also served alone as JSON to the progress bar).
import type { TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertMailingActor } from "./mailing-access";
import { parseStoredAudience, type MailingAudience } from "./mailing-audience";
import { getMailingProgress, type MailingProgress } from "./get-mailing-progress";

export interface MailingDetail {
  id: string;
  name: string;
  subject: string;
  body: string;
  subjectEn: string;
  bodyEn: string;
  audience: MailingAudience | null;
  ratePerSecond: number;
  maxConsecutiveFailures: number;
  createdAt: Date;
  createdByName: string | null;
  progress: MailingProgress;
}

export async function getMailingOrThrow(mailingId: string, actor: TSectionActor): Promise<MailingDetail> {
  assertMailingActor(actor);
  const mailing = await db.mailing.findUnique({
    where: { id: mailingId },
    select: {
      id: true,
      name: true,
      subject: true,
      body: true,
      subjectEn: true,
      bodyEn: true,
      audience: true,
      ratePerSecond: true,
      maxConsecutiveFailures: true,
      createdAt: true,
      createdBy: { select: { name: true } },
    },
  });
  if (!mailing) throw new AppError("NOT_FOUND", "Mailing not found");
  const { createdBy, audience, ...rest } = mailing;
  return { ...rest, audience: parseStoredAudience(audience), createdByName: createdBy?.name ?? null, progress: await getMailingProgress(mailingId, actor) };
}
