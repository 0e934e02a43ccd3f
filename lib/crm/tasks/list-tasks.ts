// Reading tasks: "my tasks" by due group, the dashboard's due-today list, the managers' list of
// every task with filters (keyset pages), and the tasks of one customer, order or deal. Every read
// is scoped by taskScopeWhere (an OPERATOR sees the orders' tasks and their own).
import { z } from "zod";
import { assertCrm } from "@/lib/crm/crm-access";
import { db, type Prisma } from "@/lib/db";
import { Role, TaskStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { addDays, SHOP_TIME_ZONE, ZCalendarDay, zonedDay, zonedDayStart } from "@/lib/reports/resolve-period";
import { groupTasksByDue, type DueGroup } from "./group-tasks";
import { canHaveTasks, parseActor, parseInput, taskScopeWhere, type TCrmActor } from "./task-rules";

export const taskRowSelect = {
  id: true,
  kind: true,
  title: true,
  description: true,
  status: true,
  dueAt: true,
  completedAt: true,
  result: true,
  reminderSentAt: true,
  interactionId: true,
  assignee: { select: { id: true, name: true } },
  customer: { select: { id: true, name: true } },
  order: { select: { id: true, number: true } },
  deal: { select: { id: true, title: true } },
} as const satisfies Prisma.TaskSelect;

export type TaskRow = Prisma.TaskGetPayload<{ select: typeof taskRowSelect }>;

const MY_TASKS_LIMIT = 300;

function readableActor(actor: TCrmActor) {
  const staff = parseActor(actor);
  assertCrm(staff, "manageTasks");
  return staff;
}

/** The actor's open tasks in their due groups (at most 300, the soonest first). */
export async function listMyTasks(actor: TCrmActor, now = new Date()): Promise<Record<DueGroup, TaskRow[]>> {
  const staff = readableActor(actor);
  const rows = await db.task.findMany({
    where: { assigneeId: staff.id, status: "OPEN" },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: MY_TASKS_LIMIT,
    select: taskRowSelect,
  });
  return groupTasksByDue(rows, now);
}

/** The home dashboard: the actor's open tasks that are overdue or due by the end of today. */
export async function listMyDueTasks(actor: TCrmActor, now = new Date(), take = 20): Promise<{ overdue: TaskRow[]; today: TaskRow[]; total: number }> {
  const staff = readableActor(actor);
  const endOfToday = zonedDayStart(addDays(zonedDay(now, SHOP_TIME_ZONE), 1), SHOP_TIME_ZONE);
  const where: Prisma.TaskWhereInput = { assigneeId: staff.id, status: "OPEN", dueAt: { lt: endOfToday } };
  const [rows, total] = await Promise.all([db.task.findMany({ where, orderBy: [{ dueAt: "asc" }, { id: "asc" }], take, select: taskRowSelect }), db.task.count({ where })]);
  const groups = groupTasksByDue(rows, now);
  return { overdue: groups.overdue, today: groups.today, total };
}

const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const ZTaskFilter = z.object({
  assigneeId: z.preprocess(emptyToUndefined, z.string().trim().min(1).max(64).optional()),
  status: z.preprocess(emptyToUndefined, z.enum(TaskStatus).optional()),
  /** Due from this day (inclusive) to that day (inclusive), days of the shop's zone. */
  dueFrom: z.preprocess(emptyToUndefined, ZCalendarDay.optional()),
  dueTo: z.preprocess(emptyToUndefined, ZCalendarDay.optional()),
  customerId: z.preprocess(emptyToUndefined, z.string().trim().min(1).max(64).optional()),
  /** Keyset cursor: the last task id of the previous page. */
  after: z.preprocess(emptyToUndefined, z.string().trim().min(1).max(64).optional()),
  take: z.coerce.number().int().min(1).max(200).default(50),
});
export type TTaskFilter = z.input<typeof ZTaskFilter>;

/** Every task the actor may see, filtered, by due time; `nextCursor` when there is more. */
export async function listTasks(filter: TTaskFilter, actor: TCrmActor): Promise<{ rows: TaskRow[]; nextCursor: string | null }> {
  const staff = readableActor(actor);
  const f = parseInput(ZTaskFilter, filter);
  if (f.dueFrom && f.dueTo && f.dueFrom > f.dueTo) throw new AppError("VALIDATION", "The last day is before the first day", { fieldErrors: { dueTo: ["crmTasks.errors.rangeInvalid"] } });
  const where: Prisma.TaskWhereInput = {
    AND: [
      taskScopeWhere(staff),
      f.assigneeId ? { assigneeId: f.assigneeId } : {},
      f.status ? { status: f.status } : {},
      f.customerId ? { customerId: f.customerId } : {},
      f.dueFrom || f.dueTo ? { dueAt: { ...(f.dueFrom ? { gte: zonedDayStart(f.dueFrom) } : {}), ...(f.dueTo ? { lt: zonedDayStart(addDays(f.dueTo, 1)) } : {}) } } : {},
    ],
  };
  const rows = await db.task.findMany({
    where,
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: f.take + 1,
    ...(f.after ? { cursor: { id: f.after }, skip: 1 } : {}),
    select: taskRowSelect,
  });
  const more = rows.length > f.take;
  const page = more ? rows.slice(0, f.take) : rows;
  return { rows: page, nextCursor: more ? (page.at(-1)?.id ?? null) : null };
}

export type TaskLink = { customerId: string } | { orderId: string } | { dealId: string };

/** The tasks of one customer, order or deal the actor may see: open ones first, by due time. */
export async function listLinkedTasks(link: TaskLink, actor: TCrmActor, take = 100): Promise<TaskRow[]> {
  const staff = readableActor(actor);
  const id = z.string().trim().min(1).max(64).safeParse(Object.values(link)[0]);
  if (!id.success) return [];
  const rows = await db.task.findMany({
    where: { AND: [taskScopeWhere(staff), link] },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take,
    select: taskRowSelect,
  });
  const rank = (status: TaskStatus) => (status === "OPEN" ? 0 : 1);
  return rows.sort((a, b) => rank(a.status) - rank(b.status));
}

/** One task the actor may see, or NOT_FOUND (also when it is out of the actor's scope). */
export async function getTaskOrThrow(taskId: string, actor: TCrmActor): Promise<TaskRow> {
  const staff = readableActor(actor);
  const task = await db.task.findFirst({ where: { AND: [taskScopeWhere(staff), { id: taskId }] }, select: taskRowSelect });
  if (!task) throw new AppError("NOT_FOUND", "Task not found");
  return task;
}

/** Employees who can be made responsible for a task (for the forms). */
export async function listAssignableEmployees(): Promise<{ id: string; name: string }[]> {
  return db.user.findMany({ where: { isActive: true, role: { in: Object.values(Role).filter(canHaveTasks) } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
