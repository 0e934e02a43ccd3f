// The customer card: who they are (person or company, contact persons, every phone, email and
// address), how the shop works with them (tags, source, segment, responsible, notes, RFM/ABC),
// their orders newest first, and the totals an operator judges them by: orders, bought-out
// revenue per currency (exact, from the orders), refusals by their phones, and their own approve
// and buyout rates — counted by the one definition of lib/reports (order-outcomes, compute-rates).
// A merged card answers with the card that survived it, so the page can redirect.
import { z } from "zod";
import type { TSectionActor } from "@/lib/auth/section-actor";
import { db, type Prisma } from "@/lib/db";
import type { CustomerType, OrderStatus, PaymentMethod, PaymentStatus, Region } from "@/lib/db/generated/enums";
import { AppError, notFound } from "@/lib/errors";
import { decodeOrderCursor, encodeOrderCursor } from "@/lib/orders/list-orders";
import { computeRates, type Rates } from "@/lib/reports/compute-rates";
import { buyoutColumns, orderOutcomeColumns, type OrderOutcomes } from "@/lib/reports/order-outcomes";
import { getRefusalHistory, type RefusalHistory } from "./get-refusal-history";
import { assertCanViewCustomers } from "./list-customers";

export const CARD_ORDERS_PAGE_SIZE = 20;
const MAX_MERGE_HOPS = 10;

export const ZGetCustomerInput = z.object({
  id: z.string().trim().min(1).max(64),
  /** `nextOrdersCursor` of the card: the older orders. */
  ordersCursor: z
    .string()
    .max(200)
    .optional()
    .transform((value) => (value ? decodeOrderCursor(value) : undefined)),
  ordersLimit: z.number().int().min(1).max(200).default(CARD_ORDERS_PAGE_SIZE),
});

export interface CustomerCardOrder {
  id: string;
  number: number;
  /** ISO instant. */
  createdAt: string;
  product: string;
  currency: string;
  total: number;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  paymentMethod: PaymentMethod;
}

export interface CustomerCard {
  id: string;
  type: CustomerType;
  name: string | null;
  legalName: string | null;
  taxId: string | null;
  legalAddress: string | null;
  website: string | null;
  phone: string | null;
  email: string | null;
  locale: string;
  region: Region | null;
  country: string | null;
  tags: string[];
  source: string | null;
  notes: string | null;
  segment: { id: string; name: string } | null;
  responsible: { id: string; name: string } | null;
  ordersCount: number;
  paidOrdersCount: number;
  firstOrderAt: string | null;
  lastOrderAt: string | null;
  lastPaidAt: string | null;
  /** Bought-out revenue in RUB minor units, as a decimal string (BigInt does not cross to the client). */
  paidRevenueMinor: string;
  createdAt: string;
  updatedAt: string;
  contactPersons: { id: string; name: string; position: string | null; role: string | null; phone: string | null; email: string | null; notes: string | null }[];
  phones: { id: string; phone: string; normalized: string; label: string | null; isPrimary: boolean }[];
  emails: { id: string; email: string; normalized: string; label: string | null; isPrimary: boolean }[];
  addresses: {
    id: string;
    label: string | null;
    country: string;
    postcode: string | null;
    province: string | null;
    city: string | null;
    street: string | null;
    house: string | null;
    flat: string | null;
    isDefault: boolean;
  }[];
}

export interface CustomerTotals {
  outcomes: OrderOutcomes;
  /** Orders shipped, and of them PAID (the buyout's counts). */
  shipped: number;
  shippedAndPaid: number;
  /** Sums of PAID orders per currency, minor units as decimal strings (exact). */
  paidByCurrency: { currency: string; amountMinor: string; orders: number }[];
  rates: Rates;
}

export type CustomerCardResult =
  | { kind: "merged"; survivorId: string }
  | { kind: "customer"; customer: CustomerCard; orders: CustomerCardOrder[]; nextOrdersCursor: string | null; totals: CustomerTotals; refusals: RefusalHistory };

const cardSelect = {
  id: true,
  type: true,
  name: true,
  legalName: true,
  taxId: true,
  legalAddress: true,
  website: true,
  phone: true,
  phoneNormalized: true,
  email: true,
  locale: true,
  region: true,
  country: true,
  tags: true,
  source: true,
  notes: true,
  mergedIntoId: true,
  ordersCount: true,
  paidOrdersCount: true,
  firstOrderAt: true,
  lastOrderAt: true,
  lastPaidAt: true,
  paidRevenue: true,
  createdAt: true,
  updatedAt: true,
  segment: { select: { id: true, name: true } },
  responsible: { select: { id: true, name: true } },
  contactPersons: { select: { id: true, name: true, position: true, role: true, phone: true, email: true, notes: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  phones: { select: { id: true, phone: true, normalized: true, label: true, isPrimary: true }, orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }, { id: "asc" }] },
  emails: { select: { id: true, email: true, normalized: true, label: true, isPrimary: true }, orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }, { id: "asc" }] },
  addresses: {
    select: { id: true, label: true, country: true, postcode: true, province: true, city: true, street: true, house: true, flat: true, isDefault: true },
    orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }, { id: "asc" }],
  },
} as const satisfies Prisma.CustomerSelect;

