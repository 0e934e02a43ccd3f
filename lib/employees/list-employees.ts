// Settings → Employees: every employee with role, status and last sign-in (owner only).
import { db } from "@/lib/db";
import type { Role } from "@/lib/db/generated/enums";
import type { TSectionActor } from "@/lib/auth/section-actor";
import { assertEmployeesActor, employeeStatus, type EmployeeStatus } from "./employee-access";

export interface EmployeeRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: EmployeeStatus;
  /** ISO instant, or null when never signed in. */
  lastSignInAt: string | null;
}

export async function listEmployees(actor: TSectionActor): Promise<EmployeeRow[]> {
  assertEmployeesActor(actor);
  const users = await db.user.findMany({
    select: { id: true, name: true, email: true, role: true, isActive: true, passwordHash: true, lastSignInAt: true },
    orderBy: [{ isActive: "desc" }, { name: "asc" }, { id: "asc" }],
  });
  // The hash is read only to tell an invitation from a deactivation; it never leaves here.
  return users.map(({ passwordHash, isActive, lastSignInAt, ...user }) => ({
    ...user,
    status: employeeStatus({ isActive, passwordHash }),
    lastSignInAt: lastSignInAt?.toISOString() ?? null,
  }));
}
