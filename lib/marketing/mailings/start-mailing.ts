// Starts sending a draft: the audience is frozen into MailingRecipient rows (one per address,
// suppressed addresses left out, each with its locale), the mailing becomes SENDING and the
// sending job is queued through the outbox — all in one transaction, so a second click, or two
// admins at once, start it once. An empty audience starts nothing and says so.
import type { TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueue } from "@/lib/queue/enqueue";
import { assertMailingActor } from "./mailing-access";
import { audienceSql, parseStoredAudience } from "./mailing-audience";
import { ZMailingInput } from "./mailing-input";
import { recordAudit } from "@/lib/audit/record-audit";

export async function startMailing(mailingId: string, actor: TSectionActor, context: { ip?: string } = {}): Promise<{ recipients: number }> {
  const staff = assertMailingActor(actor);
  return db.$transaction(
    async (tx) => {
      const [mailing] = await tx.$queryRaw<{ status: string; name: string; subject: string; body: string; subjectEn: string; bodyEn: string; audience: unknown }[]>`
        SELECT status::text AS status, name, subject, body, "subjectEn", "bodyEn", audience FROM "Mailing" WHERE id = ${mailingId} FOR UPDATE`;
      if (!mailing) throw new AppError("NOT_FOUND", "Mailing not found");
      if (mailing.status !== "DRAFT") throw new AppError("CONFLICT", "The mailing has already been started", { fieldErrors: { _: ["mailings.errors.alreadyStarted"] } });
      const audience = parseStoredAudience(mailing.audience);
      // A draft saved by an older version, or edited by hand: refuse rather than guess.
      if (!audience || !ZMailingInput.safeParse({ ...mailing, audience }).success) {
        throw new AppError("VALIDATION", "The mailing is incomplete", { fieldErrors: { _: ["mailings.errors.incomplete"] } });
      }
      const recipients = await tx.$executeRaw`
        INSERT INTO "MailingRecipient" (id, "mailingId", "customerId", "partnerId", email, name, locale)
        SELECT 'mr' || substr(md5(${mailingId} || a.email), 1, 23), ${mailingId}, a."customerId", a."partnerId", a.email, a.name, a.locale
        FROM (${audienceSql(audience)}) a
        ON CONFLICT ("mailingId", email) DO NOTHING`;
      if (recipients === 0) {
        throw new AppError("VALIDATION", "Nobody is in the audience", { fieldErrors: { audience: ["mailings.errors.emptyAudience"] } });
      }
      await tx.mailing.update({
        where: { id: mailingId },
        data: { status: "SENDING", startedAt: new Date(), recipientsCount: recipients, sentCount: 0, failedCount: 0, skippedCount: 0, pauseReason: null },
      });
      await enqueue("marketing.send-mailing", { mailingId }, { tx });
      await recordAudit(tx, { actor: { type: "staff", id: staff.id }, action: "mailing.started", entity: { type: "Mailing", id: mailingId }, data: { recipients }, ip: context.ip ?? null });
      return { recipients };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
