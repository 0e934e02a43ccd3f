// Unsubscribes the address of a mailing recipient from every mailing, by the signed link in the
// mail (the confirm page, or RFC 8058's one-click POST). Idempotent: the address stays on the
// suppression list once (the first mailing it left through is kept); a forged or damaged link
// changes nothing. Transactional mail (orders) is not affected by the list.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { maskAddress } from "@/lib/mail/send-mail";
import { findUnsubscribeRecipientOrThrow } from "./find-unsubscribe-recipient";

export interface UnsubscribeOutcome {
  /** Masked, for the confirmation ("i***@example.com"). */
  email: string;
  /** False when the address had already been on the list. */
  added: boolean;
}

export async function unsubscribeRecipient(token: unknown): Promise<UnsubscribeOutcome> {
  const recipient = await findUnsubscribeRecipientOrThrow(token);
  const added = await db.$executeRaw`
    INSERT INTO "Unsubscribe" (id, email, "customerId", "mailingId", reason)
    VALUES (${`un${recipient.id}`}, ${recipient.email}, ${recipient.customerId}, ${recipient.mailingId}, 'link')
    ON CONFLICT (email) DO NOTHING`;
  if (added) logger.info({ module: "mailings", mailingId: recipient.mailingId, to: maskAddress(recipient.email) }, "unsubscribed by link");
  return { email: maskAddress(recipient.email), added: added === 1 };
}
