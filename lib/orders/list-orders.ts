// Read side of the admin order list: filters shared by the list, the status-tab counts and the
// CSV export (one `where` builder, so the three never disagree), keyset pagination newest first.
// Sized for a million orders (issue 13): every page is an index range read from its start (the
// keyset bound is an index bound), unfiltered tab counts come from trigger-kept counters, filtered
// ones are counted up to ORDER_COUNT_LIMIT per status, and searches use equality or trigram indexes.
import { z } from "zod";
import { escapeLike } from "@/lib/crm/customers/customer-query";
import { normalizeEmail, normalizePhone } from "@/lib/customers/normalize-contact";
import { db, Prisma } from "@/lib/db";
import { getPgPool } from "@/lib/db/pool";
import { OrderStatus, PaymentMethod, Region } from "@/lib/db/generated/enums";
import { parseTrackingNumber } from "@/lib/logistics/tracking-numbers/parse-tracking-number";
import { addDays, SHOP_TIME_ZONE, ZCalendarDay, zonedDayStart } from "@/lib/reports/resolve-period";
import { getOrderStatusCounts } from "./get-order-status-counts";
import { ORDER_STATUSES } from "./transitions";

export const ORDERS_PAGE_SIZE = 50;
export const PAYMENT_METHODS = Object.values(PaymentMethod);

/** The partner filter's value for "orders without a partner". */
export const NO_PARTNER = "none";

// URL query strings arrive as "" for an untouched form field: that means "no filter".
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const ZId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Invalid id");

/** The filters of the list, the tab counts and the export (everything but tab and paging). */
export const ZOrderFilters = z.object({
  /** One status or several (`?status=SHIPPED&status=DELIVERED` or comma-separated). */
  status: z.preprocess(
    (value) => {
      const list = (Array.isArray(value) ? value : [value]).flatMap((item) => (typeof item === "string" ? item.split(",") : [item]));
      const cleaned = list.map(blankToUndefined).filter((item) => item !== undefined);
      return cleaned.length ? cleaned : undefined;
    },
    z.array(z.enum(OrderStatus)).max(ORDER_STATUSES.length).optional(),
  ),
  paymentMethod: optional(z.enum(PaymentMethod)),
  /** The order's pricing region (Russia, CIS, rest of the world). */
  region: optional(z.enum(Region)),
  productId: optional(ZId),
  /** A partner id, or NO_PARTNER for orders that came without one. */
  partnerId: optional(ZId),
  /** First and last calendar day (inclusive) of the order date, in the shop's time zone. */
  from: optional(ZCalendarDay),
  to: optional(ZCalendarDay),
  /** Order number, phone (any formatting), email or customer name. */
  q: optional(z.string().trim().max(200)),
});
export type TOrderFilters = z.input<typeof ZOrderFilters>;
export type OrderFilters = z.output<typeof ZOrderFilters>;

export const ZListOrdersInput = ZOrderFilters.extend({
  /** The status tab; "all" (or nothing) shows every status the filters allow. */
  tab: optional(z.union([z.literal("all"), z.enum(OrderStatus)])),
  /** `nextCursor` of the previous page. */
  cursor: optional(
    z
      .string()
      .max(200)
      .refine((value) => tryDecodeOrderCursor(value) !== null, "Invalid page cursor"),
  ),
  limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(ORDERS_PAGE_SIZE)),
});
export type TListOrdersInput = z.input<typeof ZListOrdersInput>;

export const orderListItemSelect = {
  id: true,
  number: true,
  createdAt: true,
  status: true,
  paymentMethod: true,
  paymentStatus: true,
  customerName: true,
  phone: true,
  email: true,
  city: true,
  currency: true,
  total: true,
  trackingNumber: true,
  product: { select: { id: true, name: true } },
  items: { select: { productName: true, quantity: true, kind: true }, orderBy: { createdAt: "asc" } },
  partner: { select: { id: true, login: true, name: true } },
} as const satisfies Prisma.OrderSelect;

export type OrderListItem = Prisma.OrderGetPayload<{ select: typeof orderListItemSelect }>;

