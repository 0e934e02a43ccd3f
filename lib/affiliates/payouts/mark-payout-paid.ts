// The money has left the shop: the payout becomes PAID with the bank or wallet reference, and the
// commissions it includes become PAID (a later cancellation of their orders is then a reversal
// taken from the next payout). The ledger already holds the PAYOUT debit from the request.
import { z } from "zod";
import { transitionCommission } from "@/lib/affiliates/commissions/commission-transitions";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { recordWebhookEvents } from "@/lib/webhooks/record-webhook-events";
import type { CommissionStatus, RewardTrigger } from "@/lib/db/generated/enums";
import { lockPayoutOrThrow, payoutValidationError } from "./lock-payout";
import { assertPayoutTransition } from "./payout-transitions";

export const ZMarkPayoutPaidInput = z.object({
  payoutId: z.string().trim().min(1).max(64),
  reference: z.string().trim().min(1, { error: "affiliatePayouts.errors.referenceRequired" }).max(200, { error: "affiliatePayouts.errors.referenceTooLong" }),
});

export async function markPayoutPaid(input: unknown, actor: TSectionActor): Promise<{ id: string; status: "PAID"; paidCommissions: number }> {
  const staff = assertSectionActor(actor, "payouts");
  const parsed = ZMarkPayoutPaidInput.safeParse(input);
  if (!parsed.success) throw payoutValidationError(parsed.error);
  return db.$transaction(async (tx) => {
    const payout = await lockPayoutOrThrow(tx, parsed.data.payoutId);
    assertPayoutTransition(payout.status, "PAID");
    const now = new Date();
    await tx.payout.update({ where: { id: payout.id }, data: { status: "PAID", paidAt: now, reference: parsed.data.reference, processedById: staff.id }, select: { id: true } });

    // Commissions cancelled while the payout waited stay cancelled: their reversal is in the ledger.
    const included = await tx.$queryRaw<{ id: string; status: CommissionStatus; trigger: RewardTrigger }[]>`
      SELECT id, status::text AS status, trigger::text AS trigger FROM "Commission" WHERE "payoutId" = ${payout.id} FOR UPDATE`;
    const paid = included.filter((commission) => transitionCommission({ ...commission, credited: true }, { type: "PAID_OUT" }).effect === "PAY").map((commission) => commission.id);
    if (paid.length > 0) await tx.commission.updateMany({ where: { id: { in: paid } }, data: { status: "PAID", paidAt: now } });

    await recordAudit(tx, {
      actor: { type: "USER", id: staff.id },
      action: "payout.paid",
      entity: { type: "Payout", id: payout.id },
      before: { status: payout.status },
      after: { status: "PAID" },
      data: { amount: payout.amount, currency: payout.currency, reference: parsed.data.reference, commissions: paid.length },
    });
    await recordWebhookEvents(tx, [
      { type: "payout.paid", objectId: payout.id, previousAttributes: { status: payout.status } },
      ...paid.map((id) => ({ type: "commission.paid" as const, objectId: id, previousAttributes: { status: "AVAILABLE" } })),
    ]);
    return { id: payout.id, status: "PAID" as const, paidCommissions: paid.length };
  });
}
