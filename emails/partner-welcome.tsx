// A new partner's credentials: the program generates the password and mails it (the seed
// systems' flow), together with the link that confirms the email address.
import { Heading, Text } from "@react-email/components";
import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { ActionButton } from "./components/action-button";
import { EmailLayout, shopNameOf } from "./components/layout";
import { styles } from "./components/styles";
import { getEmailMessages, type EmailMessages } from "./messages";
import { ZHttpUrl, ZShopInfo } from "./schemas";

export const ZPartnerWelcomeProps = z.object({
  shop: ZShopInfo.optional(),
  name: z.string().trim().min(1).max(200),
  login: z.string().trim().min(1).max(64),
  password: z.string().min(8).max(200),
  signInUrl: ZHttpUrl,
  confirmEmailUrl: ZHttpUrl,
  /** The program approves partners manually: the cabinet opens after the owner's approval. */
  awaitingApproval: z.boolean().default(false),
});
export type TPartnerWelcomeProps = z.output<typeof ZPartnerWelcomeProps>;

export const partnerWelcomeSubject = (props: TPartnerWelcomeProps, messages: EmailMessages, locale: Locale) => messages["partner-welcome"].subject(shopNameOf(props.shop, locale));

export function PartnerWelcomeEmail({ locale, ...props }: TPartnerWelcomeProps & { locale: Locale }) {
  const messages = getEmailMessages(locale);
  const texts = messages["partner-welcome"];
  return (
    <EmailLayout locale={locale} shop={props.shop} preview={texts.preview}>
      <Heading as="h1" style={styles.heading}>
        {texts.heading}
      </Heading>
      <Text style={styles.text}>{messages.common.greeting(props.name)}</Text>
      <Text style={styles.text}>{texts.intro}</Text>
      <Text style={{ ...styles.text, margin: "0 0 6px" }}>
        {texts.login}: <code style={styles.code}>{props.login}</code>
      </Text>
      <Text style={styles.text}>
        {texts.password}: <code style={styles.code}>{props.password}</code>
      </Text>
      <Text style={styles.muted}>{texts.changePassword}</Text>
      <Text style={styles.text}>{texts.confirmEmail}</Text>
      <ActionButton href={props.confirmEmailUrl} label={texts.confirmEmailButton} locale={locale} />
      {props.awaitingApproval ? <Text style={styles.text}>{texts.awaitingApproval}</Text> : null}
      <ActionButton href={props.signInUrl} label={texts.signInButton} locale={locale} />
    </EmailLayout>
  );
}
