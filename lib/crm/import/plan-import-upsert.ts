// What an imported row adds to its card — never overwriting what the card has: empty fields are
// filled, phones, emails and tags added, the primary phone/email set only when the card has none.
// A row without a card becomes a new one. Pure, shared by the dry run and the job.
import type { CustomerType } from "@/lib/db/generated/enums";
import type { ImportCard } from "./match-import-customers";
import type { ImportedCustomer } from "./parse-import-row";

export interface ImportUpsertPlan {
  /** Scalar fields to set (only ones the card lacks). */
  fill: Partial<Pick<ImportCard, "type" | "name" | "legalName" | "taxId" | "phone" | "phoneNormalized" | "email" | "emailNormalized" | "country" | "source" | "notes">>;
  addTags: string[];
  /** Every phone/email of the row: the writes skip ones the card already has. */
  phones: { phone: string; normalized: string; isPrimary: boolean }[];
  emails: { email: string; normalized: string; isPrimary: boolean }[];
  address: ImportedCustomer["address"];
}

/** The type of a new card: as given, else a company when a legal name or tax id is given. */
export function newCardType(customer: ImportedCustomer): CustomerType {
  return customer.type ?? (customer.legalName || customer.taxId ? "COMPANY" : "PERSON");
}

export function planImportUpsert(card: ImportCard | null, customer: ImportedCustomer): ImportUpsertPlan {
  const primaryPhone = customer.phones[0];
  const primaryEmail = customer.emails[0];
  const fill: ImportUpsertPlan["fill"] = {};
  const fillIfEmpty = <K extends "name" | "legalName" | "taxId" | "country" | "source" | "notes">(field: K) => {
    if (customer[field] && !card?.[field]) fill[field] = customer[field];
  };
  for (const field of ["name", "legalName", "taxId", "country", "source", "notes"] as const) fillIfEmpty(field);
  if (!card) fill.type = newCardType(customer);
  const setPhone = primaryPhone && !card?.phoneNormalized;
  const setEmail = primaryEmail && !card?.emailNormalized;
  if (setPhone) Object.assign(fill, { phone: primaryPhone.phone, phoneNormalized: primaryPhone.normalized });
  if (setEmail) Object.assign(fill, { email: primaryEmail.email, emailNormalized: primaryEmail.normalized });
  const cardTags = new Set(card?.tags ?? []);
  return {
    fill,
    addTags: customer.tags.filter((tag) => !cardTags.has(tag)),
    phones: customer.phones.map((phone, index) => ({ ...phone, isPrimary: Boolean(setPhone && index === 0) })),
    emails: customer.emails.map((email, index) => ({ ...email, isPrimary: Boolean(setEmail && index === 0) })),
    address: customer.address,
  };
}

/** The card after the plan (what later rows of the same file see). */
export function applyPlanToCard(card: ImportCard, plan: ImportUpsertPlan): void {
  Object.assign(card, plan.fill);
  card.tags = [...card.tags, ...plan.addTags];
}
