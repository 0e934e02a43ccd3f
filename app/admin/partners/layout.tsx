import { NextIntlClientProvider } from "next-intl";
import { clientMessages } from "@/lib/i18n/client-messages";

// The program settings form and the postback replay buttons render their labels and errors on the client.
export default async function AdminPartnersLayout({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider messages={await clientMessages(["common", "adminPartners", "postbacks"])}>{children}</NextIntlClientProvider>;
}
