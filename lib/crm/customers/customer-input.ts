// What a customer card is made of when typed by hand (create and edit share it): validated,
// phones and emails normalised (lib/customers/normalize-contact) and deduplicated within the
// card, exactly one primary phone / email / default address, tags cleaned (≤ 20). Also the
// FormData reader of the card's form, and the check that no phone or email already belongs to
// another card (a contact is on one card only: never a second card for the same person).
import { z } from "zod";
import { type db, type DbTransaction, type Prisma } from "@/lib/db";
import { CustomerType, Region } from "@/lib/db/generated/enums";
import { advisoryLockSql, contactLockKeys } from "@/lib/customers/customer-dedup";
import { normalizeEmail, parsePhone } from "@/lib/customers/normalize-contact";
import { AppError } from "@/lib/errors";
import { MAX_TAG_LENGTH, MAX_TAGS, parseTags } from "./customer-query";

export const MAX_CONTACTS_PER_KIND = 10;
export const MAX_CONTACT_PERSONS = 50;

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const text = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
const ZId = z
  .string()
  .trim()
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Invalid id");
const optionalId = z.preprocess(blankToUndefined, ZId.optional());
const flag = z.preprocess((value) => value === true || value === "on" || value === "true" || value === "1", z.boolean());
const ZCountry = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toUpperCase() || undefined : value),
  z
    .string()
    .regex(/^[A-Z]{2}$/, "Invalid country")
    .optional(),
);

const ZPhoneRow = z.object({ phone: z.string().trim().min(1).max(40), label: text(50), isPrimary: flag.default(false) });
const ZEmailRow = z.object({ email: z.string().trim().min(1).max(254), label: text(50), isPrimary: flag.default(false) });
const ZAddressRow = z.object({
  id: optionalId,
  label: text(50),
  country: z.preprocess((value) => (typeof value === "string" ? value.trim().toUpperCase() : value), z.string().regex(/^[A-Z]{2}$/, "Invalid country")),
  postcode: text(20),
  province: text(100),
  city: text(100),
  street: text(200),
  house: text(50),
  flat: text(50),
  isDefault: flag.default(false),
});
const ZContactPersonRow = z.object({
  id: optionalId,
  name: z.string().trim().min(1).max(200),
  position: text(100),
  role: text(100),
  phone: text(40),
  email: text(254),
  notes: text(2000),
});

