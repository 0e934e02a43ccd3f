// Password change for an employee or a partner. Bumping the session version ends every other
// session of the account (lib/auth/guard re-checks it on each request).
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";
import { recordAudit } from "@/lib/audit/record-audit";

/** The rule for every new password (changed, reset or set from an invitation). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export const ZChangePassword = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(200),
    newPassword: z.string().min(PASSWORD_MIN_LENGTH, "Use at least 10 characters").max(PASSWORD_MAX_LENGTH, "Use at most 200 characters"),
  })
  .refine((value) => value.currentPassword !== value.newPassword, { path: ["newPassword"], message: "Choose a password different from the current one" });

export async function changePassword(account: { kind: "staff" | "partner"; id: string }, input: unknown): Promise<{ sessionVersion: number }> {
  const { currentPassword, newPassword } = ZChangePassword.parse(input);
  const current =
    account.kind === "staff"
      ? await db.user.findUnique({ where: { id: account.id }, select: { passwordHash: true } })
      : await db.partner.findUnique({ where: { id: account.id }, select: { passwordHash: true } });
  if (!current) throw new AppError("NOT_FOUND", "Account not found");
  if (!(await verifyPassword(current.passwordHash, currentPassword))) {
    throw new AppError("VALIDATION", "The current password is wrong", { fieldErrors: { currentPassword: ["The current password is wrong"] } });
  }
  const passwordHash = await hashPassword(newPassword);
  const data = { passwordHash, sessionVersion: { increment: 1 } };
  const updated =
    account.kind === "staff"
      ? await db.user.update({ where: { id: account.id }, data, select: { sessionVersion: true } })
      : await db.partner.update({ where: { id: account.id }, data, select: { sessionVersion: true } });
  await recordAudit(db, { actor: { type: account.kind, id: account.id }, action: "auth.password_changed" });
  return updated;
}
