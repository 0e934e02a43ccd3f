// The one transition function of a commission's status (DESIGN.md, Affiliates). Pure: the
// operations that change commissions (order status hook, hold release, payouts) ask it what to do
// and carry out the effect, so the rules live in one table-tested place.
//
//   PENDING ──order reaches the product's trigger──▶ APPROVED ──hold ends──▶ AVAILABLE ──payout paid──▶ PAID
//      └───────────── order CANCELLED / RETURNED / DUPLICATE / SPAM ──────────────▶ CANCELLED
//
// Decisions, and why:
// - The trigger is APPROVAL (the order is confirmed: CONFIRMED, SHIPPED, DELIVERED, HANDED, PAID)
//   or BUYOUT (the order is PAID), copied onto the commission when it is created.
// - Cancelling money the partner never had (PENDING, APPROVED) only changes the status. Money
//   already in the ledger (AVAILABLE, PAID) is taken back with a negative ledger entry: from the
//   balance before payout, from the next payout after it.
// - An order restored from CANCELLED / DUPLICATE / SPAM to UNCONFIRMED starts over, and so does its
//   commission — unless it had reached the ledger: its credit was reversed, and the ledger keeps
//   one credit and one reversal per commission, so it stays cancelled.
import type { CommissionStatus, OrderStatus, RewardTrigger } from "@/lib/db/generated/enums";
import { isConfirmedStatus } from "@/lib/orders/transitions";

export const COMMISSION_CANCELLING_STATUSES = ["CANCELLED", "RETURNED", "DUPLICATE", "SPAM"] as const satisfies readonly OrderStatus[];

export type CommissionEvent =
  /** The order moved to `orderStatus`. */
  | { type: "ORDER_STATUS"; orderStatus: OrderStatus }
  /** The hold period of an approved commission ended. */
  | { type: "HOLD_ENDED" }
  /** A payout that includes the commission was paid. */
  | { type: "PAID_OUT" };

/**
 * What the caller must do besides setting the status:
 * APPROVE: set approvedAt and availableAt (now + hold); CREDIT: ledger COMMISSION +amount;
 * CANCEL: set cancelledAt; REVERSE: set cancelledAt and ledger COMMISSION_REVERSAL −amount;
 * REVIVE: clear approvedAt, availableAt, cancelledAt; PAY: set paidAt.
 */
export type CommissionEffect = "NONE" | "APPROVE" | "CREDIT" | "CANCEL" | "REVERSE" | "REVIVE" | "PAY";

export interface CommissionState {
  status: CommissionStatus;
  trigger: RewardTrigger;
  /** Whether the commission ever reached the ledger (was AVAILABLE). */
  credited: boolean;
}

export interface CommissionTransition {
  status: CommissionStatus;
  effect: CommissionEffect;
}

/** Whether an order in `orderStatus` has reached `trigger`. */
export function reachesTrigger(trigger: RewardTrigger, orderStatus: OrderStatus): boolean {
  return trigger === "BUYOUT" ? orderStatus === "PAID" : isConfirmedStatus(orderStatus);
}

export const isCancellingOrderStatus = (status: OrderStatus): boolean => (COMMISSION_CANCELLING_STATUSES as readonly OrderStatus[]).includes(status);

const stay = (status: CommissionStatus): CommissionTransition => ({ status, effect: "NONE" });

export function transitionCommission(state: CommissionState, event: CommissionEvent): CommissionTransition {
  const { status } = state;
  switch (event.type) {
    case "HOLD_ENDED":
      return status === "APPROVED" ? { status: "AVAILABLE", effect: "CREDIT" } : stay(status);
    case "PAID_OUT":
      return status === "AVAILABLE" ? { status: "PAID", effect: "PAY" } : stay(status);
    case "ORDER_STATUS": {
      const to = event.orderStatus;
      if (isCancellingOrderStatus(to)) {
        if (status === "PENDING" || status === "APPROVED") return { status: "CANCELLED", effect: "CANCEL" };
        if (status === "AVAILABLE" || status === "PAID") return { status: "CANCELLED", effect: "REVERSE" };
        return stay(status);
      }
      if (status === "CANCELLED") return to === "UNCONFIRMED" && !state.credited ? { status: "PENDING", effect: "REVIVE" } : stay(status);
      if (status === "PENDING" && reachesTrigger(state.trigger, to)) return { status: "APPROVED", effect: "APPROVE" };
      return stay(status);
    }
  }
}
