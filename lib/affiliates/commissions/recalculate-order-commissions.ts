// An order's items total changed after it was placed (an item added on the thank-you page):
// each of its PERCENT commissions is recomputed from the rule copied into it, inside the caller's
// transaction (which holds the order's row lock). FIXED commissions do not depend on the total.
// Money already with the partner is never rewritten: a commission whose amount is in the ledger
// (AVAILABLE) gets the new amount and the difference as an ADJUSTMENT entry, so the balance and a
// later reversal (which takes back the whole new amount) stay right; a PAID commission keeps its
// amount and the difference is a positive ADJUSTMENT paid with the next payout. CANCELLED ones
// stay cancelled.
import type { DbTransaction } from "@/lib/db";
import type { AmountKind, CommissionStatus } from "@/lib/db/generated/enums";
import { addLedgerEntry } from "@/lib/affiliates/ledger/add-ledger-entry";
import { commissionAmount, commissionBase } from "./compute-commissions";

interface LockedCommission {
  id: string;
  partnerId: string;
  amount: number;
  currency: string;
  ruleKind: AmountKind;
  ruleValue: number;
  status: CommissionStatus;
}

export interface RecalculatedCommission {
  id: string;
  from: number;
  to: number;
  /** The ADJUSTMENT ledger entry's amount, when money had already reached the partner. */
  adjustment: number;
}

export async function recalculateOrderCommissions(
  tx: DbTransaction,
  order: { id: string; number: number; itemsTotal: number; currency: string },
  change: { previousItemsTotal: number; note: string },
): Promise<RecalculatedCommission[]> {
  // Percent commissions count the discounted items total (commissionBase), as when they were made.
  const loaded = await tx.order.findUniqueOrThrow({ where: { id: order.id }, select: { discountTotal: true, discounts: { select: { shippingAmount: true } } } });
  const shippingDiscount = loaded.discounts.reduce((sum, discount) => sum + discount.shippingAmount, 0);
  const baseOf = (itemsTotal: number) => ({ itemsTotal: commissionBase({ itemsTotal, discountTotal: loaded.discountTotal, shippingDiscount }), currency: order.currency });
  const commissions = await tx.$queryRaw<LockedCommission[]>`
    SELECT id, "partnerId", amount, trim(currency) AS currency, "ruleKind"::text AS "ruleKind", "ruleValue", status::text AS status
    FROM "Commission" WHERE "orderId" = ${order.id} AND "ruleKind" = 'PERCENT' ORDER BY level FOR UPDATE`;
  const changed: RecalculatedCommission[] = [];
  for (const commission of commissions) {
    if (commission.status === "CANCELLED") continue;
    const rule = { kind: commission.ruleKind, value: commission.ruleValue };
    const amount = commissionAmount(rule, baseOf(order.itemsTotal));
    // A paid commission's row keeps what was paid, so after one adjustment it no longer shows
    // what the partner has: the change is measured between the two totals instead.
    const delta = commission.status === "PAID" ? amount - commissionAmount(rule, baseOf(change.previousItemsTotal)) : amount - commission.amount;
    if (delta === 0) continue;
    const credited = commission.status === "AVAILABLE" || commission.status === "PAID";
    if (commission.status !== "PAID") await tx.commission.update({ where: { id: commission.id }, data: { amount }, select: { id: true } });
    if (credited) {
      // Not tied to the commission: its (commissionId, kind) key allows one entry of a kind, and
      // an order may be changed more than once. The caller's own idempotency keeps this to one.
      await addLedgerEntry(tx, { partnerId: commission.partnerId, amount: delta, currency: commission.currency, kind: "ADJUSTMENT", note: `order ${order.number}: ${change.note}` });
    }
    changed.push({ id: commission.id, from: commission.amount, to: amount, adjustment: credited ? delta : 0 });
  }
  return changed;
}
