// The mapping step's first guess: each column's header (Russian or English, as exported by
// Excel, amoCRM, Bitrix24 or a shop) → a customer field. A second phone or email column becomes
// an extra phone/email; a field's other columns and unknown headers are skipped.
import { REPEATABLE_FIELDS, type ImportField, type ImportMapping, type ImportTarget } from "./import-fields";

// Checked in this order; each entry: exact names first, then words a header may contain.
const SYNONYMS: readonly [ImportField, { exact: string[]; contains: string[] }][] = [
  [
    "extraPhone",
    {
      exact: ["доп телефон", "дополнительный телефон", "телефон 2", "phone 2", "extra phone", "other phone", "second phone"],
      contains: ["доп. тел", "доп тел", "дополнительный тел", "другой тел"],
    },
  ],
  [
    "extraEmail",
    {
      exact: ["доп email", "доп e-mail", "дополнительный email", "дополнительный e-mail", "email 2", "e-mail 2", "extra email", "other email"],
      contains: ["доп. email", "доп. e-mail", "доп. почт", "другой email"],
    },
  ],
  [
    "phone",
    {
      exact: ["телефон", "тел", "phone", "tel", "mobile", "мобильный", "моб", "номер телефона", "phone number", "контактный телефон", "сотовый", "whatsapp"],
      contains: ["телефон", "phone", "мобильн"],
    },
  ],
  ["email", { exact: ["email", "e-mail", "e mail", "mail", "почта", "эл почта", "электронная почта", "адрес электронной почты", "email address"], contains: ["email", "e-mail", "почт"] }],
  [
    "legalName",
    {
      exact: [
        "компания",
        "организация",
        "юр лицо",
        "юридическое лицо",
        "полное наименование",
        "наименование организации",
        "company",
        "company name",
        "organization",
        "organisation",
        "legal name",
      ],
      contains: ["компани", "организац", "юрлиц", "юр. лиц", "company", "organi"],
    },
  ],
  ["taxId", { exact: ["инн", "inn", "tax id", "taxid", "vat", "vat number", "унп", "бин"], contains: ["инн", "tax id", "vat"] }],
  [
    "name",
    {
      exact: ["фио", "имя", "ф и о", "name", "full name", "fullname", "клиент", "покупатель", "контакт", "customer", "client", "contact", "наименование", "название", "фамилия имя отчество"],
      contains: ["фио", "имя", "name", "клиент", "покупател"],
    },
  ],
  ["type", { exact: ["тип", "тип клиента", "type", "customer type", "лицо", "физ юр"], contains: ["тип клиента", "customer type"] }],
  ["country", { exact: ["страна", "country", "country code", "код страны"], contains: ["страна", "country"] }],
  ["postcode", { exact: ["индекс", "почтовый индекс", "zip", "zip code", "postcode", "postal code", "post code"], contains: ["индекс", "postcode", "postal", "zip"] }],
  ["province", { exact: ["регион", "область", "край", "республика", "region", "province", "state", "oblast", "субъект"], contains: ["област", "регион", "province", "state"] }],
  ["city", { exact: ["город", "населенный пункт", "нас пункт", "city", "town", "locality"], contains: ["город", "населен", "city", "town"] }],
  ["street", { exact: ["улица", "street", "address", "адрес", "адрес доставки", "street address", "address line 1"], contains: ["улиц", "street", "адрес", "address"] }],
  ["house", { exact: ["дом", "house", "building", "house number", "№ дома", "строение"], contains: ["дом", "house", "building"] }],
  ["flat", { exact: ["квартира", "кв", "офис", "flat", "apartment", "apt", "office", "suite"], contains: ["квартир", "apartment", "flat"] }],
  ["tags", { exact: ["теги", "тэги", "метки", "tags", "labels", "тег", "метка"], contains: ["тег", "тэг", "метк", "tag", "label"] }],
  ["source", { exact: ["источник", "откуда узнал", "откуда узнали", "канал", "source", "utm source", "utm_source", "lead source", "channel"], contains: ["источник", "откуда", "source"] }],
  [
    "notes",
    {
      exact: ["примечание", "примечания", "комментарий", "заметки", "notes", "note", "comment", "comments", "описание", "description"],
      contains: ["примечан", "коммент", "заметк", "note", "comment"],
    },
  ],
];

/** Lower-cased, ё → е, punctuation and extra spaces dropped: "E-mail:" → "e-mail", "Ф.И.О." → "ф и о". */
export function normalizeHeader(header: string): string {
  return header
    .toLowerCase()
    .replaceAll("ё", "е")
    .replace(/[*:()"'«»№#]/g, " ")
    .replace(/\.(?=\S)/g, " ")
    .replace(/\./g, "")
    .replace(/[\s_]+/g, " ")
    .trim();
}

/** The field a header most likely holds, or null. */
export function guessField(header: string): ImportField | null {
  const normalized = normalizeHeader(header);
  if (!normalized) return null;
  for (const [field, { exact }] of SYNONYMS) if (exact.includes(normalized)) return field;
  for (const [field, { contains }] of SYNONYMS) if (contains.some((part) => normalized.includes(part))) return field;
  return null;
}

/** A mapping for the header row: every field at most once (repeatable ones any number of times). */
export function guessColumnMapping(header: readonly string[] | null, columnCount: number): ImportMapping {
  const taken = new Set<ImportField>();
  const mapping: ImportTarget[] = [];
  for (let column = 0; column < columnCount; column++) {
    let field = header ? guessField(header[column] ?? "") : null;
    if (field === "phone" && taken.has("phone")) field = "extraPhone";
    if (field === "email" && taken.has("email")) field = "extraEmail";
    if (field && taken.has(field) && !REPEATABLE_FIELDS.has(field)) field = null;
    if (field) taken.add(field);
    mapping.push(field ?? "skip");
  }
  return mapping;
}
