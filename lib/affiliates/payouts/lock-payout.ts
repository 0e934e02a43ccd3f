// Shared by the staff operations on a payout: loads the payout with its row
// locked (two employees acting on one payout queue up; the second sees the first's result).
import type { z } from "zod";
import type { DbTransaction } from "@/lib/db";
import type { PayoutStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";

export interface LockedPayout {
  id: string;
  partnerId: string;
  amount: number;
  currency: string;
  status: PayoutStatus;
}

export async function lockPayoutOrThrow(tx: DbTransaction, payoutId: string): Promise<LockedPayout> {
  const [payout] = await tx.$queryRaw<LockedPayout[]>`
    SELECT id, "partnerId", amount, currency, status::text AS status FROM "Payout" WHERE id = ${payoutId} FOR UPDATE`;
  if (!payout) throw new AppError("NOT_FOUND", "Payout not found", { fieldErrors: { _: ["affiliatePayouts.errors.notFound"] } });
  return payout;
}

/** Zod errors of a payout form as field errors of i18n keys (the form translates them). */
export function payoutValidationError(error: z.ZodError): AppError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_");
    const message = issue.message.startsWith("affiliatePayouts.") ? issue.message : "affiliatePayouts.errors.invalid";
    const list = (fieldErrors[key] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return new AppError("VALIDATION", "Invalid payout input", { fieldErrors });
}
