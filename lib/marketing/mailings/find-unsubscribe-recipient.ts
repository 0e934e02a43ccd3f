// The recipient an unsubscribe link names, or NOT_FOUND for a forged, damaged or stale link (the
// signature is checked before the database is asked).
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { verifyUnsubscribeToken } from "./unsubscribe-token";

export async function findUnsubscribeRecipientOrThrow(token: unknown) {
  const recipientId = verifyUnsubscribeToken(token);
  const recipient = recipientId ? await db.mailingRecipient.findUnique({ where: { id: recipientId }, select: { id: true, email: true, customerId: true, mailingId: true } }) : null;
  if (!recipient) throw new AppError("NOT_FOUND", "This unsubscribe link is not valid");
  return recipient;
}
