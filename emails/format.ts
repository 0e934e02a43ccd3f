// Dates in emails: in the recipient's language, with the zone named, because the reader may
// live anywhere (an expiry of "14:00" alone would be ambiguous). Money: lib/money/format.ts.
import type { Locale } from "@/lib/i18n/locales";

export function formatEmailDateTime(instant: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(instant);
}

/** Splits a merchant-written text into paragraphs at blank lines; single newlines stay. */
export function toParagraphs(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}
