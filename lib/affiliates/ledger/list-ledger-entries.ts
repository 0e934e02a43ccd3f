// A partner's ledger, newest first, for the cabinet and the admin. Scoped by partner: callers pass
// the signed-in partner's id (or the id an employee opened), never one taken from the client alone.
import { db } from "@/lib/db";
import type { LedgerEntryKind } from "@/lib/db/generated/enums";

export interface LedgerEntryRow {
  id: string;
  amount: number;
  currency: string;
  kind: LedgerEntryKind;
  commissionId: string | null;
  payoutId: string | null;
  note: string | null;
  /** ISO 8601, safe to pass to client components. */
  createdAt: string;
}

export async function listLedgerEntries(partnerId: string, options: { take?: number; skip?: number } = {}): Promise<LedgerEntryRow[]> {
  const rows = await db.partnerLedgerEntry.findMany({
    where: { partnerId },
    select: { id: true, amount: true, currency: true, kind: true, commissionId: true, payoutId: true, note: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(options.take ?? 100, 500),
    skip: options.skip ?? 0,
  });
  return rows.map((row) => ({ ...row, id: row.id.toString(), createdAt: row.createdAt.toISOString() }));
}
