// An invitation to the shop's admin panel: a link to set a password, which activates the
// employee's account. The token behind it is single-use and expires, so the expiry is shown.
import { Heading, Text } from "@react-email/components";
import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { ActionButton } from "./components/action-button";
import { EmailLayout } from "./components/layout";
import { styles } from "./components/styles";
import { formatEmailDateTime } from "./format";
import { getEmailMessages, type EmailMessages } from "./messages";
import { DEFAULT_EMAIL_TIME_ZONE, ZHttpUrl, ZInstant, ZShopInfo, ZTimeZone } from "./schemas";

export const ZEmployeeInviteProps = z.object({
  shop: ZShopInfo.optional(),
  name: z.string().trim().min(1).max(200).optional(),
  inviterName: z.string().trim().min(1).max(200).optional(),
  acceptUrl: ZHttpUrl,
  expiresAt: ZInstant,
  timeZone: ZTimeZone.default(DEFAULT_EMAIL_TIME_ZONE),
});
export type TEmployeeInviteProps = z.output<typeof ZEmployeeInviteProps>;

export const employeeInviteSubject = (_props: TEmployeeInviteProps, messages: EmailMessages) => messages["employee-invite"].subject;

export function EmployeeInviteEmail({ locale, ...props }: TEmployeeInviteProps & { locale: Locale }) {
  const messages = getEmailMessages(locale);
  const texts = messages["employee-invite"];
  return (
    <EmailLayout locale={locale} shop={props.shop} preview={texts.preview}>
      <Heading as="h1" style={styles.heading}>
        {texts.heading}
      </Heading>
      <Text style={styles.text}>{messages.common.greeting(props.name)}</Text>
      <Text style={styles.text}>{texts.intro(props.inviterName)}</Text>
      <ActionButton href={props.acceptUrl} label={texts.button} locale={locale} />
      <Text style={styles.muted}>{messages.common.expiresAt(formatEmailDateTime(props.expiresAt, locale, props.timeZone))}</Text>
      <Text style={styles.muted}>{texts.ignore}</Text>
    </EmailLayout>
  );
}
