// The customer list's URL query: search, filters and sort, parsed by one schema that the list
// page, the CSV export and saved views all use (a saved view stores the canonical query and is
// re-validated whenever it is opened). Money bounds are typed in rubles and become RUB minor
// units here (lib/money/parse-money-input), never through a float.
import { z } from "zod";
import { CustomerType, Region } from "@/lib/db/generated/enums";
import { parseMoneyInput } from "@/lib/money/parse-money-input";
import { ZCalendarDay } from "@/lib/reports/resolve-period";

export const CUSTOMERS_PAGE_SIZE = 50;

export const CUSTOMER_SORTS = ["name", "created", "lastOrder", "revenue", "orders"] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** The default order of each sort when the URL names none: names A→Z, everything else biggest/newest first. */
export const DEFAULT_DIRECTION: Record<CustomerSort, SortDirection> = { name: "asc", created: "desc", lastOrder: "desc", revenue: "desc", orders: "desc" };

export const ABC_CLASSES = ["A", "B", "C"] as const;

// An untouched form field arrives as "": that means "no filter".
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const ZId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Invalid id");

/** Rubles as typed ("1 500,50") → RUB minor units. */
const ZRubles = z
  .string()
  .trim()
  .max(30)
  .transform((text, context) => {
    const minor = parseMoneyInput(text, 2);
    if (minor === null) {
      context.addIssue({ code: "custom", message: "Invalid amount" });
      return z.NEVER;
    }
    return BigInt(minor);
  });

/** The filters and the sort: everything a saved view keeps (no page cursor). */
export const ZCustomerListQuery = z
  .object({
    /** Name, legal name, tax id, phone (any formatting), email, or a company's contact person. */
    q: optional(z.string().trim().max(200)),
    type: optional(z.enum(CustomerType)),
    /** A manual segment's id. */
    segmentId: optional(ZId),
    rfmSegment: optional(z.string().trim().max(64)),
    /** "A" are the gold customers. */
    abcClass: optional(z.enum(ABC_CLASSES)),
    tag: optional(z.string().trim().max(64)),
    source: optional(z.string().trim().max(100)),
    region: optional(z.enum(Region)),
    responsibleId: optional(ZId),
    /** "yes": has a deal in an OPEN stage; "no": has none. */
    openDeal: optional(z.enum(["yes", "no"])),
    /** First and last calendar day (inclusive, shop time zone) of the last order. */
    lastOrderFrom: optional(ZCalendarDay),
    lastOrderTo: optional(ZCalendarDay),
    /** Bought-out total bounds in rubles (inclusive). */
    revenueMin: optional(ZRubles),
    revenueMax: optional(ZRubles),
    sort: optional(z.enum(CUSTOMER_SORTS)),
    dir: optional(z.enum(SORT_DIRECTIONS)),
  })
  .refine((query) => !query.lastOrderFrom || !query.lastOrderTo || query.lastOrderFrom <= query.lastOrderTo, { path: ["lastOrderTo"], message: "The end is before the start" })
  .refine((query) => query.revenueMin === undefined || query.revenueMax === undefined || query.revenueMin <= query.revenueMax, {
    path: ["revenueMax"],
    message: "The maximum is below the minimum",
  });
export type TCustomerListQuery = z.input<typeof ZCustomerListQuery>;
export type CustomerListQuery = z.output<typeof ZCustomerListQuery>;

/** The keys of the query a saved view stores (and the export and the paging links carry over). */
export const CUSTOMER_QUERY_KEYS = [
  "q",
  "type",
  "segmentId",
  "rfmSegment",
  "abcClass",
  "tag",
  "source",
  "region",
  "responsibleId",
  "openDeal",
  "lastOrderFrom",
  "lastOrderTo",
  "revenueMin",
  "revenueMax",
  "sort",
  "dir",
] as const;
export type CustomerQueryKey = (typeof CUSTOMER_QUERY_KEYS)[number];

export const ZCustomerCursor = z
  .string()
  .max(400)
  .refine((value) => decodeCustomerCursor(value) !== null, "Invalid page cursor");

export const ZListCustomersInput = ZCustomerListQuery.and(
  z.object({
    /** Rows after this position (the "next" link). */
    after: optional(ZCustomerCursor),
    /** Rows before this position (the "previous" link). */
    before: optional(ZCustomerCursor),
    limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(CUSTOMERS_PAGE_SIZE)),
  }),
);
export type TListCustomersInput = z.input<typeof ZListCustomersInput>;

