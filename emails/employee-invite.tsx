// An invitation to the shop's admin panel: a link to set a password, which activates the
// employee's account. The token behind it is single-use and expires, so the expiry is shown.
import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { ExpiringLinkEmail } from "./components/expiring-link-email";
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
  const texts = getEmailMessages(locale)["employee-invite"];
  return (
    <ExpiringLinkEmail
      locale={locale}
      shop={props.shop}
      name={props.name}
      texts={{ ...texts, intro: texts.intro(props.inviterName) }}
      href={props.acceptUrl}
      expiresAt={props.expiresAt}
      timeZone={props.timeZone}
    />
  );
}
