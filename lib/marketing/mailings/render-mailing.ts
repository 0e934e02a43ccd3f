// A mailing's mail, rendered once per locale and personalised per recipient by swapping in their
// unsubscribe link: react-email takes milliseconds per render, a string replace microseconds, and
// at hundreds of mails per second that is the difference. The placeholder is a valid https URL
// (the template's schema checks it) that cannot occur in the author's text by accident.
import { shopInfo } from "@/lib/checkout/order-mails";
import type { Locale } from "@/lib/i18n/locales";
import { renderMail, type RenderedMail } from "@/lib/mail/render";
import { getShopSettings } from "@/lib/settings/get-shop-settings";
import { unsubscribeUrls } from "./unsubscribe-token";

const UNSUBSCRIBE_PLACEHOLDER = "https://unsubscribe.invalid/lavka-recipient-link";

export interface MailingContent {
  subject: string;
  body: string;
  subjectEn: string;
  bodyEn: string;
}

/** The texts a reader of `locale` gets: English when the mailing has it, else Russian. */
export function mailingTextsFor(content: MailingContent, locale: Locale): { subject: string; markdown: string; locale: Locale } {
  if (locale === "en" && content.subjectEn && content.bodyEn) return { subject: content.subjectEn, markdown: content.bodyEn, locale: "en" };
  // No English version: the Russian text in a Russian frame, not a half-translated mail.
  return { subject: content.subject, markdown: content.body, locale: "ru" };
}

export interface MailingTemplate {
  locale: Locale;
  subject: string;
  html: string;
  text: string;
}

/** The mail of one locale with the placeholder link in it. */
export async function renderMailingTemplate(content: MailingContent, locale: Locale): Promise<MailingTemplate> {
  const texts = mailingTextsFor(content, locale);
  const shop = shopInfo(await getShopSettings());
  const rendered: RenderedMail = await renderMail("mailing", { shop, subject: texts.subject, markdown: texts.markdown, unsubscribeUrl: UNSUBSCRIBE_PLACEHOLDER }, texts.locale);
  return { locale: texts.locale, subject: rendered.subject, html: rendered.html, text: rendered.text };
}

export interface PersonalMail {
  subject: string;
  html: string;
  text: string;
  /** The page with the confirm button (footer link). */
  unsubscribePage: string;
  /** RFC 8058 one-click target (List-Unsubscribe header). */
  unsubscribeOneClick: string;
}

/** One recipient's mail from the locale's template. */
export function personalizeMailing(template: MailingTemplate, recipientId: string, appUrl?: string): PersonalMail {
  const urls = unsubscribeUrls(recipientId, appUrl);
  return {
    subject: template.subject,
    html: template.html.replaceAll(UNSUBSCRIBE_PLACEHOLDER, urls.page),
    text: template.text.replaceAll(UNSUBSCRIBE_PLACEHOLDER, urls.page),
    unsubscribePage: urls.page,
    unsubscribeOneClick: urls.oneClick,
  };
}

/** The preview in the admin: the locale's mail as a recipient gets it, with an inert link. */
export async function renderMailingPreview(content: MailingContent, locale: Locale): Promise<{ subject: string; html: string }> {
  const template = await renderMailingTemplate(content, locale);
  return { subject: template.subject, html: template.html.replaceAll(UNSUBSCRIBE_PLACEHOLDER, "#unsubscribe") };
}
