// What the surviving card of a merge will hold, field by field (issue 8): the only non-empty
// value among the cards wins; where cards disagree, the chosen main card's value (or, when the
// main card has none, the first card's that has one); the user may pick any card's non-empty
// value per field instead. Tags are the union. Pure: the preview and the merge use the same plan.
import type { CustomerType, Region } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";

export const MERGE_FIELDS = [
  "type",
  "name",
  "legalName",
  "taxId",
  "legalAddress",
  "website",
  "phone",
  "email",
  "country",
  "region",
  "locale",
  "segmentId",
  "responsibleId",
  "source",
  "notes",
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export const MIN_MERGE_CARDS = 2;
export const MAX_MERGE_CARDS = 10;

export interface MergeCard {
  id: string;
  type: CustomerType;
  name: string | null;
  legalName: string | null;
  taxId: string | null;
  legalAddress: string | null;
  website: string | null;
  phone: string | null;
  phoneNormalized: string | null;
  email: string | null;
  emailNormalized: string | null;
  country: string | null;
  region: Region | null;
  locale: string;
  segmentId: string | null;
  responsibleId: string | null;
  source: string | null;
  notes: string | null;
  tags: string[];
}

export type MergeRule = "same" | "only" | "main" | "firstFilled" | "picked" | "empty";

export interface MergePlanField {
  /** The card whose value the survivor takes (null when every card is empty). */
  from: string | null;
  rule: MergeRule;
  /** Cards with a non-empty value, for the per-field choice (one entry per distinct value). */
  options: { customerId: string; value: string }[];
}

export interface MergePlan {
  mainId: string;
  mergedIds: string[];
  fields: Record<MergeField, MergePlanField>;
  /** The survivor's values after the merge. */
  values: Omit<MergeCard, "id">;
}

export const MERGE_PROBLEMS = ["tooFew", "tooMany", "sameCardTwice", "notFound", "alreadyMerged", "mainNotInList", "pickNotInList", "pickEmpty"] as const;
export type MergeProblem = (typeof MERGE_PROBLEMS)[number];

export class MergeError extends AppError {
  constructor(readonly problem: MergeProblem) {
    super(problem === "notFound" ? "NOT_FOUND" : "VALIDATION", `These cards cannot be merged: ${problem}`, { fieldErrors: { _: [`crmMerge.errors.${problem}`] } });
    this.name = "MergeError";
  }
}

/** A field's value as compared and shown (phones and emails by their normalised form). */
function valueOf(card: MergeCard, field: MergeField): string | null {
  const raw = field === "phone" ? card.phoneNormalized : field === "email" ? card.emailNormalized : card[field];
  const value = raw == null ? "" : String(raw).trim();
  return value === "" ? null : value;
}

/** Checks the list of ids a merge is asked for: 2–10 distinct cards. */
export function assertMergeList(ids: readonly string[]): void {
  if (new Set(ids).size !== ids.length) throw new MergeError("sameCardTwice");
  if (ids.length < MIN_MERGE_CARDS) throw new MergeError("tooFew");
  if (ids.length > MAX_MERGE_CARDS) throw new MergeError("tooMany");
}

export function planMerge(cards: readonly MergeCard[], mainId: string, picks: Partial<Record<MergeField, string>> = {}): MergePlan {
  assertMergeList(cards.map((card) => card.id));
  const main = cards.find((card) => card.id === mainId);
  if (!main) throw new MergeError("mainNotInList");
  // The main card first: ties go to it, then to the cards in the order given.
  const ordered = [main, ...cards.filter((card) => card !== main)];

  const fields = {} as Record<MergeField, MergePlanField>;
  for (const field of MERGE_FIELDS) {
    const options: MergePlanField["options"] = [];
    for (const card of ordered) {
      const value = valueOf(card, field);
      if (value !== null && !options.some((option) => option.value === value)) options.push({ customerId: card.id, value });
    }
    const pick = picks[field];
    let from: string | null;
    let rule: MergeRule;
    if (pick !== undefined) {
      const picked = cards.find((card) => card.id === pick);
      if (!picked) throw new MergeError("pickNotInList");
      if (valueOf(picked, field) === null) throw new MergeError("pickEmpty");
      [from, rule] = [picked.id, "picked"];
    } else if (options.length === 0) [from, rule] = [null, "empty"];
    else if (options.length === 1) {
      const filled = ordered.filter((card) => valueOf(card, field) !== null);
      [from, rule] = filled.length === cards.length ? [main.id, "same"] : [options[0]!.customerId, "only"];
    } else if (valueOf(main, field) !== null) [from, rule] = [main.id, "main"];
    else [from, rule] = [options[0]!.customerId, "firstFilled"];
    fields[field] = { from, rule, options };
  }

  const source = (field: MergeField) => cards.find((card) => card.id === fields[field].from) ?? main;
  // Every card empty: the survivor gets null (not the main card's blank text).
  const take = <K extends Exclude<keyof MergeCard, "id" | "tags" | "type" | "locale">>(field: MergeField, key: K): MergeCard[K] | null =>
    fields[field].from === null ? null : source(field)[key];
  const values: MergePlan["values"] = {
    type: source("type").type,
    name: take("name", "name"),
    legalName: take("legalName", "legalName"),
    taxId: take("taxId", "taxId"),
    legalAddress: take("legalAddress", "legalAddress"),
    website: take("website", "website"),
    phone: take("phone", "phone"),
    phoneNormalized: take("phone", "phoneNormalized"),
    email: take("email", "email"),
    emailNormalized: take("email", "emailNormalized"),
    country: take("country", "country"),
    region: take("region", "region"),
    locale: source("locale").locale,
    segmentId: take("segmentId", "segmentId"),
    responsibleId: take("responsibleId", "responsibleId"),
    source: take("source", "source"),
    notes: take("notes", "notes"),
    tags: [...new Set(ordered.flatMap((card) => card.tags))],
  };
  return { mainId: main.id, mergedIds: cards.filter((card) => card !== main).map((card) => card.id), fields, values };
}
