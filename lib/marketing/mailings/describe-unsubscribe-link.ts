// What the unsubscribe page shows before the click: whose address (masked) and whether it is
// already on the list. Reading it changes nothing (mail scanners open links).
import { db } from "@/lib/db";
import { maskAddress } from "@/lib/mail/send-mail";
import { findUnsubscribeRecipientOrThrow } from "./find-unsubscribe-recipient";

export async function describeUnsubscribeLink(token: unknown): Promise<{ email: string; alreadyUnsubscribed: boolean }> {
  const recipient = await findUnsubscribeRecipientOrThrow(token);
  const existing = await db.unsubscribe.findUnique({ where: { email: recipient.email }, select: { id: true } });
  return { email: maskAddress(recipient.email), alreadyUnsubscribed: Boolean(existing) };
}
