// The end of the hold period: APPROVED commissions whose availableAt has passed become AVAILABLE
// and are credited to the partner's ledger. Run by a periodic job (release-held-commissions-job.ts)
// from every worker; SKIP LOCKED lets several workers (or a status change holding a row) share the
// work without waiting, and the ledger's unique (commissionId, kind) keeps a retry from paying twice.
import { db } from "@/lib/db";
import type { CommissionStatus, RewardTrigger } from "@/lib/db/generated/enums";
import { addLedgerEntry } from "@/lib/affiliates/ledger/add-ledger-entry";
import { recordWebhookEvents } from "@/lib/webhooks/record-webhook-events";
import { transitionCommission } from "./commission-transitions";

const BATCH_SIZE = 200;

interface DueCommission {
  id: string;
  partnerId: string;
  amount: number;
  currency: string;
  status: CommissionStatus;
  trigger: RewardTrigger;
}

/** Releases every commission due at `now`, in batches; returns how many became AVAILABLE. */
export async function releaseHeldCommissions(options: { now?: Date; partnerId?: string } = {}): Promise<number> {
  const now = options.now ?? new Date();
  let released = 0;
  for (;;) {
    const count = await db.$transaction(async (tx) => {
      const due = await tx.$queryRaw<DueCommission[]>`
        SELECT id, "partnerId", amount, currency, status::text AS status, trigger::text AS trigger
        FROM "Commission"
        WHERE status = 'APPROVED' AND "availableAt" <= ${now}
          AND (${options.partnerId ?? null}::text IS NULL OR "partnerId" = ${options.partnerId ?? null}::text)
        ORDER BY "availableAt" LIMIT ${BATCH_SIZE} FOR UPDATE SKIP LOCKED`;
      const credited: string[] = [];
      for (const commission of due) {
        const next = transitionCommission({ ...commission, credited: false }, { type: "HOLD_ENDED" });
        if (next.effect !== "CREDIT") continue;
        await tx.commission.update({ where: { id: commission.id }, data: { status: next.status }, select: { id: true } });
        await addLedgerEntry(tx, { partnerId: commission.partnerId, amount: commission.amount, currency: commission.currency, kind: "COMMISSION", commissionId: commission.id });
        credited.push(commission.id);
      }
      await recordWebhookEvents(
        tx,
        credited.map((id) => ({ type: "commission.available" as const, objectId: id, previousAttributes: { status: "APPROVED" } })),
      );
      return due.length;
    });
    released += count;
    if (count < BATCH_SIZE) return released;
  }
}
