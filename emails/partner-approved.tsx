// The owner approved a partner's application (manual approval): the cabinet is open now. Sent in
// the partner's language; carries the login (never the password) and the sign-in link.
import { Heading, Text } from "@react-email/components";
import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { ActionButton } from "./components/action-button";
import { EmailLayout, shopNameOf } from "./components/layout";
import { styles } from "./components/styles";
import { getEmailMessages, type EmailMessages } from "./messages";
import { ZHttpUrl, ZShopInfo } from "./schemas";

export const ZPartnerApprovedProps = z.object({
  shop: ZShopInfo.optional(),
  name: z.string().trim().min(1).max(200),
  login: z.string().trim().min(1).max(64),
  signInUrl: ZHttpUrl,
});
export type TPartnerApprovedProps = z.output<typeof ZPartnerApprovedProps>;

export const partnerApprovedSubject = (props: TPartnerApprovedProps, messages: EmailMessages, locale: Locale) => messages["partner-approved"].subject(shopNameOf(props.shop, locale));

export function PartnerApprovedEmail({ locale, ...props }: TPartnerApprovedProps & { locale: Locale }) {
  const messages = getEmailMessages(locale);
  const texts = messages["partner-approved"];
  return (
    <EmailLayout locale={locale} shop={props.shop} preview={texts.preview}>
      <Heading as="h1" style={styles.heading}>
        {texts.heading}
      </Heading>
      <Text style={styles.text}>{messages.common.greeting(props.name)}</Text>
      <Text style={styles.text}>{texts.intro}</Text>
      <Text style={styles.text}>
        {texts.login}: <code style={styles.code}>{props.login}</code>
      </Text>
      <ActionButton href={props.signInUrl} label={texts.signInButton} locale={locale} />
      <Text style={styles.muted}>{texts.nextSteps}</Text>
    </EmailLayout>
  );
}
