import { NextIntlClientProvider } from "next-intl";
import { clientMessages } from "@/lib/i18n/client-messages";

/** The webhook forms are client components: they get the "webhooks" messages. */
export default async function WebhooksLayout({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider messages={await clientMessages(["common", "settings", "webhooks"])}>{children}</NextIntlClientProvider>;
}
