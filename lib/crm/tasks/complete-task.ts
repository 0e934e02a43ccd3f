// Completes an open task with what came of it (the result is required: "done" alone tells the
// next person nothing).
import { z } from "zod";
import { parseInput, TASK_TEXT_MAX, type TCrmActor } from "./task-rules";
import { withLockedTask } from "./with-locked-task";

export const ZCompleteTaskInput = z.object({
  result: z.string({ error: "crmTasks.errors.resultRequired" }).trim().min(1, { error: "crmTasks.errors.resultRequired" }).max(TASK_TEXT_MAX, { error: "crmTasks.errors.textTooLong" }),
});

export async function completeTask(taskId: unknown, input: unknown, actor: TCrmActor, now = new Date()): Promise<{ id: string }> {
  const { result } = parseInput(ZCompleteTaskInput, input);
  return withLockedTask(actor, taskId, "complete", (tx, task, next) => tx.task.update({ where: { id: task.id }, data: { status: next, result, completedAt: now }, select: { id: true } }));
}