export interface OrderPage {
  items: OrderListItem[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** Newest first; pages by (createdAt, id), so orders arriving meanwhile never shift a page. */
export async function listOrders(input: TListOrdersInput = {}): Promise<OrderPage> {
  const { tab, cursor, limit, ...filters } = ZListOrdersInput.parse(input);
  const after = cursor === undefined ? undefined : decodeOrderCursor(cursor);
  const where: Prisma.OrderWhereInput = { AND: [orderFilterWhere(filters), tab && tab !== "all" ? { status: tab } : {}, after ? olderThan(after) : {}] };
  const rows = await db.order.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: orderListItemSelect,
  });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeOrderCursor(last) : null };
}

/**
 * The keyset condition "after (createdAt, id) in newest-first order". The row comparison is
 * spelled out with a redundant `createdAt <= X`, which PostgreSQL uses as the bound of any index
 * ending in createdAt — (createdAt), (status, createdAt), (productId, createdAt), … — so a deep
 * page starts reading where it begins instead of filtering every newer row (what the OR alone did).
 */
export function olderThan(after: { createdAt: Date; id: string }): Prisma.OrderWhereInput {
  return { createdAt: { lte: after.createdAt }, OR: [{ createdAt: { lt: after.createdAt } }, { id: { lt: after.id } }] };
}

/** Filtered views count each status up to this many orders and show more as "1,000+". */
export const ORDER_COUNT_LIMIT = 1000;

export type OrderStatusCounts = Record<OrderStatus, number> & {
  all: number;
  /** null: every count is exact. Otherwise a count above `limit` means "more than `limit`". */
  limit: number | null;
};

/**
 * Orders per status under the filters (the tab itself is not a filter here): the tab badges.
 * Without filters (or with a status filter only) the counts are exact, from the counters the
 * database keeps. With filters, one statement (orderFilterSql, the same rules as the list's
 * `where`): the first ORDER_COUNT_LIMIT + 1 matching orders are read; when that is all of them,
 * they are counted per status, exactly; otherwise each status is counted up to the limit (an index
 * range of at most limit + 1 entries each), so a filter that matches half a million orders costs
 * what one matching a thousand does. One statement on node-postgres rather than a Prisma count per
 * status: Prisma's count with `take` sorts every matching row by id before the LIMIT, and ten of
 * them in parallel took ~1 s for the best-selling product of a million orders (issue 13).
 */
export async function countOrdersByStatus(input: TOrderFilters = {}): Promise<OrderStatusCounts> {
  const { status: statusFilter, ...filters } = ZOrderFilters.parse(input);
  const statuses: readonly OrderStatus[] = statusFilter?.length ? ORDER_STATUSES.filter((status) => statusFilter.includes(status)) : ORDER_STATUSES;
  const counts = Object.fromEntries(ORDER_STATUSES.map((status) => [status, 0])) as OrderStatusCounts;
  counts.limit = null;
  if (Object.values(filters).every((value) => value === undefined)) {
    const totals = await getOrderStatusCounts();
    for (const status of statuses) counts[status] = totals[status];
    counts.all = statuses.reduce((sum, status) => sum + totals[status], 0);
    return counts;
  }
  const where = orderFilterSql({ ...filters, status: statusFilter });
  const limit = Prisma.raw(String(ORDER_COUNT_LIMIT));
  const bound = Prisma.raw(String(ORDER_COUNT_LIMIT + 1));
  // `first` is read once (a CTE referenced twice is materialised); the ELSE branch runs only past the limit.
  const sql = Prisma.sql`
    WITH first AS (SELECT o."status" FROM "Order" o WHERE ${where} LIMIT ${bound})
    SELECT s."status"::text AS "status",
           (CASE WHEN (SELECT count(*) FROM first) <= ${limit}
                 THEN (SELECT count(*) FROM first f WHERE f."status" = s."status")
                 ELSE (SELECT count(*) FROM (SELECT 1 FROM "Order" o WHERE ${where} AND o."status" = s."status" LIMIT ${bound}) bounded)
            END)::int AS "count"
    FROM unnest(${statuses}::"OrderStatus"[]) AS s("status")`;
  const { rows } = await getPgPool().query<{ status: OrderStatus; count: number }>({ text: sql.text, values: sql.values as unknown[] });
  for (const row of rows) counts[row.status] = row.count;
  // Under the limit every count is exact; past it, each is exact up to the limit and the sum is more than it.
  const matching = rows.reduce((sum, row) => sum + row.count, 0);
  counts.all = Math.min(matching, ORDER_COUNT_LIMIT + 1);
  counts.limit = matching > ORDER_COUNT_LIMIT ? ORDER_COUNT_LIMIT : null;
  return counts;
}

