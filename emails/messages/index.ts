// Message tables of the emails by locale. Emails are rendered in the recipient's language,
// not the sender's, so the locale always comes with the mail.
import type { Locale } from "@/lib/i18n/locales";
import { en } from "./en";
import { ru, type EmailMessages } from "./ru";

export type { EmailMessages };

const tables: Record<Locale, EmailMessages> = { ru, en };

export function getEmailMessages(locale: Locale): EmailMessages {
  return tables[locale];
}
