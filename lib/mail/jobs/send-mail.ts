// Job "mail.send": delivers one mail. Safe to run any number of times for one payload —
// sendMail keeps one MailMessage row per idempotency key and never sends a SENT one again.
import { z } from "zod";
import { emailTemplates, type EmailTemplateName } from "@/emails";
import { defineJob } from "@/lib/queue/define-job";
import { sendMail, ZMailEnvelope, type SendMailInput } from "../send-mail";

function payloadOf<Name extends EmailTemplateName>(template: Name) {
  // Annotated so the schema stays this template's, not the union of all templates' props.
  const props: (typeof emailTemplates)[Name]["props"] = emailTemplates[template].props;
  return ZMailEnvelope.extend({ template: z.literal(template), props });
}

/** One schema per template, told apart by `template`: a payload is checked against its own props. */
export const ZSendMailPayload = z.discriminatedUnion("template", [
  payloadOf("order-confirm"),
  payloadOf("order-accepted"),
  payloadOf("order-new-shop-notice"),
  payloadOf("digital-purchase"),
  payloadOf("partner-welcome"),
  payloadOf("partner-approved"),
  payloadOf("password-reset"),
  payloadOf("employee-invite"),
  payloadOf("task-due"),
  payloadOf("order-updated"),
  payloadOf("order-reminder"),
  payloadOf("message"),
  payloadOf("mailing"),
]);
export type TSendMailPayload = z.input<typeof ZSendMailPayload>;

// Compile-time guard: a template added to emails/index.ts without a payload above fails here.
type MissingTemplates = Exclude<EmailTemplateName, z.output<typeof ZSendMailPayload>["template"]>;
const everyTemplateHasAPayload: [MissingTemplates] extends [never] ? true : MissingTemplates = true;
void everyTemplateHasAPayload;

export const sendMailJob = defineJob({
  name: "mail.send",
  payload: ZSendMailPayload,
  // An SMTP outage is worth waiting out: 30 s, doubling, over ten tries spans about four hours.
  attempts: 10,
  backoffMs: 30_000,
  async handle(payload) {
    await sendMail(payload satisfies SendMailInput);
  },
});