/** The Prisma `where` of parsed filters: the list's and the CSV export's. */
export function orderFilterWhere(filters: OrderFilters): Prisma.OrderWhereInput {
  const conditions: Prisma.OrderWhereInput[] = [];
  if (filters.status?.length) conditions.push({ status: { in: filters.status } });
  if (filters.paymentMethod) conditions.push({ paymentMethod: filters.paymentMethod });
  if (filters.region) conditions.push({ region: filters.region });
  if (filters.productId) conditions.push({ productId: filters.productId });
  if (filters.partnerId) conditions.push({ partnerId: filters.partnerId === NO_PARTNER ? null : filters.partnerId });
  const { from, to } = createdAtBounds(filters);
  if (from) conditions.push({ createdAt: { gte: from } });
  if (to) conditions.push({ createdAt: { lt: to } });
  if (filters.q) {
    const matches = searchMatches(filters.q);
    // "12" is neither a number in range nor enough of a phone: match nothing rather than everything.
    conditions.push(matches.length ? { OR: matches.map(matchWhere) } : { id: { in: [] } });
  }
  return conditions.length ? { AND: conditions } : {};
}

/**
 * The same filters as orderFilterWhere, as an SQL condition over "Order" o (the tab counts):
 * condition for condition, from the same parsed values, bounds and search matches; the
 * integration tests compare the two over many combinations.
 */
export function orderFilterSql(filters: OrderFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.status?.length) conditions.push(Prisma.sql`o."status" = ANY(${filters.status}::"OrderStatus"[])`);
  if (filters.paymentMethod) conditions.push(Prisma.sql`o."paymentMethod" = ${filters.paymentMethod}::"PaymentMethod"`);
  if (filters.region) conditions.push(Prisma.sql`o."region" = ${filters.region}::"Region"`);
  if (filters.productId) conditions.push(Prisma.sql`o."productId" = ${filters.productId}`);
  if (filters.partnerId) conditions.push(filters.partnerId === NO_PARTNER ? Prisma.sql`o."partnerId" IS NULL` : Prisma.sql`o."partnerId" = ${filters.partnerId}`);
  // createdAt is the UTC wall clock (timestamp without time zone), as Prisma writes and compares it.
  const { from, to } = createdAtBounds(filters);
  if (from) conditions.push(Prisma.sql`o."createdAt" >= (${from.toISOString()}::timestamptz AT TIME ZONE 'UTC')`);
  if (to) conditions.push(Prisma.sql`o."createdAt" < (${to.toISOString()}::timestamptz AT TIME ZONE 'UTC')`);
  if (filters.q) {
    const matches = searchMatches(filters.q);
    conditions.push(matches.length ? Prisma.sql`(${Prisma.join(matches.map(matchSql), " OR ")})` : Prisma.sql`FALSE`);
  }
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

/** The first instant of `from` and the first after `to`: calendar days in the shop's time zone. */
function createdAtBounds(filters: OrderFilters): { from?: Date; to?: Date } {
  return {
    from: filters.from ? zonedDayStart(filters.from, SHOP_TIME_ZONE) : undefined,
    to: filters.to ? zonedDayStart(addDays(filters.to, 1), SHOP_TIME_ZONE) : undefined,
  };
}

/** One way a typed search can match an order; a search matches what any of its matches does. */
type SearchMatch =
  | { column: "trackingNumber" | "emailNormalized" | "phoneNormalized"; equals: string }
  | { column: "number"; equals: number }
  /** Part of the text, case-insensitive; a LIKE pattern with \\, % and _ escaped by a backslash. */
  | { column: "customerName" | "email"; containsAnyCase: string }
  /** Part of the digits (phoneNormalized holds digits and "+" only). */
  | { column: "phoneNormalized"; contains: string };

