// Settings → Employees → deactivate / reactivate. Deactivation ends the employee's sessions at
// once (the session version moves on); deactivating a pending invitation revokes it (its links
// stop working, and a later reactivation leaves the person to "Forgot password?"). Nobody
// deactivates themselves, and the last active owner stays, checked under the owner lock.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import type { TSectionActor } from "@/lib/auth/section-actor";
import { assertEmployeesActor, assertNotLastActiveOwner, employeeStatus, INVITE_PENDING_PASSWORD_HASH, lockOwners } from "./employee-access";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZSetEmployeeActive = z.object({ userId: z.string().min(1).max(64), isActive: z.boolean() });

/** Not an argon2 hash either: a revoked invitation has no password to sign in with. */
const INVITE_REVOKED_PASSWORD_HASH = "!invite-revoked";

export async function setEmployeeActive(input: unknown, actor: TSectionActor, context: { ip?: string } = {}): Promise<{ isActive: boolean }> {
  const owner = assertEmployeesActor(actor);
  const parsed = ZSetEmployeeActive.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Some fields are invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  const { userId, isActive } = parsed.data;
  if (!isActive && userId === owner.id) throw new AppError("CONFLICT", "You cannot deactivate yourself", { fieldErrors: { _: ["settings.employees.errors.self"] } });
  return db.$transaction(async (tx) => {
    await lockOwners(tx);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, isActive: true, passwordHash: true } });
    if (!user) throw new AppError("NOT_FOUND", "Employee not found");
    const status = employeeStatus(user);
    if (isActive === user.isActive && status !== "INVITED") return { isActive };
    if (isActive && status === "INVITED") throw new AppError("CONFLICT", "The invitation is still pending", { fieldErrors: { _: ["settings.employees.errors.invitePending"] } });
    if (!isActive && user.role === "OWNER" && user.isActive) await assertNotLastActiveOwner(tx, user.id);

    if (status === "INVITED") {
      await tx.linkToken.updateMany({ where: { userId: user.id, purpose: "EMPLOYEE_INVITE", usedAt: null }, data: { usedAt: new Date() } });
      await tx.user.update({
        where: { id: user.id, passwordHash: INVITE_PENDING_PASSWORD_HASH },
        data: { passwordHash: INVITE_REVOKED_PASSWORD_HASH, sessionVersion: { increment: 1 } },
        select: { id: true },
      });
    } else {
      await tx.user.update({ where: { id: user.id }, data: { isActive, ...(isActive ? {} : { sessionVersion: { increment: 1 } }) }, select: { id: true } });
    }
    await recordAudit(tx, {
      actor: { type: "staff", id: owner.id },
      action: status === "INVITED" ? "employee.invite_revoked" : isActive ? "employee.reactivated" : "employee.deactivated",
      entity: { type: "User", id: user.id },
      data: { before: { isActive: user.isActive }, after: { isActive } },
      ip: context.ip,
    });
    return { isActive };
  });
}
