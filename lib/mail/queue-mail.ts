// Queues a mail from inside a business transaction: the outbox row commits with the order (or
// partner, …) it is about, and the worker sends it afterwards. Kept apart from the job file so
// that lib/queue/jobs.ts → job → enqueue → jobs.ts is not an import cycle.
import type { DbTransaction } from "@/lib/db";
import { enqueue } from "@/lib/queue/enqueue";
import type { TSendMailPayload } from "./jobs/send-mail";

/** Writes a "mail.send" job to the outbox in `tx`; returns the outbox row id. */
export function queueMail(tx: DbTransaction, mail: TSendMailPayload): Promise<string> {
  return enqueue("mail.send", mail, { tx });
}
