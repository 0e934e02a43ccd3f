"use server";
// The cabinet's payout request. The partner is the session's, never the form's; the amount is
// typed in major units and goes to requestPayout (which validates it, checks the minimum and the
// balance under a row lock, and writes nothing when it refuses) as integer minor units.
import { revalidatePath } from "next/cache";
import type { PayoutRequestState } from "@/components/partner/payouts/payout-request-state";
import { requestPayout } from "@/lib/affiliates/payouts/request-payout";
import { assertPartner } from "@/lib/auth/guard";
import { toAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { currencyMinorDigits } from "@/lib/money/format";
import { parseMoneyInput } from "@/lib/money/parse-money-input";

const EXPLAINED = new Set(["CONFLICT", "NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED", "VALIDATION"]);

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
    const appError = toAppError(error);
    const code = EXPLAINED.has(appError.code) ? appError.code : "INTERNAL";
    if (code === "INTERNAL") logger.error({ err: appError.cause ?? error }, "payout request failed");
    const fieldErrors: Record<string, string> = {};
    for (const [field, keys] of Object.entries(appError.fieldErrors ?? {})) {
      if (keys[0]) fieldErrors[field] ??= keys[0];
    }
    return { status: "error", message: `cabinetPayouts.errors.${code}`, fieldErrors, values };
  }
}
