import { NextIntlClientProvider } from "next-intl";
import { clientMessages } from "@/lib/i18n/client-messages";

/** The message namespaces the products section's client components use. */
export async function ProductsMessages({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider messages={await clientMessages(["common", "products", "checkoutFields"])}>{children}</NextIntlClientProvider>;
}
