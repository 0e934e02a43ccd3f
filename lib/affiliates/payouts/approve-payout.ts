// An employee approves a requested payout (the accountant then pays it). Money does not move: the
// PAYOUT debit was written on request.
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { recordWebhookEvents } from "@/lib/webhooks/record-webhook-events";
import { lockPayoutOrThrow, payoutValidationError } from "./lock-payout";
import { assertPayoutTransition } from "./payout-transitions";

export const ZApprovePayoutInput = z.object({ payoutId: z.string().trim().min(1).max(64) });

export async function approvePayout(input: unknown, actor: TSectionActor): Promise<{ id: string; status: "APPROVED" }> {
  const staff = assertSectionActor(actor, "payouts");
  const parsed = ZApprovePayoutInput.safeParse(input);
  if (!parsed.success) throw payoutValidationError(parsed.error);
  return db.$transaction(async (tx) => {
    const payout = await lockPayoutOrThrow(tx, parsed.data.payoutId);
    assertPayoutTransition(payout.status, "APPROVED");
    await tx.payout.update({ where: { id: payout.id }, data: { status: "APPROVED", approvedAt: new Date(), processedById: staff.id }, select: { id: true } });
    await recordAudit(tx, {
      actor: { type: "USER", id: staff.id },
      action: "payout.approve",
      entity: { type: "Payout", id: payout.id },
      before: { status: payout.status },
      after: { status: "APPROVED" },
      data: { amount: payout.amount, currency: payout.currency },
    });
    await recordWebhookEvents(tx, [{ type: "payout.approved", objectId: payout.id, previousAttributes: { status: payout.status } }]);
    return { id: payout.id, status: "APPROVED" as const };
  });
}
