// Order reminders (lib/marketing/reminders/send-order-reminders.ts), in the customer's language:
// UNCONFIRMED — the confirmation link again (a new one; the first stays valid until it expires);
// UNPAID — the payment link of a prepaid order; NOT_PICKED_UP — the parcel waits at the pickup
// point, with its tracking number. The merchant's own text (the rule's) comes first when set.
import { Heading, Text } from "@react-email/components";
import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { ActionButton } from "./components/action-button";
import { EmailLayout } from "./components/layout";
import { OrderSummary } from "./components/order-summary";
import { Paragraphs } from "./components/paragraphs";
import { styles } from "./components/styles";
import { formatEmailDateTime } from "./format";
import { getEmailMessages, type EmailMessages } from "./messages";
import { DEFAULT_EMAIL_TIME_ZONE, ZCustomSubject, ZHttpUrl, ZInstant, ZOrderSummary, ZPlainText, ZShopInfo, ZTimeZone } from "./schemas";

export const ZOrderReminderProps = ZOrderSummary.extend({
  kind: z.enum(["UNCONFIRMED", "UNPAID", "NOT_PICKED_UP"]),
  shop: ZShopInfo.optional(),
  customerName: z.string().trim().min(1).max(200).optional(),
  /** Confirm link (UNCONFIRMED), pay link (UNPAID) or the order page (NOT_PICKED_UP). */
  actionUrl: ZHttpUrl,
  /** When the confirmation link expires (UNCONFIRMED). */
  expiresAt: ZInstant.optional(),
  timeZone: ZTimeZone.default(DEFAULT_EMAIL_TIME_ZONE),
  trackingNumber: z.string().trim().min(1).max(64).optional(),
  customSubject: ZCustomSubject.optional(),
  customText: ZPlainText.optional(),
});
export type TOrderReminderProps = z.output<typeof ZOrderReminderProps>;

export const orderReminderSubject = (props: TOrderReminderProps, messages: EmailMessages) => props.customSubject ?? messages["order-reminder"][props.kind].subject(props.orderNumber);

export function OrderReminderEmail({ locale, ...props }: TOrderReminderProps & { locale: Locale }) {
  const messages = getEmailMessages(locale);
  const texts = messages["order-reminder"][props.kind];
  return (
    <EmailLayout locale={locale} shop={props.shop} preview={texts.preview}>
      <Heading as="h1" style={styles.heading}>
        {texts.heading(props.orderNumber)}
      </Heading>
      <Text style={styles.text}>{messages.common.greeting(props.customerName)}</Text>
      {props.customText ? <Paragraphs text={props.customText} /> : <Text style={styles.text}>{texts.intro}</Text>}
      {props.trackingNumber ? <Text style={styles.text}>{messages["order-reminder"].trackingNumber(props.trackingNumber)}</Text> : null}
      <ActionButton href={props.actionUrl} label={texts.button} locale={locale} />
      {props.expiresAt ? <Text style={styles.muted}>{messages.common.expiresAt(formatEmailDateTime(props.expiresAt, locale, props.timeZone))}</Text> : null}
      <OrderSummary order={props} locale={locale} />
    </EmailLayout>
  );
}
