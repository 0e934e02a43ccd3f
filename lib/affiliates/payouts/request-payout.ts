// A partner asks to be paid (DESIGN.md, Affiliates). In one transaction, with the partner's row
// locked so two requests at once cannot both spend the same balance:
// - the amount must be at least the program minimum and at most the balance (the ledger sum);
// - the payout is written with the partner's payout method and details as they are now;
// - the ledger gets the PAYOUT debit, so the balance drops at once;
// - available commissions not yet in a payout join it, oldest first, up to the amount plus what
//   the partner owes (reversals after earlier payouts): those are what mark-payout-paid pays.
import { z } from "zod";
import { getProgramSettings } from "@/lib/affiliates/program-settings";
import { getRatesMap } from "@/lib/pricing/get-rates-map";
import { addLedgerEntry } from "@/lib/affiliates/ledger/add-ledger-entry";
import { getPartnerBalance } from "@/lib/affiliates/ledger/get-partner-balance";
import { db, type DbTransaction } from "@/lib/db";
import { recordWebhookEvents } from "@/lib/webhooks/record-webhook-events";
import { AppError } from "@/lib/errors";
import { payoutValidationError } from "./lock-payout";

export const ZRequestPayoutInput = z.object({
  /** Minor units. */
  amount: z.coerce
    .number({ error: "affiliatePayouts.errors.amountInvalid" })
    .int({ error: "affiliatePayouts.errors.amountInvalid" })
    .positive({ error: "affiliatePayouts.errors.amountInvalid" })
    .max(1_000_000_000, { error: "affiliatePayouts.errors.amountInvalid" }),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, { error: "affiliatePayouts.errors.currencyInvalid" }),
});
export type TRequestPayoutInput = z.input<typeof ZRequestPayoutInput>;

export interface RequestedPayout {
  id: string;
  amount: number;
  currency: string;
  /** Commissions the payout includes. */
  commissionIds: string[];
}

const refuse = (field: string, key: string, message: string) => new AppError("VALIDATION", message, { fieldErrors: { [field]: [`affiliatePayouts.errors.${key}`] } });

/** `partnerId` is the signed-in partner's (from the session), never from the form. */
export async function requestPayout(partnerId: string, input: unknown): Promise<RequestedPayout> {
  const parsed = ZRequestPayoutInput.safeParse(input);
  if (!parsed.success) throw payoutValidationError(parsed.error);
  const { amount, currency } = parsed.data;
  const settings = await getProgramSettings();
  const minimum = await minimumIn(settings.minimumPayout, currency);

  return db.$transaction(async (tx) => {
    const [partner] = await tx.$queryRaw<{ id: string; status: string; payoutMethod: string | null; payoutDetails: string | null }[]>`
      SELECT id, status::text AS status, "payoutMethod", "payoutDetails" FROM "Partner" WHERE id = ${partnerId} FOR UPDATE`;
    if (!partner) throw new AppError("NOT_FOUND", "Partner not found");
    if (partner.status !== "ACTIVE") throw new AppError("FORBIDDEN", "Only an active partner may request payouts", { fieldErrors: { _: ["affiliatePayouts.errors.partnerNotActive"] } });

    const balance = await getPartnerBalance(partner.id, currency, { tx });
    if (minimum !== undefined && balance < minimum) throw refuse("amount", "balanceBelowMinimum", "The available balance is below the minimum payout");
    if (minimum !== undefined && amount < minimum) throw refuse("amount", "belowMinimum", "The amount is below the minimum payout");
    if (amount > balance) throw refuse("amount", "aboveBalance", "The amount is above the available balance");

    const payout = await tx.payout.create({
      data: { partnerId: partner.id, amount, currency, method: partner.payoutMethod, details: partner.payoutDetails },
      select: { id: true },
    });
    await addLedgerEntry(tx, { partnerId: partner.id, amount: -amount, currency, kind: "PAYOUT", payoutId: payout.id });
    const commissionIds = await attachCommissions(tx, {
      partnerId: partner.id,
      currency,
      payoutId: payout.id,
      budget: amount + owedBefore(balance, await freeCommissionTotal(tx, partner.id, currency)),
    });
    await recordWebhookEvents(tx, [{ type: "payout.created", objectId: payout.id }]);
    return { id: payout.id, amount, currency, commissionIds };
  });
}

/**
 * The program minimum in the payout's currency: as it is, or converted at the shop's current rates
 * (direct, inverse or through RUB); undefined when no rate links them (the minimum then cannot be
 * compared and does not apply).
 */
async function minimumIn(minimum: { amount: number; currency: string }, currency: string): Promise<number | undefined> {
  if (minimum.currency === currency) return minimum.amount;
  return (await getRatesMap()).convert(minimum.amount, minimum.currency, currency) ?? undefined;
}

/** Sum of the partner's available commissions in no payout yet. */
async function freeCommissionTotal(tx: DbTransaction, partnerId: string, currency: string): Promise<number> {
  const result = await tx.commission.aggregate({ where: { partnerId, currency, status: "AVAILABLE", payoutId: null }, _sum: { amount: true } });
  return result._sum.amount ?? 0;
}

/**
 * What the balance lacks against the free commissions: reversals (and earlier payouts) that those
 * commissions still have to cover. Paying a commission into a payout smaller than it by that much
 * is exactly "a reversal is taken from the next payout".
 */
function owedBefore(balance: number, freeCommissions: number): number {
  return Math.max(0, freeCommissions - balance);
}

async function attachCommissions(tx: DbTransaction, scope: { partnerId: string; currency: string; payoutId: string; budget: number }): Promise<string[]> {
  const free = await tx.$queryRaw<{ id: string; amount: number }[]>`
    SELECT id, amount FROM "Commission"
    WHERE "partnerId" = ${scope.partnerId} AND currency = ${scope.currency} AND status = 'AVAILABLE' AND "payoutId" IS NULL
    ORDER BY "availableAt", id FOR UPDATE`;
  const chosen: string[] = [];
  let total = 0;
  for (const commission of free) {
    if (total + commission.amount > scope.budget) break;
    total += commission.amount;
    chosen.push(commission.id);
  }
  if (chosen.length > 0) await tx.commission.updateMany({ where: { id: { in: chosen } }, data: { payoutId: scope.payoutId } });
  return chosen;
}
