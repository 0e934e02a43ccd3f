// The state of the segmentation runs, one Setting row `crm.segments.run`: whether a run is queued
// or running, when the last one finished and what it did. A run older than STALE_AFTER_MS (its
// worker died) no longer counts as active.
import { z } from "zod";
import { db, type DbTransaction, type Prisma } from "@/lib/db";

export const SEGMENT_RUN_KEY = "crm.segments.run";
export const STALE_AFTER_MS = 60 * 60_000;

export const ZSegmentRun = z.object({
  status: z.enum(["idle", "queued", "running", "done", "failed"]),
  requestedAt: z.iso.datetime().nullish(),
  startedAt: z.iso.datetime().nullish(),
  finishedAt: z.iso.datetime().nullish(),
  /** The Moscow day of the last nightly run that finished (the nightly job runs once a day). */
  nightlyDay: z.string().nullish(),
  scored: z.number().int().nullish(),
  changed: z.number().int().nullish(),
  ms: z.number().int().nullish(),
});
export type TSegmentRun = z.output<typeof ZSegmentRun>;

export const IDLE_RUN: TSegmentRun = { status: "idle" };

export async function getSegmentRun(options: { tx?: DbTransaction } = {}): Promise<TSegmentRun> {
  const row = await (options.tx ?? db).setting.findUnique({ where: { key: SEGMENT_RUN_KEY }, select: { value: true } });
  const parsed = ZSegmentRun.safeParse(row?.value);
  return parsed.success ? parsed.data : IDLE_RUN;
}

/** Whether a run is queued or working now (a stale one is not). */
export function isRunActive(run: TSegmentRun, now = new Date()): boolean {
  if (run.status !== "queued" && run.status !== "running") return false;
  const since = Date.parse((run.status === "running" ? run.startedAt : run.requestedAt) ?? "");
  return Number.isFinite(since) && now.getTime() - since < STALE_AFTER_MS;
}

/** Writes the run state, merged into the stored one, under the row lock when in `tx`. */
export async function saveSegmentRun(patch: Partial<TSegmentRun>, options: { tx?: DbTransaction } = {}): Promise<TSegmentRun> {
  const client = options.tx ?? db;
  const next = { ...(await getSegmentRun(options)), ...patch };
  const value = next as unknown as Prisma.InputJsonValue;
  await client.setting.upsert({ where: { key: SEGMENT_RUN_KEY }, create: { key: SEGMENT_RUN_KEY, value }, update: { value }, select: { key: true } });
  return next;
}
