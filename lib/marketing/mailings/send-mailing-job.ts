// Job "marketing.send-mailing": one sending run of a mailing (run-mailing.ts). Queued through the
// outbox when sending starts or resumes. Safe to run again or twice at once: runs of one mailing
// take turns on a lock, and a run picks up where the last one stopped (a retry after a crash
// resumes the mailing by itself).
import { z } from "zod";
import { defineJob } from "@/lib/queue/define-job";
import { runMailing } from "./run-mailing";

export const sendMailingJob = defineJob({
  name: "marketing.send-mailing",
  payload: z.object({ mailingId: z.string().min(1).max(64) }),
  attempts: 10,
  backoffMs: 15_000,
  async handle(payload, context) {
    const result = await runMailing(payload.mailingId);
    // Another run held the mailing for a whole minute: let the queue try again later.
    if (result === "busy") throw new Error(`Mailing ${payload.mailingId} is being sent by another run`);
    context.log("mailing run ended", { mailingId: payload.mailingId, result });
  },
});
