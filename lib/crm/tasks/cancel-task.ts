// Cancels an open task (no longer needed); an optional note says why.
import { z } from "zod";
import { optionalText, parseInput, TASK_TEXT_MAX, type TCrmActor } from "./task-rules";
import { withLockedTask } from "./with-locked-task";

export const ZCancelTaskInput = z.object({ result: optionalText(TASK_TEXT_MAX, "crmTasks.errors.textTooLong") });

export async function cancelTask(taskId: unknown, input: unknown, actor: TCrmActor, now = new Date()): Promise<{ id: string }> {
  const { result } = parseInput(ZCancelTaskInput, input ?? {});
  return withLockedTask(actor, taskId, "cancel", (tx, task, next) =>
    tx.task.update({ where: { id: task.id }, data: { status: next, result: result ?? null, completedAt: now }, select: { id: true } }),
  );
}
