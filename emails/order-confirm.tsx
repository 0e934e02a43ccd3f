// "Confirm your order": sent for COD orders whose product needs email confirmation; the order
// stays UNCONFIRMED until the link is opened.
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

export const ZOrderConfirmProps = ZOrderSummary.extend({
  shop: ZShopInfo.optional(),
  customerName: z.string().trim().min(1).max(200).optional(),
  /** `/order/confirm/<token>` on APP_URL. */
  confirmUrl: ZHttpUrl,
  expiresAt: ZInstant,
  timeZone: ZTimeZone.default(DEFAULT_EMAIL_TIME_ZONE),
  /** The product's own email text (ProductEmailText), when the merchant wrote one: the text
   *  comes after the generic request to confirm, which must always be there. */
  customSubject: ZCustomSubject.optional(),
  customText: ZPlainText.optional(),
});
export type TOrderConfirmProps = z.output<typeof ZOrderConfirmProps>;

export const orderConfirmSubject = (props: TOrderConfirmProps, messages: EmailMessages) => props.customSubject ?? messages["order-confirm"].subject(props.orderNumber);

export function OrderConfirmEmail({ locale, ...props }: TOrderConfirmProps & { locale: Locale }) {
  const messages = getEmailMessages(locale);
  const texts = messages["order-confirm"];
  return (
    <EmailLayout locale={locale} shop={props.shop} preview={texts.preview}>
      <Heading as="h1" style={styles.heading}>
        {texts.heading(props.orderNumber)}
      </Heading>
      <Text style={styles.text}>{messages.common.greeting(props.customerName)}</Text>
      <Text style={styles.text}>{texts.intro}</Text>
      <Paragraphs text={props.customText} />
      <ActionButton href={props.confirmUrl} label={texts.button} locale={locale} />
      <Text style={styles.muted}>{messages.common.expiresAt(formatEmailDateTime(props.expiresAt, locale, props.timeZone))}</Text>
      <OrderSummary order={props} locale={locale} />
      <Text style={styles.muted}>{texts.ignore}</Text>
    </EmailLayout>
  );
}
