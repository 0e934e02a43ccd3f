// The periodic job that sends order reminders (send-order-reminders.ts). Every worker process
// adds it each interval under a job id per interval (like crm.task-reminders), so M workers make
// one run per interval; a missed run is caught up by the next, which sends whatever is due then.
import { z } from "zod";
import { defineJob } from "@/lib/queue/define-job";

export const ORDER_REMINDERS_INTERVAL_MS = 60_000;

export const orderRemindersJob = defineJob({
  name: "marketing.order-reminders",
  payload: z.object({ scheduledAt: z.iso.datetime() }),
  // The next interval's run does the same work: retrying an old one adds nothing.
  attempts: 2,
  async handle(_payload, context) {
    // Loaded here, not on top: the reminders queue mail through enqueue, which reads the job
    // registry that lists this job (an import cycle at load time otherwise).
    const { sendOrderReminders } = await import("./send-order-reminders");
    const { sent } = await sendOrderReminders();
    if (sent > 0) context.log("order reminders", { sent });
  },
});

/** One job id per interval, shared by all worker processes. */
export function orderRemindersJobId(now = Date.now(), intervalMs = ORDER_REMINDERS_INTERVAL_MS) {
  return `order-reminders-${Math.floor(now / intervalMs)}`;
}
