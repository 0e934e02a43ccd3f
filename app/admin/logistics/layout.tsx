import { NextIntlClientProvider } from "next-intl";
import { clientMessages } from "@/lib/i18n/client-messages";

/** The logistics forms are client components: they get the messages they use. */
export default async function LogisticsLayout({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider messages={await clientMessages(["common", "orders", "orderStatus", "logistics"])}>{children}</NextIntlClientProvider>;
}
