// A partner's balance: the sum of their ledger entries, per currency (see sum-ledger-entries.ts).
// This is the money they may request as a payout — commissions that became available, less
// requested payouts and reversals, plus rejected payouts.
import { db, type DbTransaction } from "@/lib/db";

export interface PartnerBalance {
  currency: string;
  /** Signed minor units; negative when reversals after payout exceed what has come in since. */
  amount: number;
}

/** Every currency the partner has entries in, by currency code. */
export async function getPartnerBalances(partnerId: string, options: { tx?: DbTransaction } = {}): Promise<PartnerBalance[]> {
  const client = options.tx ?? db;
  const rows = await client.partnerLedgerEntry.groupBy({ by: ["currency"], where: { partnerId }, _sum: { amount: true }, orderBy: { currency: "asc" } });
  return rows.map((row) => ({ currency: row.currency, amount: row._sum.amount ?? 0 }));
}

/** The balance in one currency (0 without entries). */
export async function getPartnerBalance(partnerId: string, currency: string, options: { tx?: DbTransaction } = {}): Promise<number> {
  const client = options.tx ?? db;
  const result = await client.partnerLedgerEntry.aggregate({ where: { partnerId, currency }, _sum: { amount: true } });
  return result._sum.amount ?? 0;
}