/**
 * What a typed search may be, each form answered by an index. Digits and phone punctuation only:
 * an order number ("1024", "#1024"; the unique index), a whole phone in any formatting (E.164 by
 * the shop's rules, a Russian trunk "8…" included: equality on the (phoneNormalized, createdAt)
 * index), or part of a phone, at least 4 digits (LIKE '%…%' through the trigram index). A whole
 * email address: equality on emailNormalized. Anything else: part of a name or an email,
 * case-insensitive — no index serves that; the other filters and the newest-first order bound
 * what is read. No matches: the search matches nothing.
 */
function searchMatches(term: string): SearchMatch[] {
  // A whole Russian Post tracking number (its check digit right): the trackingNumber index.
  const tracking = parseTrackingNumber(term);
  if (tracking.ok) return [{ column: "trackingNumber", equals: tracking.value }];
  if (!/^[\d\s()+#.-]+$/.test(term)) {
    const email = term.includes("@") ? normalizeEmail(term) : null;
    if (email) return [{ column: "emailNormalized", equals: email }];
    // Typed text is matched literally: Prisma's `contains` is LIKE and leaves % and _ as wildcards.
    return [
      { column: "customerName", containsAnyCase: escapeLike(term) },
      { column: "email", containsAnyCase: escapeLike(term) },
    ];
  }
  const matches: SearchMatch[] = [];
  const number = /^#?\s*(\d{1,9})$/.exec(term)?.[1];
  if (number) matches.push({ column: "number", equals: Number(number) });
  // "#1024" says it is an order number: no phone that happens to hold those digits.
  if (number && term.startsWith("#")) return matches;
  const digits = term.replace(/\D/g, "");
  const phone = digits.length >= 10 ? normalizePhone(term, "RU") : null;
  if (phone) matches.push({ column: "phoneNormalized", equals: phone });
  else if (digits.length >= 4) matches.push({ column: "phoneNormalized", contains: digits });
  return matches;
}

function matchWhere(match: SearchMatch): Prisma.OrderWhereInput {
  if ("equals" in match) return { [match.column]: match.equals };
  if ("containsAnyCase" in match) return { [match.column]: { contains: match.containsAnyCase, mode: "insensitive" } };
  return { [match.column]: { contains: match.contains } };
}

/** matchWhere in SQL, as Prisma writes it: `contains` is LIKE '%' || term || '%' (backslash, LIKE's default escape, as the term is escaped). */
function matchSql(match: SearchMatch): Prisma.Sql {
  const column = Prisma.raw(`o."${match.column}"`);
  if ("equals" in match) return Prisma.sql`${column} = ${match.equals}`;
  if ("containsAnyCase" in match) return Prisma.sql`${column} ILIKE ('%' || ${match.containsAnyCase} || '%')`;
  return Prisma.sql`${column} LIKE ('%' || ${match.contains} || '%')`;
}

// The cursor is opaque to callers: base64url of "<createdAt ISO>|<id>".
export function encodeOrderCursor(item: { createdAt: Date; id: string }): string {
  return Buffer.from(`${item.createdAt.toISOString()}|${item.id}`).toString("base64url");
}

function tryDecodeOrderCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [iso, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  return id && !rest.length && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : null;
}

export function decodeOrderCursor(cursor: string): { createdAt: Date; id: string } {
  const decoded = tryDecodeOrderCursor(cursor);
  // Shaped like a validation failure of the `cursor` field, so it maps to a 422.
  if (!decoded) throw new z.ZodError([{ code: "custom", path: ["cursor"], message: "Invalid page cursor", input: cursor }]);
  return decoded;
}

/**
 * A URL's query (Next's searchParams or URLSearchParams) as list input: repeated keys stay
 * arrays only for `status`, every other key takes its first value. Validation is listOrders' job.
 */
export function orderQueryFromSearchParams(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const entries: [string, string | string[]][] =
    params instanceof URLSearchParams
      ? [...new Set(params.keys())].map((key) => [key, params.getAll(key)])
      : Object.entries(params).flatMap(([key, value]) => (value === undefined ? [] : [[key, value]]));
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of entries) {
    const values = Array.isArray(value) ? value : [value];
    if (key === "status") query.status = values;
    else if (values[0] !== undefined) query[key] = values[0];
  }
  return query;
}

// The product and partner choices of the filters live in their own module (a small cache that the
// product and partner writes clear without loading the list).
export { clearOrderFilterOptionsCache, listOrderFilterOptions, type OrderFilterOptions } from "./order-filter-options";
