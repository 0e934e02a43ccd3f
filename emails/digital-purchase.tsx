// "Your purchase": sent once when an order of digital goods is paid. It carries the download
// page link (the only authorisation for the files, hence the warning not to forward it), the
// files that page offers, and the pin codes given to the order.
import { Heading, Section, Text } from "@react-email/components";
import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { formatFileSize } from "@/lib/files/format-file-size";
import { ActionButton } from "./components/action-button";
import { EmailLayout } from "./components/layout";
import { OrderSummary } from "./components/order-summary";
import { styles } from "./components/styles";
import { formatEmailDateTime } from "./format";
import { getEmailMessages, type EmailMessages } from "./messages";
import { DEFAULT_EMAIL_TIME_ZONE, ZHttpUrl, ZInstant, ZOrderSummary, ZShopInfo, ZTimeZone } from "./schemas";

export const ZDigitalPurchaseProps = ZOrderSummary.extend({
  shop: ZShopInfo.optional(),
  customerName: z.string().trim().min(1).max(200).optional(),
  /** `/order/download/<token>` on APP_URL. */
  downloadUrl: ZHttpUrl,
  expiresAt: ZInstant,
  timeZone: ZTimeZone.default(DEFAULT_EMAIL_TIME_ZONE),
  files: z
    .array(z.object({ name: z.string().trim().min(1).max(255), sizeBytes: z.number().int().nonnegative() }))
    .max(200)
    .default([]),
  downloadsPerFile: z.number().int().positive().max(10_000),
  pinCodes: z
    .array(z.object({ product: z.string().trim().min(1).max(300), codes: z.array(z.string().min(1).max(200)).min(1).max(1000) }))
    .max(100)
    .default([]),
  /** Some units got no code (the product ran out): the shop sends them later. */
  pinCodesMissing: z.boolean().default(false),
});
export type TDigitalPurchaseProps = z.output<typeof ZDigitalPurchaseProps>;

export const digitalPurchaseSubject = (props: TDigitalPurchaseProps, messages: EmailMessages) => messages["digital-purchase"].subject(props.orderNumber);

export function DigitalPurchaseEmail({ locale, ...props }: TDigitalPurchaseProps & { locale: Locale }) {
  const messages = getEmailMessages(locale);
  const texts = messages["digital-purchase"];
  return (
    <EmailLayout locale={locale} shop={props.shop} preview={texts.preview}>
      <Heading as="h1" style={styles.heading}>
        {texts.heading(props.orderNumber)}
      </Heading>
      <Text style={styles.text}>{messages.common.greeting(props.customerName)}</Text>
      <Text style={styles.text}>{texts.intro}</Text>
      <ActionButton href={props.downloadUrl} label={texts.button} locale={locale} />
      <Text style={styles.muted}>{messages.common.expiresAt(formatEmailDateTime(props.expiresAt, locale, props.timeZone))}</Text>
      {props.files.length ? (
        <Section>
          <Text style={{ ...styles.text, fontWeight: 700, margin: "0 0 8px" }}>{texts.files}</Text>
          {props.files.map((file, index) => (
            <Text key={index} style={{ ...styles.text, margin: "0 0 4px" }}>
              {file.name} — {formatFileSize(file.sizeBytes, locale)}
            </Text>
          ))}
          <Text style={styles.muted}>{texts.downloadsPerFile(props.downloadsPerFile)}</Text>
        </Section>
      ) : null}
      {props.pinCodes.length ? (
        <Section>
          <Text style={{ ...styles.text, fontWeight: 700, margin: "8px 0 8px" }}>{texts.pinCodes}</Text>
          {props.pinCodes.map((group, index) => (
            <Section key={index}>
              <Text style={{ ...styles.text, margin: "0 0 4px" }}>{group.product}</Text>
              {group.codes.map((code) => (
                <Text key={code} style={{ ...styles.text, margin: "0 0 4px" }}>
                  <span style={styles.code}>{code}</span>
                </Text>
              ))}
            </Section>
          ))}
        </Section>
      ) : null}
      {props.pinCodesMissing ? <Text style={styles.text}>{texts.pinCodesMissing}</Text> : null}
      <OrderSummary order={props} locale={locale} />
      <Text style={styles.muted}>{texts.keepSafe}</Text>
    </EmailLayout>
  );
}
