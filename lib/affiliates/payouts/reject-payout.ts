// The shop refuses a payout (wrong details, suspected fraud) with a reason the partner sees. The
// amount comes back to the balance (a PAYOUT_REJECTED credit) and the commissions it included are
// free again for the next request.
import { z } from "zod";
import { addLedgerEntry } from "@/lib/affiliates/ledger/add-ledger-entry";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { recordWebhookEvents } from "@/lib/webhooks/record-webhook-events";
import { lockPayoutOrThrow, payoutValidationError } from "./lock-payout";
import { assertPayoutTransition } from "./payout-transitions";

export const ZRejectPayoutInput = z.object({
  payoutId: z.string().trim().min(1).max(64),
  reason: z.string().trim().min(1, { error: "affiliatePayouts.errors.reasonRequired" }).max(1000, { error: "affiliatePayouts.errors.reasonTooLong" }),
});

export async function rejectPayout(input: unknown, actor: TSectionActor): Promise<{ id: string; status: "REJECTED" }> {
  const staff = assertSectionActor(actor, "payouts");
  const parsed = ZRejectPayoutInput.safeParse(input);
  if (!parsed.success) throw payoutValidationError(parsed.error);
  return db.$transaction(async (tx) => {
    const payout = await lockPayoutOrThrow(tx, parsed.data.payoutId);
    assertPayoutTransition(payout.status, "REJECTED");
    await tx.payout.update({ where: { id: payout.id }, data: { status: "REJECTED", rejectedAt: new Date(), reason: parsed.data.reason, processedById: staff.id }, select: { id: true } });
    await tx.commission.updateMany({ where: { payoutId: payout.id, status: "AVAILABLE" }, data: { payoutId: null } });
    await addLedgerEntry(tx, {
      partnerId: payout.partnerId,
      amount: payout.amount,
      currency: payout.currency,
      kind: "PAYOUT_REJECTED",
      payoutId: payout.id,
      note: parsed.data.reason,
      createdById: staff.id,
    });
    await recordAudit(tx, {
      actor: { type: "USER", id: staff.id },
      action: "payout.reject",
      entity: { type: "Payout", id: payout.id },
      before: { status: payout.status },
      after: { status: "REJECTED" },
      data: { amount: payout.amount, currency: payout.currency, reason: parsed.data.reason },
    });
    await recordWebhookEvents(tx, [{ type: "payout.rejected", objectId: payout.id, previousAttributes: { status: payout.status } }]);
    return { id: payout.id, status: "REJECTED" as const };
  });
}
