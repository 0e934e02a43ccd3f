// The one transition table of an order's logistics status (DESIGN.md: UNCONFIRMED → CONFIRMED →
// SHIPPED → DELIVERED → HANDED → PAID, plus CANCELLED, RETURNED, DUPLICATE, SPAM) and who may
// make each move. Pure: changeOrderStatus enforces it, pages use it to offer only legal moves.
//
// Decisions, and why:
// - Until the parcel leaves (UNCONFIRMED, CONFIRMED) an order may still be cancelled or marked
//   DUPLICATE / SPAM: operators often learn it only on the confirmation call.
// - CANCELLED, DUPLICATE and SPAM may go back to UNCONFIRMED: marking the wrong order is a common
//   slip, and the order then starts over (it must be confirmed again; its reservation returns).
// - Once shipped, the goods are out of the shop's hands: no cancelling, only RETURNED. The post may
//   report the parcel handed without a pickup-point stage (and couriers hand it directly), so
//   SHIPPED → HANDED is allowed. A handed parcel may still come back (refused after opening,
//   returned within the legal period) before the COD money reaches the shop.
// - PAID and RETURNED are final: money or goods are back, and commissions and buyout rates were
//   counted on them. A correction after that is a new order or a refund, not a status change.
import type { OrderStatus, Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";

export const ORDER_STATUSES = ["UNCONFIRMED", "CONFIRMED", "SHIPPED", "DELIVERED", "HANDED", "PAID", "CANCELLED", "RETURNED", "DUPLICATE", "SPAM"] as const satisfies readonly OrderStatus[];

export const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  UNCONFIRMED: ["CONFIRMED", "CANCELLED", "DUPLICATE", "SPAM"],
  CONFIRMED: ["SHIPPED", "CANCELLED", "DUPLICATE", "SPAM"],
  SHIPPED: ["DELIVERED", "HANDED", "RETURNED"],
  DELIVERED: ["HANDED", "RETURNED"],
  HANDED: ["PAID", "RETURNED"],
  PAID: [],
  CANCELLED: ["UNCONFIRMED"],
  RETURNED: [],
  DUPLICATE: ["UNCONFIRMED"],
  SPAM: ["UNCONFIRMED"],
};

/** "Confirmed" in approve rates and commissions: the order was confirmed and not undone. */
export const CONFIRMED_STATUSES = ["CONFIRMED", "SHIPPED", "DELIVERED", "HANDED", "PAID"] as const satisfies readonly OrderStatus[];

export const isConfirmedStatus = (status: OrderStatus): boolean => (CONFIRMED_STATUSES as readonly OrderStatus[]).includes(status);

/** Statuses in which the goods are still in the shop (reserved, not yet shipped). */
export const BEFORE_SHIPPING_STATUSES = ["UNCONFIRMED", "CONFIRMED"] as const satisfies readonly OrderStatus[];

/** Statuses in which the goods have left the warehouse and not come back. */
export const SHIPPED_STATUSES = ["SHIPPED", "DELIVERED", "HANDED", "PAID"] as const satisfies readonly OrderStatus[];

/** Orders that are no longer going anywhere (or never were): not "open" for the duplicate rule. */
export const CLOSED_STATUSES = ["CANCELLED", "RETURNED", "DUPLICATE", "SPAM", "PAID"] as const satisfies readonly OrderStatus[];

export const isOpenStatus = (status: OrderStatus): boolean => !(CLOSED_STATUSES as readonly OrderStatus[]).includes(status);

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** Throws CONFLICT for a move the table does not allow. */
export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) throw new AppError("CONFLICT", `Cannot move an order from ${from} to ${to}`);
}

// Operators work the phone before shipping; logistics takes over once the parcel is packed.
const OPERATOR_STATUSES: readonly OrderStatus[] = ["UNCONFIRMED", "CONFIRMED", "CANCELLED", "DUPLICATE", "SPAM"];
const LOGISTICS_TARGETS: readonly OrderStatus[] = ["SHIPPED", "DELIVERED", "HANDED", "PAID", "RETURNED"];

/**
 * Whether an employee of `role` may make the move. Includes the table: an illegal move is
 * refused for every role. OWNER and MANAGER may make every legal move; OPERATOR the moves among
 * the pre-shipping statuses (confirm, cancel, spam, duplicate, restore); LOGISTICS the shipping
 * moves; ACCOUNTANT none.
 */
export function canRoleChangeStatus(role: Role, from: OrderStatus, to: OrderStatus): boolean {
  if (!canTransition(from, to)) return false;
  switch (role) {
    case "OWNER":
    case "MANAGER":
      return true;
    case "OPERATOR":
      return OPERATOR_STATUSES.includes(from) && OPERATOR_STATUSES.includes(to);
    case "LOGISTICS":
      return LOGISTICS_TARGETS.includes(to);
    case "ACCOUNTANT":
      return false;
  }
}

/** Tracking numbers are logistics' business (and the managers'). */
export function canRoleSetTrackingNumber(role: Role): boolean {
  return role === "OWNER" || role === "MANAGER" || role === "LOGISTICS";
}

/** The statuses `role` may move an order in `from` to, for menus and bulk actions. */
export function allowedTargets(from: OrderStatus, role?: Role): OrderStatus[] {
  return ORDER_TRANSITIONS[from].filter((to) => !role || canRoleChangeStatus(role, from, to));
}

/** The timestamp column an order gets when it enters a status. */
export const STATUS_TIMESTAMP_FIELD = {
  CONFIRMED: "confirmedAt",
  SHIPPED: "shippedAt",
  DELIVERED: "deliveredAt",
  HANDED: "handedAt",
  PAID: "paidAt",
  CANCELLED: "cancelledAt",
  RETURNED: "returnedAt",
} as const satisfies Partial<Record<OrderStatus, string>>;

/**
 * How an order in `status` holds each unit of stock: reserved while it may still ship, taken
 * (gone from `stock`) while the goods are out, nothing otherwise (never shipped or came back).
 * changeOrderStatus applies the difference between two statuses, so every path keeps
 * `stock - reserved` right without a case per move.
 */
export function stockHolding(status: OrderStatus): { reserved: 0 | 1; taken: 0 | 1 } {
  if ((BEFORE_SHIPPING_STATUSES as readonly OrderStatus[]).includes(status)) return { reserved: 1, taken: 0 };
  if ((SHIPPED_STATUSES as readonly OrderStatus[]).includes(status)) return { reserved: 0, taken: 1 };
  return { reserved: 0, taken: 0 };
}
