// The body of a mail whose point is one single-use, expiring link (a password reset, an
// invitation): greeting, what the link does, the button, when it stops working, and what to do
// if the mail was not expected.
import { Heading, Text } from "@react-email/components";
import type { Locale } from "@/lib/i18n/locales";
import { formatEmailDateTime } from "../format";
import { getEmailMessages } from "../messages";
import type { TShopInfo } from "../schemas";
import { ActionButton } from "./action-button";
import { EmailLayout } from "./layout";
import { styles } from "./styles";

interface Props {
  locale: Locale;
  shop?: TShopInfo;
  name?: string;
  texts: { preview: string; heading: string; intro: string; button: string; ignore: string };
  href: string;
  expiresAt: Date;
  timeZone: string;
}

export function ExpiringLinkEmail({ locale, shop, name, texts, href, expiresAt, timeZone }: Props) {
  const common = getEmailMessages(locale).common;
  return (
    <EmailLayout locale={locale} shop={shop} preview={texts.preview}>
      <Heading as="h1" style={styles.heading}>
        {texts.heading}
      </Heading>
      <Text style={styles.text}>{common.greeting(name)}</Text>
      <Text style={styles.text}>{texts.intro}</Text>
      <ActionButton href={href} label={texts.button} locale={locale} />
      <Text style={styles.muted}>{common.expiresAt(formatEmailDateTime(expiresAt, locale, timeZone))}</Text>
      <Text style={styles.muted}>{texts.ignore}</Text>
    </EmailLayout>
  );
}
