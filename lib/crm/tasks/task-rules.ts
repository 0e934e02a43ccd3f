// The rules every task operation shares: input schemas (messages are i18n keys of the "crmTasks"
// namespace, translated by the forms), the time input of forms (a wall-clock time in the shop's
// zone), who may be made responsible, which tasks an actor may see and touch, and the status
// machine. OPERATOR works on orders: they see and work only tasks linked to an order or assigned
// to them; MANAGER and OWNER see every task.
import { z } from "zod";
import { ZSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { canCrm } from "@/lib/crm/crm-access";
import type { DbTransaction, Prisma } from "@/lib/db";
import { type Role, TaskKind, TaskStatus } from "@/lib/db/generated/enums";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { SHOP_TIME_ZONE, zonedDayStart } from "@/lib/reports/resolve-period";

export const TASK_TITLE_MAX = 200;
export const TASK_TEXT_MAX = 5_000;

/** A CRM actor as the domain receives it (from the session): the section actor's schema. */
export const ZCrmActor = ZSectionActor;
export type TCrmActor = TSectionActor;

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A moment from a form or a caller: a Date, an ISO 8601 string with an offset, or a
 * `datetime-local` value ("2026-12-05T14:30"), read on the shop's wall clock. Undefined when empty.
 */
export function parseInstant(value: unknown, timeZone = SHOP_TIME_ZONE): Date | undefined | null {
  if (value === undefined || value === null || value === "") return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (!text) return undefined;
  const local = LOCAL_DATE_TIME.exec(text);
  if (local) {
    const [, day, hours, minutes, seconds] = local as unknown as [string, string, string, string, string | undefined];
    if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds ?? 0) > 59) return null;
    const check = new Date(`${day}T00:00:00Z`);
    if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== day) return null;
    // Wall-clock offsets within the day: right for Moscow (no DST since 2014).
    return new Date(zonedDayStart(day, timeZone).getTime() + ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds ?? 0)) * 1000);
  }
  if (!z.iso.datetime({ offset: true }).safeParse(text).success) return null;
  return new Date(text);
}

/** The earliest and latest moments a task may be due (typos like year 20266 are refused). */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

/** A required moment; `requiredKey` / `invalidKey` are the i18n keys of the errors. */
export const zInstant = (requiredKey: string, invalidKey: string) =>
  z.unknown().transform((value, context) => {
    const instant = parseInstant(value);
    if (instant === undefined) {
      context.addIssue({ code: "custom", message: requiredKey });
      return z.NEVER;
    }
    if (instant === null || instant.getTime() < EARLIEST || instant.getTime() >= LATEST) {
      context.addIssue({ code: "custom", message: invalidKey });
      return z.NEVER;
    }
    return instant;
  });

/** Empty strings from forms read as absent. */
export const optionalText = (max: number, tooLongKey: string) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : (value ?? undefined)), z.string().trim().max(max, { error: tooLongKey }).optional());

export const optionalId = z.preprocess((value) => (value === "" || value === null ? undefined : value), z.string().trim().min(1).max(64).optional());

export const ZTaskId = z.string().trim().min(1).max(64);

export const ZCreateTaskInput = z.object({
  kind: z.enum(TaskKind, { error: "crmTasks.errors.kindInvalid" }).default("OTHER"),
  title: z.string({ error: "crmTasks.errors.titleRequired" }).trim().min(1, { error: "crmTasks.errors.titleRequired" }).max(TASK_TITLE_MAX, { error: "crmTasks.errors.titleTooLong" }),
  description: optionalText(TASK_TEXT_MAX, "crmTasks.errors.textTooLong"),
  /** Default: the actor. */
  assigneeId: optionalId,
  dueAt: zInstant("crmTasks.errors.dueRequired", "crmTasks.errors.dueInvalid"),
  customerId: optionalId,
  orderId: optionalId,
  dealId: optionalId,
});
export type TCreateTaskInput = z.input<typeof ZCreateTaskInput>;

/** Parses with zod; a refusal becomes VALIDATION with field errors (i18n keys). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Some fields are invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  return parsed.data;
}

export function parseActor(actor: TCrmActor): z.output<typeof ZCrmActor> {
  const parsed = ZCrmActor.safeParse(actor);
  if (!parsed.success) throw new AppError("FORBIDDEN", "You do not have access to this");
  return parsed.data;
}

/** The roles that can work on tasks (and so may be made responsible for one). */
export const canHaveTasks = (role: Role) => canCrm(role, "manageTasks");

/** Checks that `userId` is an active employee who can work on tasks; VALIDATION on `field` otherwise. */
export async function assertAssignable(tx: DbTransaction, userId: string, field = "assigneeId", namespace = "crmTasks"): Promise<void> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { isActive: true, role: true } });
  if (!user || !user.isActive || !canHaveTasks(user.role)) {
    throw new AppError("VALIDATION", "The responsible employee cannot take tasks", { fieldErrors: { [field]: [`${namespace}.errors.assigneeInvalid`] } });
  }
}

/** The tasks `actor` may see: every task for MANAGER/OWNER; an OPERATOR's own and the orders' tasks. */
export function taskScopeWhere(actor: { id: string; role: Role }): Prisma.TaskWhereInput {
  return actor.role === "OPERATOR" ? { OR: [{ orderId: { not: null } }, { assigneeId: actor.id }] } : {};
}

/** FORBIDDEN unless `actor` may work on `task` (see taskScopeWhere). */
export function assertTaskInScope(actor: { id: string; role: Role }, task: { orderId: string | null; assigneeId: string | null }): void {
  if (!canCrm(actor.role, "manageTasks")) throw new AppError("FORBIDDEN", "You do not have access to this");
  if (actor.role === "OPERATOR" && !task.orderId && task.assigneeId !== actor.id) throw new AppError("FORBIDDEN", "An operator works only on the tasks of orders and their own");
}

export type TaskAction = "complete" | "cancel" | "reopen" | "reassign" | "reschedule";

/** The statuses each action starts from; the status it leads to (undefined: the status stays). */
export const TASK_TRANSITIONS: Record<TaskAction, { from: readonly TaskStatus[]; to?: TaskStatus }> = {
  complete: { from: ["OPEN"], to: "DONE" },
  cancel: { from: ["OPEN"], to: "CANCELLED" },
  reopen: { from: ["DONE", "CANCELLED"], to: "OPEN" },
  reassign: { from: ["OPEN"] },
  reschedule: { from: ["OPEN"] },
};

/** The status after `action`, or CONFLICT when the task's status does not allow it. */
export function transitionTask(status: TaskStatus, action: TaskAction): TaskStatus {
  const transition = TASK_TRANSITIONS[action];
  if (!transition.from.includes(status)) throw new AppError("CONFLICT", `A ${status} task cannot be changed by ${action}`, { fieldErrors: { _: [`crmTasks.errors.conflict.${status}`] } });
  return transition.to ?? status;
}

export { TaskStatus };