/** The card as typed. */
export const ZCustomerInput = z
  .object({
    type: z.enum(CustomerType).default("PERSON"),
    name: z.string().trim().min(1).max(200),
    legalName: text(300),
    taxId: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^[0-9A-Za-z-]{4,20}$/, "Invalid tax id")
        .optional(),
    ),
    legalAddress: text(500),
    website: z.preprocess(
      blankToUndefined,
      z
        .url({ protocol: /^https?$/ })
        .max(300)
        .optional(),
    ),
    region: z.preprocess(blankToUndefined, z.enum(Region).optional()),
    country: ZCountry,
    locale: z.preprocess(blankToUndefined, z.enum(["ru", "en"]).default("ru")),
    source: text(100),
    notes: text(5000),
    /** A comma-separated list (or a list): trimmed, deduplicated, at most 20. */
    tags: z
      .union([z.string().max(2000), z.array(z.string().max(200)).max(100)])
      .default("")
      .transform((value) => parseTags(value))
      .pipe(z.array(z.string().max(MAX_TAG_LENGTH, `A tag is at most ${MAX_TAG_LENGTH} characters`)).max(MAX_TAGS, `At most ${MAX_TAGS} tags`)),
    segmentId: optionalId,
    responsibleId: optionalId,
    phones: z.array(ZPhoneRow).max(MAX_CONTACTS_PER_KIND).default([]),
    emails: z.array(ZEmailRow).max(MAX_CONTACTS_PER_KIND).default([]),
    addresses: z.array(ZAddressRow).max(MAX_CONTACTS_PER_KIND).default([]),
    contactPersons: z.array(ZContactPersonRow).max(MAX_CONTACT_PERSONS).default([]),
  })
  .transform((input, context) => {
    const defaultCountry = input.country ?? (input.region === "RU" || !input.region ? "RU" : undefined);
    const phones: { phone: string; normalized: string; label: string | null; isPrimary: boolean }[] = [];
    input.phones.forEach((row, index) => {
      const parsed = parsePhone(row.phone, defaultCountry);
      if (!parsed) return context.addIssue({ code: "custom", path: ["phones", index, "phone"], message: "Invalid phone" });
      const existing = phones.find((phone) => phone.normalized === parsed.e164);
      if (existing) existing.isPrimary ||= row.isPrimary;
      else phones.push({ phone: parsed.international, normalized: parsed.e164, label: row.label ?? null, isPrimary: row.isPrimary });
    });
    const emails: { email: string; normalized: string; label: string | null; isPrimary: boolean }[] = [];
    input.emails.forEach((row, index) => {
      const normalized = normalizeEmail(row.email);
      if (!normalized) return context.addIssue({ code: "custom", path: ["emails", index, "email"], message: "Invalid email" });
      const existing = emails.find((email) => email.normalized === normalized);
      if (existing) existing.isPrimary ||= row.isPrimary;
      else emails.push({ email: row.email.trim(), normalized, label: row.label ?? null, isPrimary: row.isPrimary });
    });
    const contactPersons = input.contactPersons.map((row, index) => {
      const phone = row.phone ? parsePhone(row.phone, defaultCountry) : null;
      if (row.phone && !phone) context.addIssue({ code: "custom", path: ["contactPersons", index, "phone"], message: "Invalid phone" });
      const email = row.email ? normalizeEmail(row.email) : null;
      if (row.email && !email) context.addIssue({ code: "custom", path: ["contactPersons", index, "email"], message: "Invalid email" });
      return {
        id: row.id ?? null,
        name: row.name,
        position: row.position ?? null,
        role: row.role ?? null,
        phone: phone?.international ?? null,
        phoneNormalized: phone?.e164 ?? null,
        email: row.email ?? null,
        emailNormalized: email,
        notes: row.notes ?? null,
      };
    });
    return {
      type: input.type,
      name: input.name,
      legalName: input.legalName ?? null,
      taxId: input.taxId ?? null,
      legalAddress: input.legalAddress ?? null,
      website: input.website ?? null,
      region: input.region ?? null,
      country: input.country ?? null,
      locale: input.locale,
      source: input.source ?? null,
      notes: input.notes ?? null,
      tags: input.tags,
      segmentId: input.segmentId ?? null,
      responsibleId: input.responsibleId ?? null,
      phones: withOnePrimary(phones, "isPrimary"),
      emails: withOnePrimary(emails, "isPrimary"),
      addresses: withOnePrimary(
        input.addresses.map((row) => ({
          id: row.id ?? null,
          label: row.label ?? null,
          country: row.country,
          postcode: row.postcode ?? null,
          province: row.province ?? null,
          city: row.city ?? null,
          street: row.street ?? null,
          house: row.house ?? null,
          flat: row.flat ?? null,
          isDefault: row.isDefault,
        })),
        "isDefault",
      ),
      contactPersons,
    };
  });
export type TCustomerInput = z.input<typeof ZCustomerInput>;
export type CustomerInput = z.output<typeof ZCustomerInput>;

/** The first row marked (or else the first row) is the only one marked. */
export function withOnePrimary<T extends Record<K, boolean>, K extends string>(rows: T[], key: K): T[] {
  const marked = Math.max(
    0,
    rows.findIndex((row) => row[key]),
  );
  return rows.map((row, index) => ({ ...row, [key]: index === marked }));
}

/** The primary phone and email of the card, mirrored on Customer.phone* / email* (what checkout's dedupe reads first). */
export function primaryContacts(input: Pick<CustomerInput, "phones" | "emails">) {
  const phone = input.phones.find((row) => row.isPrimary) ?? null;
  const email = input.emails.find((row) => row.isPrimary) ?? null;
  return { phone: phone?.phone ?? null, phoneNormalized: phone?.normalized ?? null, email: email?.email ?? null, emailNormalized: email?.normalized ?? null };
}

/** The card's own columns from a validated input, as create and update write them (the phone, email, address and contact person rows are written by the caller). */
export function customerCardData(input: CustomerInput) {
  return {
    type: input.type,
    name: input.name,
    legalName: input.legalName,
    taxId: input.taxId,
    legalAddress: input.legalAddress,
    website: input.website,
    region: input.region,
    country: input.country,
    locale: input.locale,
    source: input.source,
    notes: input.notes,
    tags: input.tags,
    segmentId: input.segmentId,
    responsibleId: input.responsibleId,
    ...primaryContacts(input),
  };
}

