// One CSV row, through the chosen mapping, into a customer to create or to add to an existing
// card — or the reason it is skipped (crmImport.skip.*): no phone and no email, a phone or email
// that is not one, an unknown type or country, a value too long. Phones are read in the row's
// country (Russia when none is given), as the checkout does.
import type { CustomerType } from "@/lib/db/generated/enums";
import { parsePhone, normalizeEmail } from "@/lib/customers/normalize-contact";
import type { ImportField, ImportMapping } from "./import-fields";
import { countryCodeOf } from "./country-code";

export const DEFAULT_IMPORT_COUNTRY = "RU";

export const SKIP_REASONS = ["noContact", "invalidPhone", "invalidEmail", "invalidType", "invalidCountry", "tooLong"] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface ImportedCustomer {
  type: CustomerType | null;
  name: string | null;
  legalName: string | null;
  taxId: string | null;
  country: string | null;
  source: string | null;
  notes: string | null;
  tags: string[];
  /** E.164 + as typed; the first one is the primary. */
  phones: { phone: string; normalized: string }[];
  emails: { email: string; normalized: string }[];
  address: { country: string; postcode: string | null; province: string | null; city: string | null; street: string | null; house: string | null; flat: string | null } | null;
}

export type ParsedImportRow = { ok: true; customer: ImportedCustomer } | { ok: false; reason: SkipReason; field?: ImportField; value?: string };

const MAX_LENGTH: Record<ImportField, number> = {
  name: 300,
  type: 40,
  phone: 40,
  extraPhone: 400,
  email: 254,
  extraEmail: 2000,
  country: 60,
  postcode: 20,
  province: 200,
  city: 200,
  street: 300,
  house: 50,
  flat: 50,
  legalName: 500,
  taxId: 20,
  tags: 1000,
  source: 200,
  notes: 10_000,
};

const MAX_TAGS = 30;
const MAX_TAG_LENGTH = 50;
const LIST_SEPARATOR = /[,;|\n]+/;

const COMPANY_WORDS = ["company", "компания", "юр", "юл", "юрлицо", "юр лицо", "юридическое лицо", "организация", "organization", "organisation", "business", "b2b", "ип"];
const PERSON_WORDS = ["person", "individual", "физ", "фл", "физлицо", "физ лицо", "физическое лицо", "частное лицо", "private", "b2c"];

export function parseCustomerType(raw: string): CustomerType | null | undefined {
  const value = raw.trim().toLowerCase().replaceAll(".", " ").replace(/\s+/g, " ").trim();
  if (!value) return null;
  if (COMPANY_WORDS.includes(value)) return "COMPANY";
  if (PERSON_WORDS.includes(value)) return "PERSON";
  return undefined;
}

/** Reads one row; `mapping[i]` says what column i holds. */
export function parseImportRow(row: readonly string[], mapping: ImportMapping): ParsedImportRow {
  const values = new Map<ImportField, string[]>();
  for (let column = 0; column < mapping.length; column++) {
    const field = mapping[column];
    const value = (row[column] ?? "").trim();
    if (field === "skip" || field === undefined || !value) continue;
    if (value.length > MAX_LENGTH[field]) return { ok: false, reason: "tooLong", field, value: value.slice(0, 60) };
    values.set(field, [...(values.get(field) ?? []), value]);
  }
  const one = (field: ImportField) => values.get(field)?.[0] ?? null;
  const list = (field: ImportField) =>
    (values.get(field) ?? [])
      .flatMap((value) => value.split(LIST_SEPARATOR))
      .map((value) => value.trim())
      .filter(Boolean);

  const type = parseCustomerType(one("type") ?? "");
  if (type === undefined) return { ok: false, reason: "invalidType", field: "type", value: one("type") ?? "" };

  let country: string | null = null;
  const rawCountry = one("country");
  if (rawCountry) {
    country = countryCodeOf(rawCountry);
    if (!country) return { ok: false, reason: "invalidCountry", field: "country", value: rawCountry };
  }

  const phones: ImportedCustomer["phones"] = [];
  for (const [field, raws] of [
    ["phone", values.get("phone") ?? []],
    ["extraPhone", list("extraPhone")],
  ] as const) {
    for (const raw of raws) {
      const parsed = parsePhone(raw, country ?? DEFAULT_IMPORT_COUNTRY);
      if (!parsed) return { ok: false, reason: "invalidPhone", field, value: raw };
      if (!phones.some((phone) => phone.normalized === parsed.e164)) phones.push({ phone: parsed.international, normalized: parsed.e164 });
    }
  }
  const emails: ImportedCustomer["emails"] = [];
  for (const [field, raws] of [
    ["email", values.get("email") ?? []],
    ["extraEmail", list("extraEmail")],
  ] as const) {
    for (const raw of raws) {
      const normalized = normalizeEmail(raw);
      if (!normalized) return { ok: false, reason: "invalidEmail", field, value: raw };
      if (!emails.some((email) => email.normalized === normalized)) emails.push({ email: raw.trim(), normalized });
    }
  }
  if (phones.length === 0 && emails.length === 0) return { ok: false, reason: "noContact" };

  const tags = [...new Set(list("tags"))];
  const longTag = tags.find((tag) => tag.length > MAX_TAG_LENGTH);
  if (longTag) return { ok: false, reason: "tooLong", field: "tags", value: longTag.slice(0, 60) };

  const addressParts = { postcode: one("postcode"), province: one("province"), city: one("city"), street: one("street"), house: one("house"), flat: one("flat") };
  const hasAddress = Object.values(addressParts).some(Boolean);
  const notes = values.get("notes")?.join("\n") ?? null;

  return {
    ok: true,
    customer: {
      type,
      name: one("name"),
      legalName: one("legalName"),
      taxId: one("taxId"),
      country,
      source: one("source"),
      notes,
      tags: tags.slice(0, MAX_TAGS),
      phones,
      emails,
      address: hasAddress ? { country: country ?? DEFAULT_IMPORT_COUNTRY, ...addressParts } : null,
    },
  };
}