/** The card that survived a chain of merges starting at `id` (itself when never merged); null when there is none. */
export async function resolveSurvivorId(id: string): Promise<string | null> {
  let current = await db.customer.findUnique({ where: { id }, select: { id: true, mergedIntoId: true } });
  for (let hop = 0; current?.mergedIntoId && hop < MAX_MERGE_HOPS; hop++) {
    current = await db.customer.findUnique({ where: { id: current.mergedIntoId }, select: { id: true, mergedIntoId: true } });
  }
  return current && !current.mergedIntoId ? current.id : null;
}

export async function getCustomerOrThrow(input: z.input<typeof ZGetCustomerInput>, actor: TSectionActor): Promise<CustomerCardResult> {
  assertCanViewCustomers(actor);
  const { id, ordersCursor, ordersLimit } = ZGetCustomerInput.parse(input);
  const row = await db.customer.findUnique({ where: { id }, select: cardSelect });
  if (!row) throw notFound("Customer");
  if (row.mergedIntoId) {
    const survivorId = await resolveSurvivorId(row.mergedIntoId);
    if (!survivorId) throw new AppError("NOT_FOUND", "The card this customer was merged into is gone");
    return { kind: "merged", survivorId };
  }

  const phones = [row.phoneNormalized, ...row.phones.map((phone) => phone.normalized)].filter((phone): phone is string => Boolean(phone));
  const [orders, totals, refusals] = await Promise.all([loadOrders(id, ordersCursor, ordersLimit), loadTotals(id), getRefusalHistory({ phones, limit: 20 }, actor)]);
  const iso = (value: Date | null) => value?.toISOString() ?? null;
  const customer: CustomerCard = {
    id: row.id,
    type: row.type,
    name: row.name,
    legalName: row.legalName,
    taxId: row.taxId,
    legalAddress: row.legalAddress,
    website: row.website,
    phone: row.phone,
    email: row.email,
    locale: row.locale,
    region: row.region,
    country: row.country?.trim() || null,
    tags: row.tags,
    source: row.source,
    notes: row.notes,
    segment: row.segment,
    responsible: row.responsible,
    ordersCount: row.ordersCount,
    paidOrdersCount: row.paidOrdersCount,
    firstOrderAt: iso(row.firstOrderAt),
    lastOrderAt: iso(row.lastOrderAt),
    lastPaidAt: iso(row.lastPaidAt),
    paidRevenueMinor: row.paidRevenue.toString(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    contactPersons: row.contactPersons,
    phones: row.phones,
    emails: row.emails,
    addresses: row.addresses.map((address) => ({ ...address, country: address.country.trim() })),
  };
  return { kind: "customer", customer, ...orders, totals, refusals };
}

async function loadOrders(customerId: string, cursor: { createdAt: Date; id: string } | undefined, limit: number) {
  const rows = await db.order.findMany({
    where: { customerId, ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      number: true,
      createdAt: true,
      currency: true,
      total: true,
      status: true,
      paymentStatus: true,
      paymentMethod: true,
      product: { select: { name: true } },
      items: { select: { productName: true, quantity: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    orders: page.map((order): CustomerCardOrder => ({
      id: order.id,
      number: order.number,
      createdAt: order.createdAt.toISOString(),
      product: order.items.length ? order.items.map((item) => (item.quantity > 1 ? `${item.productName} × ${item.quantity}` : item.productName)).join(", ") : order.product.name,
      currency: order.currency,
      total: order.total,
      status: order.status,
      paymentStatus: order.paymentStatus,
      paymentMethod: order.paymentMethod,
    })),
    nextOrdersCursor: rows.length > limit && last ? encodeOrderCursor(last) : null,
  };
}

async function loadTotals(customerId: string): Promise<CustomerTotals> {
  const [[outcomes], [buyout], paid] = await Promise.all([
    db.$queryRaw<OrderOutcomes[]>`SELECT ${orderOutcomeColumns()} FROM "Order" o WHERE o."customerId" = ${customerId}`,
    db.$queryRaw<{ shipped: number; paid: number }[]>`SELECT ${buyoutColumns()} FROM "Order" o WHERE o."customerId" = ${customerId} AND o."shippedAt" IS NOT NULL`,
    db.$queryRaw<{ currency: string; amountMinor: bigint; orders: number }[]>`
      SELECT o.currency, sum(o.total)::bigint AS "amountMinor", count(*)::int AS orders
      FROM "Order" o WHERE o."customerId" = ${customerId} AND o.status = 'PAID' GROUP BY o.currency ORDER BY o.currency`,
  ]);
  if (!outcomes || !buyout) throw new AppError("INTERNAL", "Aggregate queries returned no row");
  const rates = computeRates({ orders: outcomes.total, confirmed: outcomes.confirmed, duplicateOrSpam: outcomes.duplicateOrSpam, shipped: buyout.shipped, shippedAndPaid: buyout.paid });
  return {
    outcomes,
    shipped: buyout.shipped,
    shippedAndPaid: buyout.paid,
    paidByCurrency: paid.map((row) => ({ currency: row.currency.trim(), amountMinor: row.amountMinor.toString(), orders: row.orders })),
    rates,
  };
}