/**
 * A position in the list: the sort column's value (null for a customer without one, listed after
 * all the others) and the id that breaks ties. Opaque to callers: base64url of JSON.
 */
export interface CustomerCursor {
  sort: CustomerSort;
  value: string | null;
  id: string;
}

export function encodeCustomerCursor(cursor: CustomerCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString("base64url");
}

export function decodeCustomerCursor(text: string): CustomerCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [sort, value, id] = parsed as unknown[];
    if (!(CUSTOMER_SORTS as readonly unknown[]).includes(sort) || typeof id !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
    if (value !== null && (typeof value !== "string" || value.length > 300 || !validSortValue(sort as CustomerSort, value))) return null;
    return { sort: sort as CustomerSort, value, id };
  } catch {
    return null;
  }
}

function validSortValue(sort: CustomerSort, value: string): boolean {
  switch (sort) {
    case "name":
      return true;
    case "created":
    case "lastOrder":
      return !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}T/.test(value);
    case "revenue":
    case "orders":
      return /^-?\d{1,19}$/.test(value);
  }
}

/**
 * A URL's query (Next's searchParams or URLSearchParams) as flat strings: every key takes its
 * first value; keys the list does not know are dropped. Validation is the schema's job.
 */
export function customerQueryFromSearchParams(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const known = new Set<string>([...CUSTOMER_QUERY_KEYS, "after", "before", "limit"]);
  const query: Record<string, string> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [key, raw] of entries) {
    if (!known.has(key) || key in query) continue;
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (typeof value === "string") query[key] = value;
  }
  return query;
}

/**
 * The canonical form of a query as a saved view stores it: only filter and sort keys, blanks
 * dropped, validated (throws a ZodError for a bad one, so nothing invalid is ever saved).
 */
export function canonicalCustomerQuery(raw: Record<string, unknown>): Record<CustomerQueryKey, string> {
  const picked: Record<string, string> = {};
  for (const key of CUSTOMER_QUERY_KEYS) {
    const value = raw[key];
    if (typeof value === "string" && value.trim() !== "") picked[key] = value.trim();
  }
  ZCustomerListQuery.parse(picked);
  return picked as Record<CustomerQueryKey, string>;
}

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 64;

/** "vip, опт,VIP ,, b2b" → ["vip", "опт", "b2b"]: trimmed, inner spaces collapsed, blanks dropped, deduplicated case-insensitively (first spelling kept). */
export function parseTags(input: string | readonly string[]): string[] {
  const parts = typeof input === "string" ? input.split(",") : input.flatMap((item) => item.split(","));
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of parts) {
    const tag = part.trim().replace(/\s+/g, " ");
    if (!tag) continue;
    const key = tag.toLocaleLowerCase("ru");
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

/** What a typed search looks for. */
export type CustomerSearch =
  { kind: "email"; text: string } | { kind: "phone"; digits: string; e164: string | null; alternatives: string[] } | { kind: "text"; text: string } | { kind: "none" };

/**
 * Classifies a search: an "@" makes it an email; digits and phone punctuation only (at least 4
 * digits) a phone — its digits, plus the Russian trunk "8…" read as "7…"; anything else a name
 * (of a person, a company, its legal name, tax id or contact person). Too short to use an index
 * (under 3 characters) matches nothing rather than everything.
 */
export function classifySearch(raw: string | undefined, normalizePhone: (raw: string) => string | null): CustomerSearch {
  const text = (raw ?? "").trim();
  if (!text) return { kind: "none" };
  if (text.includes("@")) return text.length >= 3 ? { kind: "email", text: text.toLowerCase() } : { kind: "none" };
  if (/^[\d\s()+.-]+$/.test(text)) {
    const digits = text.replace(/\D/g, "");
    if (digits.length < 4) return { kind: "text", text };
    const alternatives = digits.length === 11 && digits.startsWith("8") ? [`7${digits.slice(1)}`] : [];
    return { kind: "phone", digits, e164: normalizePhone(text), alternatives };
  }
  return { kind: "text", text };
}

/** `%`, `_` and `\` taken literally inside a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
