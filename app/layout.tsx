import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { clientMessages } from "@/lib/i18n/client-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        {/* Every page's client components get the common texts; a page whose client components need
            more (the sign-in forms, the order list's bulk form) gives them their own provider, so
            that every page does not carry them. */}
        <NextIntlClientProvider messages={await clientMessages(["common"])}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
