// Moves an open task's due time. Moved into the future, the task becomes due again later, so its
// reminder is armed again (reminderSentAt cleared); moved to another past moment, it stays as it
// was (a reminder already sent is not repeated, one not yet sent goes out with the next run).
import { z } from "zod";
import { parseInput, zInstant, type TCrmActor } from "./task-rules";
import { withLockedTask } from "./with-locked-task";

export const ZRescheduleTaskInput = z.object({ dueAt: zInstant("crmTasks.errors.dueRequired", "crmTasks.errors.dueInvalid") });

export async function rescheduleTask(taskId: unknown, input: unknown, actor: TCrmActor, now = new Date()): Promise<{ id: string; dueAt: Date }> {
  const { dueAt } = parseInput(ZRescheduleTaskInput, input);
  return withLockedTask(actor, taskId, "reschedule", (tx, task) =>
    tx.task.update({
      where: { id: task.id },
      data: { dueAt, ...(dueAt.getTime() > now.getTime() ? { reminderSentAt: null } : {}) },
      select: { id: true, dueAt: true },
    }),
  );
}
