// The request form's state, shared by the Server Action and the form. Errors travel as i18n keys
// (the form translates them), so the action needs no request-bound translator.
export type PayoutRequestState =
  | { status: "idle" }
  | { status: "success"; amount: number; currency: string }
  | { status: "error"; message: string; fieldErrors: Record<string, string>; values: { amount: string; currency: string } };

export const initialPayoutRequestState: PayoutRequestState = { status: "idle" };
