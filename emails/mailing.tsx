// A mailing to customers or partners: the author's subject and Markdown body in the shop's frame,
// always with the unsubscribe link (also sent as the List-Unsubscribe header).
import { Section } from "@react-email/components";
import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { EmailLayout } from "./components/layout";
import { markdownToEmailHtml } from "./components/markdown";
import { ZCustomSubject, ZHttpUrl, ZShopInfo } from "./schemas";

export const ZMailingProps = z.object({
  shop: ZShopInfo.optional(),
  subject: ZCustomSubject,
  /** Markdown (see components/markdown.ts for the subset). */
  markdown: z.string().trim().min(1).max(50_000),
  unsubscribeUrl: ZHttpUrl,
});
export type TMailingProps = z.output<typeof ZMailingProps>;

export const mailingSubject = (props: TMailingProps) => props.subject;

/** The inbox preview line: the body's first words without Markdown marks. */
function previewOf(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#>*_`~-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 140);
}

export function MailingEmail({ locale, ...props }: TMailingProps & { locale: Locale }) {
  return (
    <EmailLayout locale={locale} shop={props.shop} preview={previewOf(props.markdown) || props.subject} unsubscribeUrl={props.unsubscribeUrl}>
      <Section>
        <div dangerouslySetInnerHTML={{ __html: markdownToEmailHtml(props.markdown) }} />
      </Section>
    </EmailLayout>
  );
}
