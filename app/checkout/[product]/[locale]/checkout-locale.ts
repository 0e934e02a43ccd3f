// The locale segment of the static checkout page (proxy.ts fills it in from the visitor's cookie
// or browser): named for this render's translations, so that the root layout and everything below
// speak it (lib/i18n/static-locale.ts). Anything that is not a locale is not a checkout page.
import { notFound } from "next/navigation";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { setStaticLocale } from "@/lib/i18n/static-locale";

export function checkoutLocale(segment: string): Locale {
  if (!isLocale(segment)) {
    // The 404 page is rendered too, and needs a language.
    setStaticLocale(DEFAULT_LOCALE);
    notFound();
  }
  setStaticLocale(segment);
  return segment;
}
