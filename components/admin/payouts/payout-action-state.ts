/** The outcome of an approve / pay / reject form of the payouts queue. */
export interface PayoutActionState {
  status: "idle" | "success" | "error";
  message?: string;
}

export const initialPayoutActionState: PayoutActionState = { status: "idle" };
