// What Settings → Employees shares: the owner-only check, the owner lock, and how an invited
// employee who has not set a password yet is told apart.
import type { DbTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";

/** The password hash of an invited employee until they set one: not argon2, so nothing verifies against it. */
export const INVITE_PENDING_PASSWORD_HASH = "!invite-pending";

/** An employee invitation link works for seven days. */
export const EMPLOYEE_INVITE_TOKEN_TTL_HOURS = 7 * 24;

export type EmployeeStatus = "ACTIVE" | "INVITED" | "DEACTIVATED";

export function employeeStatus(user: { isActive: boolean; passwordHash: string }): EmployeeStatus {
  if (user.isActive) return "ACTIVE";
  return user.passwordHash === INVITE_PENDING_PASSWORD_HASH ? "INVITED" : "DEACTIVATED";
}

/** Employees are the settings section's (owner only). */
export const assertEmployeesActor = (actor: TSectionActor) => assertSectionActor(actor, "settings");

/**
 * Serialises every change that could leave the shop without an active owner (role changes,
 * deactivations), for the rest of the transaction: two owners demoting each other at once are
 * checked one after the other, so the second sees the first's change.
 */
export async function lockOwners(tx: DbTransaction) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('lavka:active-owners'))`;
}

/** Under lockOwners: refuses when `userId` is the last active owner. */
export async function assertNotLastActiveOwner(tx: DbTransaction, userId: string) {
  const others = await tx.user.count({ where: { role: "OWNER", isActive: true, id: { not: userId } } });
  if (others === 0) throw new AppError("CONFLICT", "The shop needs at least one active owner", { fieldErrors: { _: ["settings.employees.errors.lastOwner"] } });
}
