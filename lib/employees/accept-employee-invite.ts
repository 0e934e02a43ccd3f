// The invitation link (/invite/<token>): the invited employee sets a password (typed twice,
// the same rule as a reset), which activates the account. Single-use: the token is claimed
// with a conditional update in the transaction that activates, and a revoked invitation (the
// account no longer pending) refuses.
import { db } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { ZResetPassword, type ResetTokenState } from "@/lib/auth/reset-password";
import { hashLinkToken, isLinkTokenExpired, isWellFormedLinkToken } from "@/lib/tokens/link-token";
import { INVITE_PENDING_PASSWORD_HASH } from "./employee-access";
import { recordAudit } from "@/lib/audit/record-audit";

async function findToken(token: unknown) {
  if (!isWellFormedLinkToken(token)) return null;
  return db.linkToken.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { id: true, purpose: true, userId: true, expiresAt: true, usedAt: true, user: { select: { isActive: true, passwordHash: true, email: true } } },
  });
}

function stateOf(row: Awaited<ReturnType<typeof findToken>>, now = new Date()): ResetTokenState {
  if (!row || row.purpose !== "EMPLOYEE_INVITE" || !row.userId || !row.user) return "INVALID";
  if (row.usedAt || row.user.isActive || row.user.passwordHash !== INVITE_PENDING_PASSWORD_HASH) return "USED";
  if (isLinkTokenExpired(row.expiresAt, now)) return "EXPIRED";
  return "VALID";
}

/** What the invitation page shows (and to whom, while the link works); changes nothing. */
export async function peekEmployeeInvite(token: unknown): Promise<{ state: ResetTokenState; email: string | null }> {
  const row = await findToken(token);
  const state = stateOf(row);
  return { state, email: state === "VALID" ? (row?.user?.email ?? null) : null };
}

const tokenError = (state: Exclude<ResetTokenState, "VALID">) => new AppError("NOT_FOUND", `Invitation ${state.toLowerCase()}`, { fieldErrors: { token: [state] } });

export async function acceptEmployeeInvite(token: unknown, input: unknown, context: { ip?: string } = {}): Promise<{ email: string }> {
  const parsed = ZResetPassword.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Some fields are invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  const row = await findToken(token);
  const state = stateOf(row);
  if (state !== "VALID" || !row?.userId || !row.user) throw tokenError(state === "VALID" ? "INVALID" : state);
  const { userId, user } = row;
  const passwordHash = await hashPassword(parsed.data.password);

  return db.$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.linkToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now, useCount: { increment: 1 } } });
    if (claimed.count !== 1) throw tokenError(isLinkTokenExpired(row.expiresAt, now) ? "EXPIRED" : "USED");
    const activated = await tx.user.updateMany({
      where: { id: userId, isActive: false, passwordHash: INVITE_PENDING_PASSWORD_HASH },
      data: { passwordHash, isActive: true, sessionVersion: { increment: 1 } },
    });
    if (activated.count !== 1) throw tokenError("USED");
    await tx.linkToken.updateMany({ where: { userId, purpose: "EMPLOYEE_INVITE", usedAt: null }, data: { usedAt: now } });
    await recordAudit(tx, { actor: { type: "staff", id: userId }, action: "employee.invite_accepted", entity: { type: "User", id: userId }, ip: context.ip });
    return { email: user.email };
  });
}
