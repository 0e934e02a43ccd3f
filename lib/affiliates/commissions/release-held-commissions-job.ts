// The periodic job that ends hold periods. Every worker process enqueues it every few minutes with
// a job id per interval (like the heartbeat), so M workers make one run per interval; a missed run
// is caught up by the next, which releases everything due by then.
import { z } from "zod";
import { defineJob } from "@/lib/queue/define-job";
import { releaseHeldCommissions } from "./release-held-commissions";

export const RELEASE_COMMISSIONS_INTERVAL_MS = 5 * 60_000;

export const releaseHeldCommissionsJob = defineJob({
  name: "affiliates.release-held-commissions",
  payload: z.object({ scheduledAt: z.iso.datetime() }),
  // The next interval's run does the same work: retrying an old one adds nothing.
  attempts: 2,
  async handle(_payload, context) {
    const released = await releaseHeldCommissions();
    if (released > 0) context.log("released held commissions", { released });
  },
});

/** One job id per interval, shared by all worker processes. */
export function releaseHeldCommissionsJobId(now = Date.now(), intervalMs = RELEASE_COMMISSIONS_INTERVAL_MS) {
  return `release-commissions-${Math.floor(now / intervalMs)}`;
}
