// Read side of one order for the admin order page: everything about it, and its history with
// the people behind each change named (actors are stored as type + id; names are looked up
// here, so a renamed employee shows their current name and a deleted one shows none).
import { db, type Prisma } from "@/lib/db";
import type { ActorType, OrderStatus } from "@/lib/db/generated/enums";
import { notFound } from "@/lib/errors";

const orderDetailSelect = {
  id: true,
  number: true,
  publicId: true,
  status: true,
  statusChangedAt: true,
  paymentMethod: true,
  paymentStatus: true,
  customerName: true,
  phone: true,
  email: true,
  locale: true,
  region: true,
  country: true,
  postcode: true,
  province: true,
  city: true,
  street: true,
  house: true,
  flat: true,
  customerComment: true,
  customFields: true,
  currency: true,
  itemsTotal: true,
  discountTotal: true,
  shippingTotal: true,
  total: true,
  couponCode: true,
  shippingMethod: true,
  trackingNumber: true,
  partnerId: true,
  clickId: true,
  sub1: true,
  sub2: true,
  sub3: true,
  sub4: true,
  sub5: true,
  source: true,
  utmSource: true,
  utmMedium: true,
  utmCampaign: true,
  utmContent: true,
  utmTerm: true,
  referrer: true,
  notes: true,
  confirmedAt: true,
  shippedAt: true,
  deliveredAt: true,
  handedAt: true,
  paidAt: true,
  cancelledAt: true,
  returnedAt: true,
  createdAt: true,
  updatedAt: true,
  customer: { select: { id: true, name: true, phone: true, email: true } },
  product: { select: { id: true, name: true, slug: true } },
  partner: { select: { id: true, login: true, name: true } },
  duplicateOf: { select: { id: true, number: true, status: true } },
  duplicates: { select: { id: true, number: true, status: true }, orderBy: { createdAt: "asc" } },
  items: {
    select: { id: true, productId: true, kind: true, productName: true, quantity: true, unitPrice: true, total: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
  discounts: { select: { id: true, source: true, label: true, amount: true }, orderBy: { createdAt: "asc" } },
  statusChanges: {
    select: { id: true, fromStatus: true, toStatus: true, actorType: true, actorId: true, reason: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} as const satisfies Prisma.OrderSelect;

type OrderRow = Prisma.OrderGetPayload<{ select: typeof orderDetailSelect }>;

export interface OrderHistoryEntry {
  /** The change's id as a string (a bigint in the database). */
  id: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  actor: { type: ActorType; id: string | null; name: string | null };
  reason: string | null;
  createdAt: Date;
}

export type OrderDetail = Omit<OrderRow, "clickId" | "statusChanges"> & {
  /** The attributed click's id as a string (a bigint in the database). */
  clickId: string | null;
  /** Every status change, oldest first. */
  history: OrderHistoryEntry[];
};

/** One order with items, customer, totals, attribution and history; NOT_FOUND (404) otherwise. */
export async function getOrderOrThrow(id: string): Promise<OrderDetail> {
  // Ids are cuids: anything else cannot be an order, and must not reach the query as-is.
  if (typeof id !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw notFound("Order");
  const order = await db.order.findUnique({ where: { id }, select: orderDetailSelect });
  if (!order) throw notFound("Order");
  const names = await actorNames(order);
  const { statusChanges, clickId, ...rest } = order;
  return {
    ...rest,
    clickId: clickId === null ? null : clickId.toString(),
    history: statusChanges.map((change) => ({
      id: change.id.toString(),
      fromStatus: change.fromStatus,
      toStatus: change.toStatus,
      actor: { type: change.actorType, id: change.actorId, name: (change.actorId ? names.get(`${change.actorType}:${change.actorId}`) : undefined) ?? fallbackName(change.actorType, order) },
      reason: change.reason,
      createdAt: change.createdAt,
    })),
  };
}

/** A customer acting by a link is this order's customer, whether or not the change stored an id. */
function fallbackName(type: ActorType, order: OrderRow): string | null {
  return type === "CUSTOMER" ? (order.customerName ?? order.customer.name) : null;
}

/** Names of every actor in the history, keyed "TYPE:id", in one query per actor type. */
async function actorNames(order: OrderRow): Promise<Map<string, string>> {
  const idsOf = (type: ActorType) => [...new Set(order.statusChanges.filter((c) => c.actorType === type && c.actorId).map((c) => c.actorId!))];
  const [userIds, partnerIds, customerIds, apiKeyIds] = [idsOf("USER"), idsOf("PARTNER"), idsOf("CUSTOMER"), idsOf("API_KEY")];
  const [users, partners, customers, apiKeys] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
    partnerIds.length ? db.partner.findMany({ where: { id: { in: partnerIds } }, select: { id: true, login: true } }) : [],
    customerIds.length ? db.customer.findMany({ where: { id: { in: customerIds } }, select: { id: true, name: true } }) : [],
    apiKeyIds.length ? db.apiKey.findMany({ where: { id: { in: apiKeyIds } }, select: { id: true, name: true } }) : [],
  ]);
  const names = new Map<string, string>();
  for (const user of users) names.set(`USER:${user.id}`, user.name);
  for (const partner of partners) names.set(`PARTNER:${partner.id}`, partner.login);
  for (const customer of customers) if (customer.name) names.set(`CUSTOMER:${customer.id}`, customer.name);
  for (const apiKey of apiKeys) names.set(`API_KEY:${apiKey.id}`, apiKey.name);
  return names;
}