const rowsOf = (form: FormData, prefix: string, fields: readonly string[]): Record<string, string>[] => {
  // Rows are numbered by the form (phones.0.phone, phones.1.phone…), possibly with gaps after a
  // row was removed in the browser: read them in index order, skipping fully blank rows.
  const indexes = new Set<number>();
  for (const key of form.keys()) {
    const match = new RegExp(`^${prefix}\\.(\\d{1,3})\\.`).exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .map((index) => ({ ...Object.fromEntries(fields.map((field) => [field, stringOf(form.get(`${prefix}.${index}.${field}`))])), index: String(index) }) as Record<string, string>)
    .filter((row) => fields.some((field) => !["id", "country"].includes(field) && row[field]?.trim()));
};
const stringOf = (value: FormDataEntryValue | null) => (typeof value === "string" ? value.slice(0, 5000) : "");

const ROW_FIELDS = {
  phones: ["phone", "label"],
  emails: ["email", "label"],
  addresses: ["id", "label", "country", "postcode", "province", "city", "street", "house", "flat"],
  contactPersons: ["id", "name", "position", "role", "phone", "email", "notes"],
} as const;

/**
 * The form's field name of a domain error path: the schema numbers the rows it was given
 * ("phones.0.phone"), the form numbers its rows by their own keys ("phones.7.phone").
 */
export function customerFormField(form: FormData, path: string): string {
  const [list, index, ...rest] = path.split(".");
  if (!list || !(list in ROW_FIELDS) || index === undefined || !/^\d+$/.test(index)) return list ?? "_";
  const row = rowsOf(form, list, ROW_FIELDS[list as keyof typeof ROW_FIELDS])[Number(index)];
  return row ? [list, row.index, ...rest].join(".") : list;
}

/** The card's form as input for ZCustomerInput (validation is the schema's job). */
export function customerInputFromForm(form: FormData): Record<string, unknown> {
  const primaryPhone = stringOf(form.get("primaryPhone"));
  const primaryEmail = stringOf(form.get("primaryEmail"));
  const defaultAddress = stringOf(form.get("defaultAddress"));
  const scalar = (name: string) => stringOf(form.get(name));
  return {
    type: scalar("type") || undefined,
    name: scalar("name"),
    legalName: scalar("legalName"),
    taxId: scalar("taxId"),
    legalAddress: scalar("legalAddress"),
    website: scalar("website"),
    region: scalar("region"),
    country: scalar("country"),
    locale: scalar("locale"),
    source: scalar("source"),
    notes: scalar("notes"),
    tags: scalar("tags"),
    segmentId: scalar("segmentId"),
    responsibleId: scalar("responsibleId"),
    // The primary phone / email / default address is one radio group per list, valued by row index.
    phones: rowsOf(form, "phones", ROW_FIELDS.phones).map(({ index, ...row }) => ({ ...row, isPrimary: index === primaryPhone })),
    emails: rowsOf(form, "emails", ROW_FIELDS.emails).map(({ index, ...row }) => ({ ...row, isPrimary: index === primaryEmail })),
    addresses: rowsOf(form, "addresses", ROW_FIELDS.addresses).map(({ index, ...row }) => ({
      ...row,
      isDefault: index === defaultAddress,
    })),
    contactPersons: rowsOf(form, "contactPersons", ROW_FIELDS.contactPersons).map(({ index: _index, ...row }) => row),
  };
}

/** A phone or email of the card that is already on another card. */
export interface ContactConflict {
  kind: "phone" | "email";
  value: string;
  /** Where it was typed: "phones.0.phone". */
  field: string;
  customerId: string;
  customerName: string | null;
}

/** CONFLICT: a contact of the card belongs to another card (named, so the form can link to it). */
export class ContactTakenError extends AppError {
  constructor(readonly conflicts: ContactConflict[]) {
    super("CONFLICT", conflicts.map((conflict) => `${conflict.kind} ${conflict.value} belongs to customer ${conflict.customerId}`).join("; "), {
      fieldErrors: Object.fromEntries(conflicts.map((conflict) => [conflict.field, [`Belongs to customer ${conflict.customerId}`]])),
    });
    this.name = "ContactTakenError";
  }
}

/**
 * Locks the card's contacts (the same advisory locks as checkout, so a concurrent order or card
 * with the same phone waits) and refuses contacts already on another card that was not merged
 * away. Run inside the writing transaction.
 */
export async function assertContactsFree(tx: DbTransaction, input: Pick<CustomerInput, "phones" | "emails">, ownId: string | null): Promise<void> {
  const phones = input.phones.map((row) => row.normalized);
  const emails = input.emails.map((row) => row.normalized);
  const keys = [...new Set([...phones.flatMap((phone) => contactLockKeys({ phoneNormalized: phone })), ...emails.flatMap((email) => contactLockKeys({ emailNormalized: email }))])].sort();
  if (keys.length) await tx.$queryRaw(advisoryLockSql(keys));
  const notSelf: Prisma.CustomerWhereInput = { mergedIntoId: null, ...(ownId ? { id: { not: ownId } } : {}) };
  // One after another: a transaction's statements share its one connection.
  const phoneRows = phones.length
    ? await tx.customerPhone.findMany({ where: { normalized: { in: phones }, customer: notSelf }, select: { normalized: true, customer: { select: { id: true, name: true } } } })
    : [];
  const phoneCards = phones.length ? await tx.customer.findMany({ where: { phoneNormalized: { in: phones }, ...notSelf }, select: { id: true, name: true, phoneNormalized: true } }) : [];
  const emailRows = emails.length
    ? await tx.customerEmail.findMany({ where: { normalized: { in: emails }, customer: notSelf }, select: { normalized: true, customer: { select: { id: true, name: true } } } })
    : [];
  const emailCards = emails.length ? await tx.customer.findMany({ where: { emailNormalized: { in: emails }, ...notSelf }, select: { id: true, name: true, emailNormalized: true } }) : [];
  const owners = new Map<string, { id: string; name: string | null }>();
  for (const row of phoneRows) owners.set(`phone:${row.normalized}`, row.customer);
  for (const row of phoneCards) if (row.phoneNormalized) owners.set(`phone:${row.phoneNormalized}`, row);
  for (const row of emailRows) owners.set(`email:${row.normalized}`, row.customer);
  for (const row of emailCards) if (row.emailNormalized) owners.set(`email:${row.emailNormalized}`, row);
  const conflicts: ContactConflict[] = [];
  input.phones.forEach((row, index) => {
    const owner = owners.get(`phone:${row.normalized}`);
    if (owner) conflicts.push({ kind: "phone", value: row.phone, field: `phones.${index}.phone`, customerId: owner.id, customerName: owner.name });
  });
  input.emails.forEach((row, index) => {
    const owner = owners.get(`email:${row.normalized}`);
    if (owner) conflicts.push({ kind: "email", value: row.email, field: `emails.${index}.email`, customerId: owner.id, customerName: owner.name });
  });
  if (conflicts.length) throw new ContactTakenError(conflicts);
}

/** The segment and the responsible employee must exist (an employee: active staff who may work with customers). */
export async function assertReferencesExist(tx: DbTransaction | typeof db, input: Pick<CustomerInput, "segmentId" | "responsibleId">): Promise<void> {
  const fieldErrors: Record<string, string[]> = {};
  // One after another: `tx` may be a transaction, whose statements share its one connection.
  const segment = input.segmentId ? await tx.segment.findUnique({ where: { id: input.segmentId }, select: { id: true } }) : null;
  const responsible = input.responsibleId
    ? await tx.user.findFirst({ where: { id: input.responsibleId, isActive: true, role: { in: ["OWNER", "MANAGER", "OPERATOR"] } }, select: { id: true } })
    : null;
  if (input.segmentId && !segment) fieldErrors.segmentId = ["No such segment"];
  if (input.responsibleId && !responsible) fieldErrors.responsibleId = ["No such employee"];
  if (Object.keys(fieldErrors).length) throw new AppError("VALIDATION", "Some fields are invalid", { fieldErrors });
}

/** What the audit log keeps of a card, before and after a change. */
export const auditSnapshotSelect = {
  type: true,
  name: true,
  legalName: true,
  taxId: true,
  legalAddress: true,
  website: true,
  region: true,
  country: true,
  locale: true,
  source: true,
  notes: true,
  tags: true,
  segmentId: true,
  responsibleId: true,
  phone: true,
  email: true,
  phones: { select: { phone: true, normalized: true, label: true, isPrimary: true }, orderBy: { normalized: "asc" } },
  emails: { select: { email: true, normalized: true, label: true, isPrimary: true }, orderBy: { normalized: "asc" } },
  addresses: { select: { id: true, label: true, country: true, postcode: true, province: true, city: true, street: true, house: true, flat: true, isDefault: true }, orderBy: { id: "asc" } },
  contactPersons: { select: { id: true, name: true, position: true, role: true, phone: true, email: true, notes: true }, orderBy: { id: "asc" } },
} as const satisfies Prisma.CustomerSelect;
