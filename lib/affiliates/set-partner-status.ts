// The owner's approve / ban / unban of a partner (/admin/partners). Banning bumps the session
// version, so the partner's open sessions end at their next request (lib/auth/guard re-checks
// it); signing in is refused while banned (lib/auth/authenticate). Unbanning returns the partner
// to ACTIVE. Every change is audit-logged with who made it. Approving an application (manual
// approval mode) mails the partner that the cabinet is open, through the outbox in the same
// transaction: the mail leaves only if the approval commits, and only once.
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import type { PartnerStatus } from "@/lib/db/generated/enums";
import { getEnv } from "@/lib/env";
import { AppError, notFound, zodFieldErrors } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import { queueMail } from "@/lib/mail/queue-mail";
import { recordAudit } from "@/lib/audit/record-audit";

export const PARTNER_STATUS_ACTIONS = ["approve", "ban", "unban"] as const;
export type PartnerStatusAction = (typeof PARTNER_STATUS_ACTIONS)[number];

// Which statuses each action starts from, and where it leads.
const TRANSITIONS: Record<PartnerStatusAction, { from: readonly PartnerStatus[]; to: PartnerStatus }> = {
  approve: { from: ["PENDING"], to: "ACTIVE" },
  ban: { from: ["PENDING", "ACTIVE"], to: "BANNED" },
  unban: { from: ["BANNED"], to: "ACTIVE" },
};

export const ZSetPartnerStatusInput = z.object({
  partnerId: z.string().trim().min(1).max(64),
  action: z.enum(PARTNER_STATUS_ACTIONS),
});

/** One approval mail per partner, whatever retries or double clicks happen. */
export const partnerApprovedMailKey = (partnerId: string) => `partner:${partnerId}:approved`;

export async function setPartnerStatus(input: unknown, actor: TSectionActor, context: { ip?: string } = {}): Promise<{ id: string; status: PartnerStatus }> {
  assertSectionActor(actor, "partners");
  const parsed = ZSetPartnerStatusInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid request", { fieldErrors: zodFieldErrors(parsed.error) });
  const { partnerId, action } = parsed.data;
  const transition = TRANSITIONS[action];

  return db.$transaction(async (tx) => {
    const [partner] = await tx.$queryRaw<{ id: string; status: PartnerStatus; login: string; email: string; name: string; locale: string }[]>`
      SELECT id, status::text AS status, login, email, name, locale FROM "Partner" WHERE id = ${partnerId} FOR UPDATE`;
    if (!partner) throw notFound("Partner");
    // Already there (a double click, two owners at once): nothing to change.
    if (partner.status === transition.to) return { id: partner.id, status: partner.status };
    if (!transition.from.includes(partner.status)) throw new AppError("CONFLICT", `A ${partner.status} partner cannot be changed by ${action}`);

    await tx.partner.update({
      where: { id: partner.id },
      data: { status: transition.to, ...(transition.to === "BANNED" ? { sessionVersion: { increment: 1 } } : {}) },
      select: { id: true },
    });
    if (action === "approve") {
      await queueMail(tx, {
        idempotencyKey: partnerApprovedMailKey(partner.id),
        to: partner.email,
        template: "partner-approved",
        locale: isLocale(partner.locale) ? partner.locale : "ru",
        props: { name: partner.name, login: partner.login, signInUrl: `${getEnv().APP_URL}/partners/signin` },
      });
    }
    await recordAudit(tx, {
      actor: { type: "staff", id: actor.id },
      action: `partner.${action}`,
      entity: { type: "Partner", id: partner.id },
      before: { status: partner.status },
      after: { status: transition.to },
      ip: context.ip,
    });
    return { id: partner.id, status: transition.to };
  });
}
