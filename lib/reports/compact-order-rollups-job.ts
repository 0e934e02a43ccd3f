// The periodic job that folds the order counters' deltas (lib/reports/compact-order-rollups).
// Every worker process enqueues it each interval with a job id per interval, so M workers make
// one run; a missed run is caught up by the next.
import { z } from "zod";
import { db } from "@/lib/db";
import { defineJob } from "@/lib/queue/define-job";
import { compactOrderRollups } from "./compact-order-rollups";

export const COMPACT_ROLLUPS_INTERVAL_MS = 30_000;

export const compactOrderRollupsJob = defineJob({
  name: "reports.compact-rollups",
  payload: z.object({ scheduledAt: z.iso.datetime() }),
  // The next interval's run does the same work: retrying an old one adds nothing.
  attempts: 2,
  async handle(_payload, context) {
    const { folded } = await compactOrderRollups(db);
    if (folded > 0) context.log("order rollups compacted", { folded });
  },
});

/** One job id per interval, shared by all worker processes. */
export function compactOrderRollupsJobId(now = Date.now(), intervalMs = COMPACT_ROLLUPS_INTERVAL_MS) {
  return `compact-rollups-${Math.floor(now / intervalMs)}`;
}
