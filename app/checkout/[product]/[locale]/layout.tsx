import { NextIntlClientProvider } from "next-intl";
import { clientMessages } from "@/lib/i18n/client-messages";
import { checkoutLocale } from "./checkout-locale";

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> };

export default async function CheckoutLayout({ children, params }: Props) {
  const locale = checkoutLocale((await params).locale);
  return (
    <NextIntlClientProvider locale={locale} messages={await clientMessages(["common", "checkout", "checkoutErrors.coupon", "discounts.checkout", "upsellOffer"])}>
      {children}
    </NextIntlClientProvider>
  );
}
