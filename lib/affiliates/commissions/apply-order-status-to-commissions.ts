// The order-status hook of commissions (changeOrderStatus calls it in its transaction, after the
// move): each commission of the order goes where transitionCommission says, and money already in
// the ledger is reversed with a negative entry. Runs under the order's row lock, and locks the
// commission rows too, so a payout being requested or paid at the same moment waits for it.
import type { DbTransaction } from "@/lib/db";
import type { CommissionStatus, OrderStatus, RewardTrigger } from "@/lib/db/generated/enums";
import { addLedgerEntry } from "@/lib/affiliates/ledger/add-ledger-entry";
import { recordWebhookEvents } from "@/lib/webhooks/record-webhook-events";
import { transitionCommission } from "./commission-transitions";
import { loadCommissionSettings } from "./load-commission-settings";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The outgoing webhook of a commission that moved (a revived one, back to PENDING, has none). */
const WEBHOOK_EVENT_OF: Partial<Record<CommissionStatus, "commission.approved" | "commission.cancelled">> = { APPROVED: "commission.approved", CANCELLED: "commission.cancelled" };

interface LockedCommission {
  id: string;
  partnerId: string;
  amount: number;
  currency: string;
  status: CommissionStatus;
  trigger: RewardTrigger;
  credited: boolean;
}

export interface AppliedCommissionChange {
  id: string;
  from: CommissionStatus;
  to: CommissionStatus;
}

export async function applyOrderStatusToCommissions(tx: DbTransaction, change: { orderId: string; status: OrderStatus; now?: Date }): Promise<AppliedCommissionChange[]> {
  const commissions = await tx.$queryRaw<LockedCommission[]>`
    SELECT c.id, c."partnerId", c.amount, c.currency, c.status::text AS status, c.trigger::text AS trigger,
      EXISTS (SELECT 1 FROM "PartnerLedgerEntry" e WHERE e."commissionId" = c.id AND e.kind = 'COMMISSION') AS credited
    FROM "Commission" c WHERE c."orderId" = ${change.orderId} ORDER BY c.level FOR UPDATE OF c`;
  if (commissions.length === 0) return [];

  const now = change.now ?? new Date();
  let holdDays: number | undefined;
  const changes: AppliedCommissionChange[] = [];
  for (const commission of commissions) {
    const next = transitionCommission(commission, { type: "ORDER_STATUS", orderStatus: change.status });
    if (next.effect === "NONE") continue;
    switch (next.effect) {
      case "APPROVE":
        holdDays ??= (await loadCommissionSettings(tx)).holdDays;
        await tx.commission.update({
          where: { id: commission.id },
          data: { status: next.status, approvedAt: now, availableAt: new Date(now.getTime() + holdDays * DAY_MS) },
          select: { id: true },
        });
        break;
      case "CANCEL":
        await tx.commission.update({ where: { id: commission.id }, data: { status: next.status, cancelledAt: now }, select: { id: true } });
        break;
      case "REVERSE":
        await tx.commission.update({ where: { id: commission.id }, data: { status: next.status, cancelledAt: now }, select: { id: true } });
        await addLedgerEntry(tx, {
          partnerId: commission.partnerId,
          amount: -commission.amount,
          currency: commission.currency,
          kind: "COMMISSION_REVERSAL",
          commissionId: commission.id,
          note: `order ${change.status}`,
        });
        break;
      case "REVIVE":
        await tx.commission.update({
          where: { id: commission.id },
          data: { status: next.status, approvedAt: null, availableAt: null, cancelledAt: null },
          select: { id: true },
        });
        break;
      default:
        // CREDIT and PAY come from the hold release and payouts, never from an order status.
        throw new Error(`Unexpected commission effect ${next.effect} on an order status change`);
    }
    changes.push({ id: commission.id, from: commission.status, to: next.status });
  }
  await recordWebhookEvents(
    tx,
    changes.flatMap((moved) => (WEBHOOK_EVENT_OF[moved.to] ? [{ type: WEBHOOK_EVENT_OF[moved.to]!, objectId: moved.id, previousAttributes: { status: moved.from } }] : [])),
  );
  return changes;
}
