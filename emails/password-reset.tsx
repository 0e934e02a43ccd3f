// A link to set a new password (staff or partner); the token behind it is single-use and
// expires, so the expiry is shown.
import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { ExpiringLinkEmail } from "./components/expiring-link-email";
import { getEmailMessages, type EmailMessages } from "./messages";
import { DEFAULT_EMAIL_TIME_ZONE, ZHttpUrl, ZInstant, ZShopInfo, ZTimeZone } from "./schemas";

export const ZPasswordResetProps = z.object({
  shop: ZShopInfo.optional(),
  name: z.string().trim().min(1).max(200).optional(),
  resetUrl: ZHttpUrl,
  expiresAt: ZInstant,
  timeZone: ZTimeZone.default(DEFAULT_EMAIL_TIME_ZONE),
});
export type TPasswordResetProps = z.output<typeof ZPasswordResetProps>;

export const passwordResetSubject = (_props: TPasswordResetProps, messages: EmailMessages) => messages["password-reset"].subject;

export function PasswordResetEmail({ locale, ...props }: TPasswordResetProps & { locale: Locale }) {
  return (
    <ExpiringLinkEmail
      locale={locale}
      shop={props.shop}
      name={props.name}
      texts={getEmailMessages(locale)["password-reset"]}
      href={props.resetUrl}
      expiresAt={props.expiresAt}
      timeZone={props.timeZone}
    />
  );
}
