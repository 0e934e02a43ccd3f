// The worker's pulse: every worker process puts a `system.heartbeat` job on the queue every
// 30 s, and running it stamps the `queue.heartbeat` setting. A fresh stamp proves that the
// queue accepts jobs and that some worker takes them — what /api/health reports as "worker alive".
import { z } from "zod";
import { db } from "@/lib/db";
import { defineJob } from "./define-job";

export const HEARTBEAT_SETTING_KEY = "queue.heartbeat";
export const HEARTBEAT_INTERVAL_MS = 30_000;
/** A worker counts as alive while its last heartbeat ran within this many intervals. */
const ALIVE_WITHIN_INTERVALS = 3;

const ZHeartbeatValue = z.object({
  sentAt: z.iso.datetime(),
  ranAt: z.iso.datetime(),
  jobId: z.string(),
});

export const heartbeatJob = defineJob({
  name: "system.heartbeat",
  payload: z.object({ sentAt: z.iso.datetime() }),
  // A missed beat is replaced by the next one; retrying an old one would only blur the signal.
  attempts: 1,
  async handle(payload, context) {
    const value: z.infer<typeof ZHeartbeatValue> = { sentAt: payload.sentAt, ranAt: new Date().toISOString(), jobId: context.jobId };
    await db.setting.upsert({
      where: { key: HEARTBEAT_SETTING_KEY },
      create: { key: HEARTBEAT_SETTING_KEY, value },
      update: { value },
    });
  },
});

/**
 * Job id of the heartbeat for the current interval: every worker process enqueues one, the
 * shared id makes them a single job (so M workers do not multiply the beats).
 */
export function heartbeatJobId(now = Date.now(), intervalMs = HEARTBEAT_INTERVAL_MS) {
  return `heartbeat-${Math.floor(now / intervalMs)}`;
}

export interface QueueHeartbeat {
  /** When the last heartbeat job ran on a worker. */
  ranAt: Date;
  /** Time from enqueue to run of that job: the queue's latency. */
  lagMs: number;
  ageMs: number;
  alive: boolean;
}

/** The last heartbeat, or null when no worker has ever run one. */
export async function readQueueHeartbeat(now = new Date(), intervalMs = HEARTBEAT_INTERVAL_MS): Promise<QueueHeartbeat | null> {
  const row = await db.setting.findUnique({ where: { key: HEARTBEAT_SETTING_KEY }, select: { value: true } });
  const parsed = ZHeartbeatValue.safeParse(row?.value);
  if (!parsed.success) return null;
  const ranAt = new Date(parsed.data.ranAt);
  const ageMs = Math.max(0, now.getTime() - ranAt.getTime());
  return {
    ranAt,
    lagMs: Math.max(0, ranAt.getTime() - new Date(parsed.data.sentAt).getTime()),
    ageMs,
    alive: ageMs <= ALIVE_WITHIN_INTERVALS * intervalMs,
  };
}
