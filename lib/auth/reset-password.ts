// The emailed reset link (/reset-password/<token>): a new password, typed twice. The token is
// single-use: it is claimed with a conditional update inside the transaction that changes the
// password, so two submits of one link change it once. The account's session version moves on,
// which ends every session (lib/auth/guard re-checks it per request), and the account's other
// outstanding reset links die with it.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { hashLinkToken, isLinkTokenExpired, isWellFormedLinkToken } from "@/lib/tokens/link-token";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./change-password";
import { hashPassword } from "./password";
import type { AccountKind } from "./request-password-reset";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZResetPassword = z
  .object({
    password: z
      .string({ error: "passwordReset.errors.passwordTooShort" })
      .min(PASSWORD_MIN_LENGTH, { error: "passwordReset.errors.passwordTooShort" })
      .max(PASSWORD_MAX_LENGTH, { error: "passwordReset.errors.passwordTooLong" }),
    confirm: z.string({ error: "passwordReset.errors.mismatch" }).max(PASSWORD_MAX_LENGTH + 1),
  })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], error: "passwordReset.errors.mismatch" });

export type ResetTokenState = "VALID" | "USED" | "EXPIRED" | "INVALID";

async function findToken(token: unknown) {
  if (!isWellFormedLinkToken(token)) return null;
  return db.linkToken.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { id: true, purpose: true, userId: true, partnerId: true, expiresAt: true, usedAt: true },
  });
}

function stateOf(row: Awaited<ReturnType<typeof findToken>>, now = new Date()): ResetTokenState {
  if (!row || row.purpose !== "PASSWORD_RESET" || (!row.userId && !row.partnerId)) return "INVALID";
  if (row.usedAt) return "USED";
  if (isLinkTokenExpired(row.expiresAt, now)) return "EXPIRED";
  return "VALID";
}

/** What the link page shows before anything is submitted (and whose link it is); changes nothing. */
export async function peekPasswordResetToken(token: unknown): Promise<{ state: ResetTokenState; kind: AccountKind | null }> {
  const row = await findToken(token);
  const state = stateOf(row);
  return { state, kind: state === "INVALID" || !row ? null : row.userId ? "staff" : "partner" };
}

const tokenError = (state: Exclude<ResetTokenState, "VALID">) => new AppError("NOT_FOUND", `Reset link ${state.toLowerCase()}`, { fieldErrors: { token: [state] } });

/** Sets the new password; returns which sign-in page the person goes to. */
export async function resetPassword(token: unknown, input: unknown, context: { ip?: string } = {}): Promise<{ kind: AccountKind }> {
  const parsed = ZResetPassword.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Some fields are invalid", { fieldErrors: zodFieldErrors(parsed.error) });

  const row = await findToken(token);
  const state = stateOf(row);
  if (state !== "VALID" || !row) throw tokenError(state === "VALID" ? "INVALID" : state);
  // Hashed before the transaction: argon2id takes a while and holds no lock.
  const passwordHash = await hashPassword(parsed.data.password);
  const kind: AccountKind = row.userId ? "staff" : "partner";
  const accountId = (row.userId ?? row.partnerId)!;

  return db.$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.linkToken.updateMany({
      where: { id: row.id, purpose: "PASSWORD_RESET", usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now, useCount: { increment: 1 } },
    });
    // Lost the race to another submit of the same link (or the hour ran out meanwhile).
    if (claimed.count !== 1) throw tokenError(isLinkTokenExpired(row.expiresAt, now) ? "EXPIRED" : "USED");

    const data = { passwordHash, sessionVersion: { increment: 1 } };
    // The account may have been deactivated or banned since the mail left.
    const updated =
      kind === "staff"
        ? await tx.user.updateMany({ where: { id: accountId, isActive: true }, data })
        : await tx.partner.updateMany({ where: { id: accountId, status: { not: "BANNED" } }, data });
    if (updated.count !== 1) throw tokenError("INVALID");

    await tx.linkToken.updateMany({
      where: { purpose: "PASSWORD_RESET", usedAt: null, ...(kind === "staff" ? { userId: accountId } : { partnerId: accountId }) },
      data: { usedAt: now },
    });
    await recordAudit(tx, { actor: { type: kind, id: accountId }, action: "auth.password_reset", entity: { type: kind === "staff" ? "User" : "Partner", id: accountId }, ip: context.ip });
    return { kind };
  });
}
