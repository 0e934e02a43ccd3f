// The one transition table of a payout's status: a partner requests, the shop approves (optional),
// pays with a bank or wallet reference, or rejects with a reason. PAID and REJECTED are final: a
// mistake after that is corrected by a ledger ADJUSTMENT, never by rewriting a payout.
import type { PayoutStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";

export const PAYOUT_TRANSITIONS: Record<PayoutStatus, readonly PayoutStatus[]> = {
  REQUESTED: ["APPROVED", "PAID", "REJECTED"],
  APPROVED: ["PAID", "REJECTED"],
  PAID: [],
  REJECTED: [],
};

export function canTransitionPayout(from: PayoutStatus, to: PayoutStatus): boolean {
  return PAYOUT_TRANSITIONS[from].includes(to);
}

/** Throws CONFLICT (the payout changed meanwhile, e.g. someone else paid it) for an illegal move. */
export function assertPayoutTransition(from: PayoutStatus, to: PayoutStatus): void {
  if (!canTransitionPayout(from, to)) throw new AppError("CONFLICT", `Cannot move a payout from ${from} to ${to}`, { fieldErrors: { _: ["affiliatePayouts.errors.wrongStatus"] } });
}
