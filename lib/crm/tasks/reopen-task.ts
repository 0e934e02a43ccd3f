// Reopens a done or cancelled task: it is open again with its due time; the earlier result is
// cleared (the task is not done any more). A reminder already sent for this due time is not sent
// again; rescheduling it into the future arms a new one.
import type { TCrmActor } from "./task-rules";
import { withLockedTask } from "./with-locked-task";

export async function reopenTask(taskId: unknown, actor: TCrmActor): Promise<{ id: string }> {
  return withLockedTask(actor, taskId, "reopen", (tx, task, next) =>
    tx.task.update({ where: { id: task.id }, data: { status: next, result: null, completedAt: null }, select: { id: true } }),
  );
}
