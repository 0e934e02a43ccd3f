import type { ConfirmPartnerEmailOutcome } from "@/lib/affiliates/confirm-partner-email";

/** What the confirmation page shows: which title and text, from the outcome and the partner's status. */
export type ConfirmEmailView = "ACTIVE" | "AWAITING" | "BANNED" | "EXPIRED" | "INVALID";

export function toConfirmEmailView(outcome: ConfirmPartnerEmailOutcome): ConfirmEmailView {
  if (outcome.result === "EXPIRED" || outcome.result === "INVALID") return outcome.result;
  return outcome.status === "ACTIVE" ? "ACTIVE" : outcome.status === "BANNED" ? "BANNED" : "AWAITING";
}
