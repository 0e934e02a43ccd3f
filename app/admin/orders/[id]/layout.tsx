import { NextIntlClientProvider } from "next-intl";
import { clientMessages } from "@/lib/i18n/client-messages";

/** The order page's forms (status, notes, edit, tracking) are client components: they get the orders texts. */
export default async function OrderLayout({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider messages={await clientMessages(["common", "orders"])}>{children}</NextIntlClientProvider>;
}
