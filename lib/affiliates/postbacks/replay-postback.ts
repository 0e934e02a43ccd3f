// Re-sends a logged postback as a new job (from the admin, or a partner's cabinet for their own
// logs). The job sends the logged URL as it went out and logs the result as a replay.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { enqueue } from "@/lib/queue/enqueue";
import { outboxJobId } from "@/lib/queue/jobs";

export const ZReplayPostbackInput = z.object({
  logId: z
    .union([z.string().trim(), z.number().int(), z.bigint()])
    .transform((value) => String(value))
    .pipe(z.string().regex(/^[1-9]\d{0,18}$/, { error: "postbacks.errors.logIdInvalid" })),
  /** Set when a partner asks: only their own logs can be replayed (others are "not found"). */
  partnerId: z.string().min(1).max(64).optional(),
});
export type TReplayPostbackInput = z.input<typeof ZReplayPostbackInput>;

/** Returns the outbox row id of the new job. */
export async function replayPostback(input: TReplayPostbackInput): Promise<{ jobId: string }> {
  const parsed = ZReplayPostbackInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid postback log id", { fieldErrors: zodFieldErrors(parsed.error) });
  const { logId, partnerId } = parsed.data;
  // 19 digits can still overflow a bigint column; such an id cannot exist either.
  if (BigInt(logId) > 9223372036854775807n) throw new AppError("NOT_FOUND", "Postback not found");

  const log = await db.postbackLog.findFirst({ where: { id: BigInt(logId), ...(partnerId ? { partnerId } : {}) }, select: { id: true } });
  if (!log) throw new AppError("NOT_FOUND", "Postback not found");
  const outboxId = await enqueue("partner.postback", { replayOfLogId: logId });
  return { jobId: outboxJobId(outboxId) };
}
