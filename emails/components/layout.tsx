// The frame of every email: the shop's name on top, the content, and a footer saying who sent
// it (and, for mailings, how to unsubscribe).
import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { getEmailMessages } from "../messages";
import type { TShopInfo } from "../schemas";
import { styles } from "./styles";

export interface EmailLayoutProps {
  locale: Locale;
  shop?: TShopInfo;
  /** The line mail clients show after the subject in the inbox. */
  preview: string;
  unsubscribeUrl?: string;
  children: ReactNode;
}

export function shopNameOf(shop: TShopInfo | undefined, locale: Locale): string {
  return shop?.name ?? getEmailMessages(locale).layout.defaultShopName;
}

export function EmailLayout({ locale, shop, preview, unsubscribeUrl, children }: EmailLayoutProps) {
  const messages = getEmailMessages(locale).layout;
  const shopName = shopNameOf(shop, locale);
  return (
    <Html lang={locale} dir="ltr">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Section>
            {shop?.url ? (
              <Link href={shop.url} style={styles.brand}>
                {shopName}
              </Link>
            ) : (
              <Text style={styles.brand}>{shopName}</Text>
            )}
          </Section>
          <Section>{children}</Section>
          <Hr style={styles.hr} />
          <Section>
            <Text style={styles.footer}>
              {messages.footer(shopName)} {messages.automatic}
            </Text>
            {shop?.supportEmail ? (
              <Text style={styles.footer}>
                {messages.support} <Link href={`mailto:${shop.supportEmail}`}>{shop.supportEmail}</Link>
              </Text>
            ) : null}
            {unsubscribeUrl ? (
              <Text style={styles.footer}>
                <Link href={unsubscribeUrl}>{messages.unsubscribe}</Link>
              </Text>
            ) : null}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
