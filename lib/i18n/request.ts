// next-intl request configuration (no locale in URLs: the locale comes from a cookie or the
// browser, so checkout links stay the same in every language).
//
// A page rendered for one visitor reads the cookie and Accept-Language. A statically rendered
// page (the checkout, cached per locale: proxy.ts puts the visitor's locale into its internal
// path) has neither — `dynamic = "force-static"` gives it empty headers — and names its locale
// from its params instead (lib/i18n/static-locale.ts).
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, resolveLocale, type Locale } from "./locales";
import { staticLocale } from "./static-locale";

async function requestLocale(): Promise<Locale> {
  const headerStore = await headers();
  // Every HTTP/1.1+ request has a Host; only a force-static render sees none.
  if (!headerStore.has("host")) return staticLocale();
  const cookieStore = await cookies();
  return resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerStore.get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  const messages = (await import(`../../messages/${locale}.json`)).default;
  return { locale, messages, timeZone: "Europe/Moscow" };
});
