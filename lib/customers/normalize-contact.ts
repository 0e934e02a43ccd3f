// Contacts in the one form customers are deduplicated by (DESIGN.md: "deduplicated by normalised
// phone and email"): phones in E.164 (+79161234501), emails trimmed and lower-cased. Plus-tags
// are kept: "anna+shop@x.ru" is an address of its own, and folding it would merge strangers on
// providers that do not treat + specially.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { z } from "zod";

// Longer input is not a phone number: refuse before the parser spends time on it.
const MAX_PHONE_INPUT = 40;

export interface ParsedPhone {
  /** E.164, the normalised form: "+79161234501". */
  e164: string;
  /** For people: "+7 916 123 45 01". */
  international: string;
}

/**
 * Parses a phone typed in any usual way ("8 (916) 123-45-01", "+7 916 1234501") with
 * `defaultCountry` for numbers written without a country code; null unless it is a valid number.
 */
export function parsePhone(raw: string | null | undefined, defaultCountry?: string): ParsedPhone | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  if (!trimmed || trimmed.length > MAX_PHONE_INPUT) return null;
  const country = defaultCountry && /^[A-Za-z]{2}$/.test(defaultCountry) ? (defaultCountry.toUpperCase() as CountryCode) : undefined;
  const phone = parsePhoneNumberFromString(trimmed, country);
  if (!phone || !phone.isValid()) return null;
  return { e164: phone.number, international: phone.formatInternational() };
}

/** The phone in E.164, or null when it is not a valid number. */
export function normalizePhone(raw: string | null | undefined, defaultCountry?: string): string | null {
  return parsePhone(raw, defaultCountry)?.e164 ?? null;
}

const ZEmail = z.email().max(254);

/** The address trimmed and lower-cased, or null when it is not an email address. */
export function normalizeEmail(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const email = raw.trim().toLowerCase();
  return ZEmail.safeParse(email).success ? email : null;
}
