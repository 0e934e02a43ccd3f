// The frame of every change to an existing task: check the actor, lock the task's row (two people
// completing one task at once: the second sees it DONE and gets a CONFLICT, not a double write),
// check the actor may work on it and that its status allows the action, then apply the change.
import { db, type DbTransaction } from "@/lib/db";
import type { TaskStatus } from "@/lib/db/generated/enums";
import { notFound } from "@/lib/errors";
import { assertTaskInScope, parseActor, transitionTask, ZTaskId, type TaskAction, type TCrmActor } from "./task-rules";

export interface LockedTask {
  id: string;
  status: TaskStatus;
  dueAt: Date;
  assigneeId: string | null;
  orderId: string | null;
}

export async function withLockedTask<T>(
  actor: TCrmActor,
  taskId: unknown,
  action: TaskAction,
  change: (tx: DbTransaction, task: LockedTask, next: TaskStatus, staff: { id: string; role: TCrmActor["role"] }) => Promise<T>,
): Promise<T> {
  const staff = parseActor(actor);
  const id = ZTaskId.safeParse(taskId);
  if (!id.success) throw notFound("Task");
  return db.$transaction(async (tx) => {
    const [task] = await tx.$queryRaw<LockedTask[]>`
      SELECT id, status::text AS status, "dueAt", "assigneeId", "orderId" FROM "Task" WHERE id = ${id.data} FOR UPDATE`;
    if (!task) throw notFound("Task");
    assertTaskInScope(staff, task);
    const next = transitionTask(task.status, action);
    return change(tx, task, next, staff);
  });
}
