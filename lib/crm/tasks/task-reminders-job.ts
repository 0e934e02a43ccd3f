// The periodic job that sends "task is due" reminders. Every worker process enqueues it each
// minute with a job id per interval (like the commission release), so M workers make one run per
// interval; a missed run is caught up by the next, which reminds of everything due by then.
import { z } from "zod";
import { defineJob } from "@/lib/queue/define-job";

export const TASK_REMINDERS_INTERVAL_MS = 60_000;

export const taskRemindersJob = defineJob({
  name: "crm.task-reminders",
  payload: z.object({ scheduledAt: z.iso.datetime() }),
  // The next interval's run does the same work: retrying an old one adds nothing.
  attempts: 2,
  async handle(_payload, context) {
    // Loaded here, not on top: the reminders queue mail through enqueue, which reads the job
    // registry that lists this job (an import cycle at load time otherwise).
    const { sendTaskReminders } = await import("./send-task-reminders");
    const { mailed, marked } = await sendTaskReminders();
    if (marked > 0) context.log("task reminders", { mailed, marked });
  },
});

/** One job id per interval, shared by all worker processes. */
export function taskRemindersJobId(now = Date.now(), intervalMs = TASK_REMINDERS_INTERVAL_MS) {
  return `task-reminders-${Math.floor(now / intervalMs)}`;
}
