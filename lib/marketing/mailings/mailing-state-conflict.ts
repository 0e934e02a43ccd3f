// The refusal of a state change that does not apply: NOT_FOUND for a mailing that does not
// exist, else CONFLICT with the form's message key.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export async function mailingStateConflict(mailingId: string, messageKey: string): Promise<AppError> {
  const exists = await db.mailing.findUnique({ where: { id: mailingId }, select: { id: true } });
  if (!exists) return new AppError("NOT_FOUND", "Mailing not found");
  return new AppError("CONFLICT", "The mailing is not in a state that allows this", { fieldErrors: { _: [messageKey] } });
}
