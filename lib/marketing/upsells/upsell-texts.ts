// An upsell's headline and text in the shopper's language: English falls back to the Russian
// texts when the merchant wrote none.
import type { Locale } from "@/lib/i18n/locales";

export interface UpsellTextFields {
  title: string;
  titleEn: string | null;
  description: string | null;
  descriptionEn: string | null;
}

export function upsellTexts(upsell: UpsellTextFields, locale: Locale): { title: string; description: string | null } {
  if (locale === "en") return { title: upsell.titleEn || upsell.title, description: upsell.descriptionEn || upsell.description };
  return { title: upsell.title, description: upsell.description };
}
