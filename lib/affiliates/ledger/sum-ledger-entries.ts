// A partner's balance is the sum of their ledger entries, per currency (DESIGN.md: every money
// movement is a signed entry). Pure, so the rule is tested without a database; the balance
// queries sum the same way in SQL.
export interface LedgerAmount {
  amount: number;
  currency: string;
}

/** Signed sum per currency, in minor units; currencies whose entries cancel out are kept (as 0). */
export function sumLedgerEntries(entries: readonly LedgerAmount[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const entry of entries) totals.set(entry.currency, (totals.get(entry.currency) ?? 0) + entry.amount);
  return totals;
}
