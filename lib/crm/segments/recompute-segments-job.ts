// The job crm.recompute-segments: nightly at 03:00 Moscow (every worker process asks for it with a
// job id per day, see workers/worker-process.ts, so M workers make one run) and on demand from
// /admin/customers/segments. Idempotent: a run recomputes everything from the orders, so a retry
// only repeats the work; a nightly job for a day already done is skipped.
import { z } from "zod";
import { logger } from "@/lib/logger";
import { defineJob } from "@/lib/queue/define-job";
import { zonedDay } from "@/lib/reports/resolve-period";
import { recomputeSegments } from "./recompute-segments";
import { getSegmentRun, saveSegmentRun } from "./segment-run";

/** Hour of the nightly run, Moscow time. */
export const NIGHTLY_HOUR_MSK = 3;
/** How often each worker checks whether tonight's run is due. */
export const NIGHTLY_CHECK_INTERVAL_MS = 10 * 60_000;

export const recomputeSegmentsJob = defineJob({
  name: "crm.recompute-segments",
  payload: z.object({
    trigger: z.enum(["nightly", "manual"]),
    day: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  }),
  attempts: 3,
  backoffMs: 60_000,
  async handle(payload, context) {
    if (payload.trigger === "nightly" && payload.day && (await getSegmentRun()).nightlyDay === payload.day) return;
    await saveSegmentRun({ status: "running", startedAt: new Date().toISOString() });
    try {
      const result = await recomputeSegments();
      if (!result.ran) {
        // A manual run is redundant then; tonight's must still happen (its job id is used once a
        // day, so returning would skip the night): fail, and the queue retries after the backoff.
        if (payload.trigger === "nightly") throw new Error("another segmentation run is working; the nightly run retries after it");
        context.log("another segmentation run is working; this one is not needed");
        return;
      }
      await saveSegmentRun({
        status: "done",
        finishedAt: new Date().toISOString(),
        scored: result.scored,
        changed: result.changed,
        ms: result.ms,
        ...(payload.trigger === "nightly" && payload.day ? { nightlyDay: payload.day } : {}),
      });
      context.log("segments recomputed", { ...result });
    } catch (error) {
      await saveSegmentRun({ status: "failed", finishedAt: new Date().toISOString() }).catch((saveError: unknown) =>
        logger.error({ err: saveError }, "could not record the failed segmentation run"),
      );
      throw error;
    }
  },
});

/**
 * The nightly job's id for `now` when tonight's run is due (03:00 Moscow has passed today), else
 * null. One id per Moscow day: every worker asking makes one job.
 */
export function nightlySegmentsJob(now = new Date()): { jobId: string; day: string } | null {
  const hour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Moscow", hour: "2-digit", hourCycle: "h23" }).format(now));
  if (hour < NIGHTLY_HOUR_MSK) return null;
  const day = zonedDay(now);
  return { jobId: `crm-recompute-segments-${day}`, day };
}
