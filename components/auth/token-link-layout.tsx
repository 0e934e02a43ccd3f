// The frame of the pages behind an emailed token link (/reset-password/<token>, /invite/<token>).
import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { clientMessages } from "@/lib/i18n/client-messages";

// The token in the URL is a credential: never indexed, never sent on to other sites as a referrer.
export const tokenLinkMetadata: Metadata = {
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export async function TokenLinkLayout({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider messages={await clientMessages(["common", "passwordReset"])}>{children}</NextIntlClientProvider>;
}
