// What a partner may see of a customer: enough to recognise an order they brought in a call
// with the shop ("the one from Ivan P., phone ending 45-67"), never enough to contact the
// customer around the shop. So the name becomes initials and the phone keeps only its country
// code and last four digits; email and address are not loaded for partners at all.
import { parsePhoneNumberFromString } from "libphonenumber-js";

/** "Ivan Petrov" → "I. P."; blank → "—". */
export function maskName(name: string | null | undefined): string {
  const initials = (name ?? "")
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 3)
    .map((word) => `${[...word][0]!.toLocaleUpperCase()}.`);
  return initials.length ? initials.join(" ") : "—";
}

/** "+79161234567" → "+7 *** ***-45-67"; fewer than 4 digits or blank → "—". */
export function maskPhone(phone: string | null | undefined): string {
  const digits = (phone ?? "").replace(/\D/g, "");
  if (digits.length < 4) return "—";
  const tail = `${digits.slice(-4, -2)}-${digits.slice(-2)}`;
  const parsed = phone?.trim().startsWith("+") ? parsePhoneNumberFromString(phone.trim()) : undefined;
  return parsed ? `+${parsed.countryCallingCode} *** ***-${tail}` : `*** ***-${tail}`;
}
