// The shop's notice of a new order, sent for every order — also while the customer has yet to
// confirm it, so an operator can call at once.
import { Heading, Text } from "@react-email/components";
import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { ActionButton } from "./components/action-button";
import { EmailLayout } from "./components/layout";
import { OrderSummary } from "./components/order-summary";
import { styles } from "./components/styles";
import { getEmailMessages, type EmailMessages } from "./messages";
import { ZHttpUrl, ZOrderSummary, ZPaymentMethod, ZPlainText, ZShopInfo } from "./schemas";

export const ZOrderNewShopNoticeProps = ZOrderSummary.extend({
  shop: ZShopInfo.optional(),
  customer: z.object({
    name: z.string().trim().min(1).max(200),
    phone: z.string().trim().max(40).optional(),
    email: z.email().optional(),
  }),
  /** One line, already composed by the order (postcode, city, street, house, flat). */
  address: z.string().trim().max(500).optional(),
  comment: ZPlainText.optional(),
  paymentMethod: ZPaymentMethod,
  /** The product's COD confirmation mode: says whether the shop must act. */
  confirmation: z.enum(["EMAIL_LINK", "OPERATOR", "NONE"]).optional(),
  /** The order in the admin panel. */
  adminOrderUrl: ZHttpUrl,
});
export type TOrderNewShopNoticeProps = z.output<typeof ZOrderNewShopNoticeProps>;

export const orderNewShopNoticeSubject = (props: TOrderNewShopNoticeProps, messages: EmailMessages) => messages["order-new-shop-notice"].subject(props.orderNumber);

export function OrderNewShopNoticeEmail({ locale, ...props }: TOrderNewShopNoticeProps & { locale: Locale }) {
  const messages = getEmailMessages(locale);
  const texts = messages["order-new-shop-notice"];
  const details: Array<[string, string | undefined]> = [
    [texts.customer, props.customer.name],
    [texts.phone, props.customer.phone],
    [texts.email, props.customer.email],
    [texts.address, props.address],
    [messages.order.paymentMethodLabel, messages.order.paymentMethods[props.paymentMethod]],
    [texts.comment, props.comment],
  ];
  return (
    <EmailLayout locale={locale} shop={props.shop} preview={texts.preview}>
      <Heading as="h1" style={styles.heading}>
        {texts.heading(props.orderNumber)}
      </Heading>
      {props.confirmation ? <Text style={styles.text}>{texts.confirmation[props.confirmation]}</Text> : null}
      {details
        .filter((entry): entry is [string, string] => Boolean(entry[1]))
        .map(([label, value]) => (
          <Text key={label} style={{ ...styles.text, margin: "0 0 6px" }}>
            <strong>{label}:</strong> {value}
          </Text>
        ))}
      <OrderSummary order={props} locale={locale} />
      <ActionButton href={props.adminOrderUrl} label={texts.button} locale={locale} />
    </EmailLayout>
  );
}
