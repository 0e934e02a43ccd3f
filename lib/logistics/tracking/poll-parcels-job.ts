// The periodic job that polls parcels in transit (lib/logistics/tracking/poll-parcels). Every
// worker process enqueues it each interval with a job id per interval (like the task reminders),
// so M workers make one run; the run itself leases each parcel and takes the daily quota under a
// row lock, so a retried or overlapping run never asks twice nor over the quota.
import { z } from "zod";
import { defineJob } from "@/lib/queue/define-job";

export const POLL_PARCELS_INTERVAL_MS = 10 * 60_000;

export const pollParcelsJob = defineJob({
  name: "logistics.poll-parcels",
  // `orderIds`: a "check now" for these parcels only (the order page); otherwise every parcel due.
  payload: z.object({ scheduledAt: z.iso.datetime(), orderIds: z.array(z.string().min(1).max(64)).min(1).max(500).optional() }),
  // The next interval's run does the same work: retrying an old one adds nothing.
  attempts: 2,
  async handle(payload, context) {
    // Loaded here: status moves enqueue mail and postbacks through the job registry that lists this job.
    const { pollParcels } = await import("./poll-parcels");
    const result = await pollParcels({ orderIds: payload.orderIds });
    if (result.checked || result.failed) context.log("parcels polled", { ...result });
  },
});

/** One job id per interval, shared by all worker processes. */
export function pollParcelsJobId(now = Date.now(), intervalMs = POLL_PARCELS_INTERVAL_MS) {
  return `poll-parcels-${Math.floor(now / intervalMs)}`;
}
