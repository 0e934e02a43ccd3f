// A new partner's click on the link in the welcome mail (/partners/confirm/<token>). The token is
// the only authorisation, so anything but a first valid use changes nothing:
// - malformed, unknown or another purpose's token → INVALID;
// - expired and never used → EXPIRED;
// - already used → ALREADY_CONFIRMED (the partner's current status says what comes next);
// - otherwise the token is used up and the email marked verified; with the program's AUTO
//   approval a PENDING partner becomes ACTIVE at the same moment. One transaction, the token row
//   locked, so two clicks at once confirm once.
import { db } from "@/lib/db";
import type { PartnerStatus } from "@/lib/db/generated/enums";
import { hashLinkToken, isLinkTokenExpired, isWellFormedLinkToken } from "@/lib/tokens/link-token";
import { getProgramSettings } from "./program-settings";
import { recordAudit } from "@/lib/audit/record-audit";

export type ConfirmPartnerEmailResult = "CONFIRMED" | "ALREADY_CONFIRMED" | "EXPIRED" | "INVALID";

export interface ConfirmPartnerEmailOutcome {
  result: ConfirmPartnerEmailResult;
  /** The partner's status afterwards: PENDING means waiting for the owner's approval. */
  status?: PartnerStatus;
}

export async function confirmPartnerEmail(rawToken: string): Promise<ConfirmPartnerEmailOutcome> {
  if (!isWellFormedLinkToken(rawToken)) return { result: "INVALID" };
  const tokenHash = hashLinkToken(rawToken);
  const program = await getProgramSettings();

  return db.$transaction(async (tx) => {
    const [link] = await tx.$queryRaw<{ id: string; purpose: string; partnerId: string | null; email: string | null; expiresAt: Date; usedAt: Date | null }[]>`
      SELECT id, purpose::text AS purpose, "partnerId", email, "expiresAt", "usedAt" FROM "LinkToken" WHERE "tokenHash" = ${tokenHash} FOR UPDATE`;
    if (!link || link.purpose !== "PARTNER_EMAIL" || !link.partnerId) return { result: "INVALID" as const };
    const partner = await tx.partner.findUnique({ where: { id: link.partnerId }, select: { id: true, email: true, status: true, emailVerifiedAt: true } });
    // The address changed since the mail was sent: this link no longer proves anything.
    if (!partner || (link.email && link.email !== partner.email)) return { result: "INVALID" as const };

    if (link.usedAt || partner.emailVerifiedAt) return { result: "ALREADY_CONFIRMED" as const, status: partner.status };
    if (isLinkTokenExpired(link.expiresAt)) return { result: "EXPIRED" as const };

    const now = new Date();
    // Only a PENDING partner is approved by the email: a banned one stays banned.
    const status: PartnerStatus = program.approvalMode === "AUTO" && partner.status === "PENDING" ? "ACTIVE" : partner.status;
    await tx.linkToken.update({ where: { id: link.id }, data: { usedAt: now, useCount: { increment: 1 } }, select: { id: true } });
    await tx.partner.update({ where: { id: partner.id }, data: { emailVerifiedAt: now, status }, select: { id: true } });
    await recordAudit(tx, {
      actor: { type: "partner", id: partner.id },
      action: "partner.email_confirmed",
      entity: { type: "Partner", id: partner.id },
      before: { status: partner.status },
      after: { status },
    });
    return { result: "CONFIRMED" as const, status };
  });
}

/** Without changing anything: is this a live, unused partner-email token? For pre-fetches of the link. */
export async function peekPartnerEmailToken(rawToken: string): Promise<"VALID" | "EXPIRED" | "USED" | "INVALID"> {
  if (!isWellFormedLinkToken(rawToken)) return "INVALID";
  const link = await db.linkToken.findUnique({ where: { tokenHash: hashLinkToken(rawToken) }, select: { purpose: true, partnerId: true, expiresAt: true, usedAt: true } });
  if (!link || link.purpose !== "PARTNER_EMAIL" || !link.partnerId) return "INVALID";
  if (link.usedAt) return "USED";
  return isLinkTokenExpired(link.expiresAt) ? "EXPIRED" : "VALID";
}
