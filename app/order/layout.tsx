import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { clientMessages } from "@/lib/i18n/client-messages";

// Pages about one shopper's order: never indexed, and the random id or token in the URL is not
// sent on to other sites as a referrer.
export const metadata: Metadata = {
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function OrderLayout({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider messages={await clientMessages(["common", "orderPages", "upsellOffer"])}>{children}</NextIntlClientProvider>;
}
