// Hands an open task to another employee (active, and able to work on tasks). An OPERATOR may pass
// on only what they may touch: the tasks of orders and their own.
import { z } from "zod";
import { assertAssignable, parseInput, type TCrmActor } from "./task-rules";
import { withLockedTask } from "./with-locked-task";

export const ZReassignTaskInput = z.object({
  assigneeId: z.string({ error: "crmTasks.errors.assigneeInvalid" }).trim().min(1, { error: "crmTasks.errors.assigneeInvalid" }).max(64, { error: "crmTasks.errors.assigneeInvalid" }),
});

export async function reassignTask(taskId: unknown, input: unknown, actor: TCrmActor): Promise<{ id: string }> {
  const { assigneeId } = parseInput(ZReassignTaskInput, input);
  return withLockedTask(actor, taskId, "reassign", async (tx, task) => {
    await assertAssignable(tx, assigneeId);
    return tx.task.update({ where: { id: task.id }, data: { assigneeId }, select: { id: true } });
  });
}
