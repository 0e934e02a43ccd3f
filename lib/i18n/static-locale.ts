// The locale of a statically rendered page (the checkout: cached per product, locale and country).
// Such a render has no cookies or headers (`dynamic = "force-static"` makes them empty), so the
// locale comes from the route's params: the page and its layout name it with setStaticLocale, and
// lib/i18n/request.ts waits for that name. The wait matters for the root layout, which Next.js
// renders before the segments below it and which cannot see their params.
import { setRequestLocale } from "next-intl/server";
import { cache } from "react";
import { logger } from "@/lib/logger";
import { DEFAULT_LOCALE, type Locale } from "./locales";

/**
 * How long a static render waits for its page to name the locale before it falls back. In the
 * page's own render the name comes within the same turn of the event loop (layouts and page are
 * started together); only a render without the page's segments (Next.js' error shell for a 404
 * or 500, which renders just the metadata) waits this long, and gets the default locale's title.
 */
const NAME_TIMEOUT_MS = 100;

type Slot = { promise: Promise<Locale>; resolve: (locale: Locale) => void };

// One slot per render (React's cache is scoped to the request being rendered).
const slot = cache((): Slot => {
  let resolve: (locale: Locale) => void = () => {};
  const promise = new Promise<Locale>((done) => (resolve = done));
  return { promise, resolve };
});

/** Names the locale of the static page being rendered (call it in its layout and page). */
export function setStaticLocale(locale: Locale) {
  setRequestLocale(locale);
  slot().resolve(locale);
}

/** The locale named by setStaticLocale in this render. */
export async function staticLocale(): Promise<Locale> {
  let timer: NodeJS.Timeout | undefined;
  const fallback = new Promise<Locale>((done) => {
    timer = setTimeout(() => {
      logger.debug("a static render did not name its locale (setStaticLocale): the default locale is used");
      done(DEFAULT_LOCALE);
    }, NAME_TIMEOUT_MS);
  });
  try {
    return await Promise.race([slot().promise, fallback]);
  } finally {
    clearTimeout(timer);
  }
}
