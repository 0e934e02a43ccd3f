// The one way money moves for a partner: a signed PartnerLedgerEntry, written inside the caller's
// transaction. The ledger keeps at most one entry of a kind per commission and per payout (unique
// indexes), so a retried job or a repeated status change never moves the money twice.
import type { DbTransaction } from "@/lib/db";
import type { LedgerEntryKind } from "@/lib/db/generated/enums";

export interface LedgerEntryInput {
  partnerId: string;
  /** Signed minor units: credits positive, debits negative. */
  amount: number;
  currency: string;
  kind: LedgerEntryKind;
  commissionId?: string;
  payoutId?: string;
  note?: string;
  createdById?: string;
}

/** Writes the entry; false when the same movement was already recorded (nothing written). */
export async function addLedgerEntry(tx: DbTransaction, entry: LedgerEntryInput): Promise<boolean> {
  const { count } = await tx.partnerLedgerEntry.createMany({
    data: [
      {
        partnerId: entry.partnerId,
        amount: entry.amount,
        currency: entry.currency,
        kind: entry.kind,
        commissionId: entry.commissionId ?? null,
        payoutId: entry.payoutId ?? null,
        note: entry.note ?? null,
        createdById: entry.createdById ?? null,
      },
    ],
    skipDuplicates: true,
  });
  return count === 1;
}
