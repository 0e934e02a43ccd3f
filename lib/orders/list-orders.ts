// Read side of the admin order list: filters shared by the list, the status-tab counts and the
// CSV export (one `where` builder, so the three never disagree), keyset pagination newest first.
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import { OrderStatus, PaymentMethod } from "@/lib/db/generated/enums";
import { addDays, SHOP_TIME_ZONE, ZCalendarDay, zonedDayStart } from "@/lib/reports/resolve-period";
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
  const where: Prisma.OrderWhereInput = {
    AND: [
      orderFilterWhere(filters),
      tab && tab !== "all" ? { status: tab } : {},
      after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {},
    ],
  };
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

export type OrderStatusCounts = Record<OrderStatus, number> & { all: number };

/** Orders per status under the filters (the tab itself is not a filter here): the tab badges. */
export async function countOrdersByStatus(input: TOrderFilters = {}): Promise<OrderStatusCounts> {
  const filters = ZOrderFilters.parse(input);
  const groups = await db.order.groupBy({ by: ["status"], where: orderFilterWhere(filters), _count: { _all: true } });
  const counts = Object.fromEntries(ORDER_STATUSES.map((status) => [status, 0])) as OrderStatusCounts;
  counts.all = 0;
  for (const group of groups) {
    counts[group.status] = group._count._all;
    counts.all += group._count._all;
  }
  return counts;
}

/** The Prisma `where` of parsed filters; also used by the CSV export. */
export function orderFilterWhere(filters: OrderFilters): Prisma.OrderWhereInput {
  const conditions: Prisma.OrderWhereInput[] = [];
  if (filters.status?.length) conditions.push({ status: { in: filters.status } });
  if (filters.paymentMethod) conditions.push({ paymentMethod: filters.paymentMethod });
  if (filters.productId) conditions.push({ productId: filters.productId });
  if (filters.partnerId) conditions.push({ partnerId: filters.partnerId === NO_PARTNER ? null : filters.partnerId });
  if (filters.from) conditions.push({ createdAt: { gte: zonedDayStart(filters.from, SHOP_TIME_ZONE) } });
  if (filters.to) conditions.push({ createdAt: { lt: zonedDayStart(addDays(filters.to, 1), SHOP_TIME_ZONE) } });
  if (filters.q) conditions.push({ OR: searchConditions(filters.q) });
  return conditions.length ? { AND: conditions } : {};
}

/**
 * What a typed search may be. Digits and phone punctuation only: an order number ("1024",
 * "#1024") or a phone in any formatting, matched by its digits inside the normalised phone (a
 * Russian trunk "8…" also tries "7…"). Anything else: part of a name or an email,
 * case-insensitive. Name and email substrings cannot use an index; the other filters and the
 * (createdAt, id) order keep the scanned range small.
 */
function searchConditions(term: string): Prisma.OrderWhereInput[] {
  if (!/^[\d\s()+#.-]+$/.test(term)) {
    return [{ customerName: { contains: term, mode: "insensitive" } }, { email: { contains: term, mode: "insensitive" } }];
  }
  const conditions: Prisma.OrderWhereInput[] = [];
  const number = /^#?\s*(\d{1,9})$/.exec(term)?.[1];
  if (number) conditions.push({ number: Number(number) });
  const digits = term.replace(/\D/g, "");
  if (digits.length >= 4) {
    conditions.push({ phoneNormalized: { contains: digits } });
    if (digits.length === 11 && digits.startsWith("8")) conditions.push({ phoneNormalized: { contains: `7${digits.slice(1)}` } });
  }
  // "12" is neither a number in range nor enough of a phone: match nothing rather than everything.
  return conditions.length ? conditions : [{ id: { in: [] } }];
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

/** The choices of the product and partner filters, capped at 500 each (a select box, not a search). */
export async function listOrderFilterOptions() {
  const [products, partners] = await Promise.all([
    db.product.findMany({ select: { id: true, name: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], take: 500 }),
    db.partner.findMany({ select: { id: true, login: true, name: true }, orderBy: { login: "asc" }, take: 500 }),
  ]);
  return { products, partners };
}
