// "Your order was updated": sent when the customer added an item on the thank-you page
// (lib/marketing/upsells/take-upsell-offer.ts) after the order's first mail had already gone, so
// the customer has the order as it now stands: every item and the new total.
import { Heading, Text } from "@react-email/components";
import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { ActionButton } from "./components/action-button";
import { EmailLayout } from "./components/layout";
import { OrderSummary } from "./components/order-summary";
import { styles } from "./components/styles";
import { getEmailMessages, type EmailMessages } from "./messages";
import { ZHttpUrl, ZOrderSummary, ZPaymentMethod, ZShopInfo } from "./schemas";

export const ZOrderUpdatedProps = ZOrderSummary.extend({
  shop: ZShopInfo.optional(),
  customerName: z.string().trim().min(1).max(200).optional(),
  /** The item just added, as the customer saw it. */
  addedItem: z.string().trim().min(1).max(300),
  paymentMethod: ZPaymentMethod,
  orderUrl: ZHttpUrl.optional(),
});
export type TOrderUpdatedProps = z.output<typeof ZOrderUpdatedProps>;

export const orderUpdatedSubject = (props: TOrderUpdatedProps, messages: EmailMessages) => messages["order-updated"].subject(props.orderNumber);

export function OrderUpdatedEmail({ locale, ...props }: TOrderUpdatedProps & { locale: Locale }) {
  const messages = getEmailMessages(locale);
  const texts = messages["order-updated"];
  return (
    <EmailLayout locale={locale} shop={props.shop} preview={texts.preview}>
      <Heading as="h1" style={styles.heading}>
        {texts.heading(props.orderNumber)}
      </Heading>
      <Text style={styles.text}>{messages.common.greeting(props.customerName)}</Text>
      <Text style={styles.text}>{texts.intro(props.addedItem)}</Text>
      <OrderSummary order={props} locale={locale} />
      <Text style={styles.text}>
        {messages.order.paymentMethodLabel}: {messages.order.paymentMethods[props.paymentMethod]}
      </Text>
      {props.orderUrl ? <ActionButton href={props.orderUrl} label={texts.button} locale={locale} /> : null}
    </EmailLayout>
  );
}
