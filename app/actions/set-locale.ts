"use server";

import { cookies } from "next/headers";
import { getEnv } from "@/lib/env";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";

/** Remembers the visitor's language for a year. Public: it only sets the caller's own cookie. */
export async function setLocale(locale: string) {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { maxAge: 365 * 24 * 60 * 60, sameSite: "lax", path: "/", httpOnly: true, secure: getEnv().APP_URL.startsWith("https:") });
}
