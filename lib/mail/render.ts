// Turns a template name, its props and the recipient's locale into the subject, HTML and plain
// text of a mail. The props are validated here too, so no caller can render unchecked data.
import { render } from "@react-email/render";
import { emailTemplates, type EmailPropsInput, type EmailTemplate, type EmailTemplateName } from "@/emails";
import { getEmailMessages } from "@/emails/messages";
import type { Locale } from "@/lib/i18n/locales";

export type MailTemplate = EmailTemplateName;
export type MailProps<Template extends MailTemplate> = EmailPropsInput<Template>;

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  /** For the List-Unsubscribe header of mailings. */
  unsubscribeUrl?: string;
}

export async function renderMail<Template extends MailTemplate>(template: Template, props: MailProps<Template>, locale: Locale): Promise<RenderedMail> {
  // One lookup, read through the common interface: TypeScript cannot relate the generic
  // name to its own entry's schema, and the schema's parse restores the exact props type.
  const definition: EmailTemplate | undefined = emailTemplates[template];
  if (!definition) throw new Error(`Unknown mail template "${template}"`);
  const parsed = definition.props.parse(props);
  const element = definition.element(parsed, locale);
  // The text part is rendered from the same element, so both parts always say the same.
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return {
    subject: definition.subject(parsed, getEmailMessages(locale), locale),
    html,
    text,
    unsubscribeUrl: definition.unsubscribeUrl?.(parsed),
  };
}
