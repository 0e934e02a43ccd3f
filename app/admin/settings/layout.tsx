import { NextIntlClientProvider } from "next-intl";
import { clientMessages } from "@/lib/i18n/client-messages";

/** The settings forms are client components: they get the "settings" messages (and no others they do not use). */
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider messages={await clientMessages(["common", "settings"])}>{children}</NextIntlClientProvider>;
}
