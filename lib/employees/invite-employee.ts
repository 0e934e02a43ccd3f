// Settings → Employees → Invite: creates the employee inactive, with no usable password, and
// mails a 7-day link to set one (which activates the account). One transaction: the user, the
// hashed token, the mail (outbox) and the audit entry. "Resend" retires the earlier links.
import { z } from "zod";
import { db, Prisma, type DbTransaction } from "@/lib/db";
import { Role } from "@/lib/db/generated/enums";
import { getEnv } from "@/lib/env";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { isLocale, LOCALES, type Locale } from "@/lib/i18n/locales";
import { queueMail } from "@/lib/mail/queue-mail";
import { createLinkToken } from "@/lib/tokens/create-link-token";
import type { TSectionActor } from "@/lib/auth/section-actor";
import { assertEmployeesActor, EMPLOYEE_INVITE_TOKEN_TTL_HOURS, employeeStatus, INVITE_PENDING_PASSWORD_HASH } from "./employee-access";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZInviteEmployee = z.object({
  email: z
    .string({ error: "settings.employees.errors.emailInvalid" })
    .trim()
    .toLowerCase()
    .max(254, { error: "settings.employees.errors.emailInvalid" })
    .pipe(z.email({ error: "settings.employees.errors.emailInvalid" })),
  name: z
    .string({ error: "settings.employees.errors.nameRequired" })
    .trim()
    .min(1, { error: "settings.employees.errors.nameRequired" })
    .max(200, { error: "settings.employees.errors.tooLong" }),
  role: z.enum(Role, { error: "settings.employees.errors.roleInvalid" }),
  /** The language of the invitation mail (and of the account). */
  locale: z.enum(LOCALES).catch("ru"),
});

export const ZEmployeeId = z.object({ userId: z.string().min(1).max(64) });

export const employeeInviteMailKey = (tokenId: string) => `employee-invite:${tokenId}`;

async function sendInvite(tx: DbTransaction, user: { id: string; email: string; name: string; locale: string }, inviterName: string | undefined) {
  // An earlier link stops working: only the newest invitation is valid.
  await tx.linkToken.updateMany({ where: { userId: user.id, purpose: "EMPLOYEE_INVITE", usedAt: null }, data: { usedAt: new Date() } });
  const { id, token, expiresAt } = await createLinkToken(tx, { purpose: "EMPLOYEE_INVITE", ttlHours: EMPLOYEE_INVITE_TOKEN_TTL_HOURS, userId: user.id, email: user.email });
  await queueMail(tx, {
    idempotencyKey: employeeInviteMailKey(id),
    to: user.email,
    template: "employee-invite",
    locale: (isLocale(user.locale) ? user.locale : "ru") as Locale,
    props: { name: user.name, inviterName, acceptUrl: `${getEnv().APP_URL}/invite/${token}`, expiresAt },
  });
}

async function inviterName(actorId: string) {
  return (await db.user.findUnique({ where: { id: actorId }, select: { name: true } }))?.name;
}

export async function inviteEmployee(input: unknown, actor: TSectionActor, context: { ip?: string } = {}): Promise<{ id: string }> {
  const owner = assertEmployeesActor(actor);
  const parsed = ZInviteEmployee.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Some fields are invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  const data = parsed.data;
  const taken = () => new AppError("CONFLICT", "This email already has an account", { fieldErrors: { email: ["settings.employees.errors.emailTaken"] } });
  if (await db.user.findFirst({ where: { email: { equals: data.email, mode: "insensitive" } }, select: { id: true } })) throw taken();
  const from = await inviterName(owner.id);

  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: data.email, name: data.name, role: data.role, locale: data.locale, isActive: false, passwordHash: INVITE_PENDING_PASSWORD_HASH },
        select: { id: true, email: true, name: true, locale: true },
      });
      await sendInvite(tx, user, from);
      await recordAudit(tx, {
        actor: { type: "staff", id: owner.id },
        action: "employee.invite",
        entity: { type: "User", id: user.id },
        data: { email: user.email, role: data.role },
        ip: context.ip,
      });
      return { id: user.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw taken();
    throw error;
  }
}

export async function resendEmployeeInvite(input: unknown, actor: TSectionActor, context: { ip?: string } = {}): Promise<void> {
  const owner = assertEmployeesActor(actor);
  const { userId } = ZEmployeeId.parse(input);
  const from = await inviterName(owner.id);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, locale: true, isActive: true, passwordHash: true } });
    if (!user) throw new AppError("NOT_FOUND", "Employee not found");
    if (employeeStatus(user) !== "INVITED") throw new AppError("CONFLICT", "This employee has already accepted", { fieldErrors: { _: ["settings.employees.errors.notInvited"] } });
    await sendInvite(tx, user, from);
    await recordAudit(tx, { actor: { type: "staff", id: owner.id }, action: "employee.invite_resent", entity: { type: "User", id: user.id }, ip: context.ip });
  });
}
