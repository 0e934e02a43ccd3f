// The order as the shopper's own pages (check your email, thank you, confirm) may show it.
// These pages are reached by the order's random publicId or a link token alone, without a
// session, so only what the shopper already knows or needs is returned: no phone, no address,
// no full email, no internal notes.
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import type { OrderItemKind, OrderStatus, PaymentMethod, PaymentStatus } from "@/lib/db/generated/enums";
import { notFound } from "@/lib/errors";
import { isConfirmedStatus } from "@/lib/orders/transitions";
import { hashLinkToken, isLinkTokenExpired, isWellFormedLinkToken } from "@/lib/tokens/link-token";

const ZPublicId = z.uuid();

export type TPublicOrder = {
  publicId: string;
  number: number;
  status: OrderStatus;
  paymentMethod: PaymentMethod;
  paymentStatus: PaymentStatus;
  currency: string;
  items: { name: string; quantity: number; total: number; kind: OrderItemKind }[];
  itemsTotal: number;
  discountTotal: number;
  shippingTotal: number;
  total: number;
  /** First word of the name the shopper typed, for a greeting; null when there was none. */
  customerFirstName: string | null;
  /** `i***@example.ru`: enough to recognise the address, useless to someone guessing links. */
  maskedEmail: string | null;
  /** ISO 8601, so the value can cross to client components as is. */
  createdAt: string;
};

const PUBLIC_ORDER_SELECT = {
  publicId: true,
  number: true,
  status: true,
  paymentMethod: true,
  paymentStatus: true,
  currency: true,
  itemsTotal: true,
  discountTotal: true,
  shippingTotal: true,
  total: true,
  customerName: true,
  email: true,
  createdAt: true,
  items: {
    select: { productName: true, quantity: true, total: true, kind: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.OrderSelect;

/** Loads an order by its publicId; throws NOT_FOUND for a malformed or unknown id. */
export async function getPublicOrder(publicId: string): Promise<TPublicOrder> {
  const parsed = ZPublicId.safeParse(publicId);
  if (!parsed.success) throw notFound("Order");
  const order = await db.order.findUnique({ where: { publicId: parsed.data }, select: PUBLIC_ORDER_SELECT });
  if (!order) throw notFound("Order");
  return toPublicOrder(order);
}

/**
 * Looks at the order behind an order-confirmation link without using the link: for the page a
 * mail scanner's pre-fetch sees, which must show the order and change nothing (confirming is
 * confirmOrderByToken's job). Null for a malformed, unknown or other-purpose token.
 */
export async function peekOrderByConfirmToken(token: string): Promise<{ order: TPublicOrder; expired: boolean } | null> {
  if (!isWellFormedLinkToken(token)) return null;
  const link = await db.linkToken.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { purpose: true, expiresAt: true, usedAt: true, order: { select: PUBLIC_ORDER_SELECT } },
  });
  if (!link || link.purpose !== "CONFIRM_ORDER" || !link.order) return null;
  // As confirmOrderByToken decides: a link that was used, or whose order got confirmed another
  // way, is not "expired" even after its expiry.
  const expired = !link.usedAt && !isConfirmedStatus(link.order.status) && isLinkTokenExpired(link.expiresAt);
  return { order: toPublicOrder(link.order), expired };
}

function toPublicOrder(order: Prisma.OrderGetPayload<{ select: typeof PUBLIC_ORDER_SELECT }>): TPublicOrder {
  return {
    publicId: order.publicId,
    number: order.number,
    status: order.status,
    paymentMethod: order.paymentMethod,
    paymentStatus: order.paymentStatus,
    currency: order.currency,
    // The main product first, then bumps and upsells in the order they were added.
    items: order.items
      .map((item) => ({ name: item.productName, quantity: item.quantity, total: item.total, kind: item.kind }))
      .sort((a, b) => Number(b.kind === "MAIN") - Number(a.kind === "MAIN")),
    itemsTotal: order.itemsTotal,
    discountTotal: order.discountTotal,
    shippingTotal: order.shippingTotal,
    total: order.total,
    customerFirstName: firstName(order.customerName),
    maskedEmail: order.email ? maskEmail(order.email) : null,
    createdAt: order.createdAt.toISOString(),
  };
}

function firstName(fullName: string | null): string | null {
  const first = fullName?.trim().split(/\s+/)[0];
  return first ? first : null;
}

/** `ivan.petrov@example.ru` → `i***@example.ru`; the domain stays so a typo there is visible. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  const local = email.slice(0, at);
  return `${Array.from(local)[0]}***${email.slice(at)}`;
}
