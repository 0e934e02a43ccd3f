"use server";
// The cabinet's payout request. The partner is the session's, never the form's; the amount is
// typed in major units and goes to requestPayout (which validates it, checks the minimum and the
// balance under a row lock, and writes nothing when it refuses) as integer minor units.
import { revalidatePath } from "next/cache";
import { requestPayout } from "@/lib/affiliates/payouts/request-payout";
import { assertPartner } from "@/lib/auth/guard";
import { actionErrorKeys } from "@/lib/forms/action-error";
import type { ActionState } from "@/lib/forms/action-state";
import { currencyMinorDigits } from "@/lib/money/format";
import { parseMoneyInput } from "@/lib/money/parse-money-input";

/** Errors travel as i18n keys (the form translates them); a success names the requested amount. */
type PayoutRequestState = ActionState<{ amount: string; currency: string }> & { amount?: number; currency?: string };

export async function requestPayoutAction(_state: PayoutRequestState, formData: FormData): Promise<PayoutRequestState> {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value.slice(0, 100) : "";
  };
  const values = { amount: text("amount"), currency: text("currency").trim().toUpperCase() };
  try {
    const actor = await assertPartner();
    // A currency the schema refuses keeps its own error; an amount that does not parse goes
    // through as text so the schema names the amount field.
    const amount = /^[A-Z]{3}$/.test(values.currency) ? (parseMoneyInput(values.amount, currencyMinorDigits(values.currency)) ?? values.amount) : values.amount;
    const payout = await requestPayout(actor.id, { amount, currency: values.currency });
    revalidatePath("/partner/payouts");
    return { status: "success", amount: payout.amount, currency: payout.currency };
  } catch (error) {
    return actionErrorKeys(error, { namespace: "cabinetPayouts.errors", values, log: "payout request" });
  }
}
