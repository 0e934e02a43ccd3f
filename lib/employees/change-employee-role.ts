// Settings → Employees → role. Demoting the last active owner is refused, checked under the
// owner lock so two owners demoting each other at once cannot both succeed. The role is re-read
// from the database on every request (lib/auth/guard), so the change applies to open sessions.
import { z } from "zod";
import { db } from "@/lib/db";
import { Role } from "@/lib/db/generated/enums";
import { AppError, zodFieldErrors } from "@/lib/errors";
import type { TSectionActor } from "@/lib/auth/section-actor";
import { assertEmployeesActor, assertNotLastActiveOwner, lockOwners } from "./employee-access";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZChangeEmployeeRole = z.object({
  userId: z.string().min(1).max(64),
  role: z.enum(Role, { error: "settings.employees.errors.roleInvalid" }),
});

export async function changeEmployeeRole(input: unknown, actor: TSectionActor, context: { ip?: string } = {}): Promise<{ role: Role }> {
  const owner = assertEmployeesActor(actor);
  const parsed = ZChangeEmployeeRole.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Some fields are invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  const { userId, role } = parsed.data;
  return db.$transaction(async (tx) => {
    await lockOwners(tx);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, isActive: true } });
    if (!user) throw new AppError("NOT_FOUND", "Employee not found");
    if (user.role === role) return { role };
    if (user.role === "OWNER" && user.isActive) await assertNotLastActiveOwner(tx, user.id);
    await tx.user.update({ where: { id: user.id }, data: { role }, select: { id: true } });
    await recordAudit(tx, {
      actor: { type: "staff", id: owner.id },
      action: "employee.role_changed",
      entity: { type: "User", id: user.id },
      data: { before: { role: user.role }, after: { role } },
      ip: context.ip,
    });
    return { role };
  });
}
