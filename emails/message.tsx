// A free-form message: the sender writes the subject and the paragraphs (mailings, one-off
// notices, tests). Only the frame is localised.
import { Heading } from "@react-email/components";
import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { ActionButton } from "./components/action-button";
import { EmailLayout } from "./components/layout";
import { Paragraphs } from "./components/paragraphs";
import { styles } from "./components/styles";
import { ZCustomSubject, ZHttpUrl, ZShopInfo } from "./schemas";

export const ZMessageProps = z.object({
  shop: ZShopInfo.optional(),
  subject: ZCustomSubject,
  /** Inbox preview line; the first paragraph when absent. */
  preview: z.string().trim().max(150).optional(),
  heading: z.string().trim().max(200).optional(),
  paragraphs: z.array(z.string().trim().min(1).max(5_000)).min(1).max(50),
  action: z.object({ label: z.string().trim().min(1).max(80), url: ZHttpUrl }).optional(),
  /** Mailings must carry one; also sent as the List-Unsubscribe header. */
  unsubscribeUrl: ZHttpUrl.optional(),
});
export type TMessageProps = z.output<typeof ZMessageProps>;

export const messageSubject = (props: TMessageProps) => props.subject;

export function MessageEmail({ locale, ...props }: TMessageProps & { locale: Locale }) {
  return (
    <EmailLayout locale={locale} shop={props.shop} preview={props.preview ?? props.paragraphs[0] ?? props.subject} unsubscribeUrl={props.unsubscribeUrl}>
      {props.heading ? (
        <Heading as="h1" style={styles.heading}>
          {props.heading}
        </Heading>
      ) : null}
      <Paragraphs paragraphs={props.paragraphs} />
      {props.action ? <ActionButton href={props.action.url} label={props.action.label} locale={locale} /> : null}
    </EmailLayout>
  );
}
