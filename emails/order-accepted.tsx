// "Your order is accepted": sent when an order is confirmed (at once for products without
// confirmation, after the link or the operator's call otherwise).
import { Heading, Text } from "@react-email/components";
import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { ActionButton } from "./components/action-button";
import { EmailLayout } from "./components/layout";
import { OrderSummary } from "./components/order-summary";
import { Paragraphs } from "./components/paragraphs";
import { styles } from "./components/styles";
import { getEmailMessages, type EmailMessages } from "./messages";
import { ZCustomSubject, ZHttpUrl, ZOrderSummary, ZPaymentMethod, ZPlainText, ZShopInfo } from "./schemas";

export const ZOrderAcceptedProps = ZOrderSummary.extend({
  shop: ZShopInfo.optional(),
  customerName: z.string().trim().min(1).max(200).optional(),
  paymentMethod: ZPaymentMethod,
  /** A page where the customer can see the order, when there is one. */
  orderUrl: ZHttpUrl.optional(),
  /** The product's own email text (ProductEmailText), when the merchant wrote one: the text
   *  replaces the generic thank-you paragraph. */
  customSubject: ZCustomSubject.optional(),
  customText: ZPlainText.optional(),
});
export type TOrderAcceptedProps = z.output<typeof ZOrderAcceptedProps>;

export const orderAcceptedSubject = (props: TOrderAcceptedProps, messages: EmailMessages) => props.customSubject ?? messages["order-accepted"].subject(props.orderNumber);

export function OrderAcceptedEmail({ locale, ...props }: TOrderAcceptedProps & { locale: Locale }) {
  const messages = getEmailMessages(locale);
  const texts = messages["order-accepted"];
  return (
    <EmailLayout locale={locale} shop={props.shop} preview={texts.preview}>
      <Heading as="h1" style={styles.heading}>
        {texts.heading(props.orderNumber)}
      </Heading>
      <Text style={styles.text}>{messages.common.greeting(props.customerName)}</Text>
      {props.customText ? <Paragraphs text={props.customText} /> : <Text style={styles.text}>{texts.intro}</Text>}
      <OrderSummary order={props} locale={locale} />
      <Text style={styles.text}>
        {messages.order.paymentMethodLabel}: {messages.order.paymentMethods[props.paymentMethod]}
      </Text>
      {props.orderUrl ? <ActionButton href={props.orderUrl} label={texts.button} locale={locale} /> : null}
    </EmailLayout>
  );
}
