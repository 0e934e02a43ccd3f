// One marketing mail over SMTP, for bulk senders (mailings) that keep their own send log per
// recipient instead of a MailMessage row each: the caller passes a prepared message and gets the
// server's acceptance back. It carries the RFC 2369/8058 headers (List-Unsubscribe with an https
// URL, List-Unsubscribe-Post for one-click) and a Message-ID the caller derived from its own key,
// so a resend after a crash is recognisably the same mail. Suppression is the caller's job
// (it checks the list in the same statement that claims the recipient).
import type { MailTransport } from "./transport";
import { withDeadline } from "./send-mail";

export interface MarketingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** `<…@domain>` (messageIdFor). */
  messageId: string;
  /** https URL that unsubscribes on a POST without cookies (RFC 8058). */
  unsubscribeUrl: string;
}

/** Bounded: a server that hangs fails the mail instead of the whole run. */
const MARKETING_SEND_DEADLINE_MS = 60_000;

export async function sendMarketingMail(transport: Extract<MailTransport, { kind: "SMTP" }>, mail: MarketingMail): Promise<{ messageId: string; response: string }> {
  const info = await withDeadline(
    transport.transporter.sendMail({
      from: transport.from,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      messageId: mail.messageId,
      list: { unsubscribe: mail.unsubscribeUrl },
      headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", Precedence: "bulk" },
    }),
    MARKETING_SEND_DEADLINE_MS,
  );
  return { messageId: info.messageId, response: info.response };
}
