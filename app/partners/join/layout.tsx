import { NextIntlClientProvider } from "next-intl";
import { clientMessages } from "@/lib/i18n/client-messages";

// The registration form renders its field errors on the client.
export default async function PartnerJoinLayout({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider messages={await clientMessages(["common", "partnerJoin"])}>{children}</NextIntlClientProvider>;
}
