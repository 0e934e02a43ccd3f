// A partner's earnings split the way the cabinet shows them (issue 4): pending (waiting for the
// order's trigger), on hold (approved, hold not over), available (the ledger balance: what may be
// requested) and paid (commissions paid out, less nothing: reversals show in the balance).
import { db } from "@/lib/db";
import { getPartnerBalances } from "./get-partner-balance";

export interface PartnerEarnings {
  currency: string;
  pending: number;
  onHold: number;
  /** The ledger balance; negative while a reversal after payout is not yet covered. */
  available: number;
  paid: number;
}

export async function getPartnerEarnings(partnerId: string): Promise<PartnerEarnings[]> {
  const [byStatus, balances] = await Promise.all([
    db.commission.groupBy({
      by: ["currency", "status"],
      where: { partnerId, status: { in: ["PENDING", "APPROVED", "PAID"] } },
      _sum: { amount: true },
    }),
    getPartnerBalances(partnerId),
  ]);
  const totals = new Map<string, PartnerEarnings>();
  const of = (currency: string) => {
    const code = currency.trim();
    let entry = totals.get(code);
    if (!entry) totals.set(code, (entry = { currency: code, pending: 0, onHold: 0, available: 0, paid: 0 }));
    return entry;
  };
  for (const row of byStatus) {
    const amount = row._sum.amount ?? 0;
    const entry = of(row.currency);
    if (row.status === "PENDING") entry.pending += amount;
    else if (row.status === "APPROVED") entry.onHold += amount;
    else entry.paid += amount;
  }
  for (const balance of balances) of(balance.currency).available = balance.amount;
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
