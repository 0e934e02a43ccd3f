// The payouts queue as CSV (RFC 4180) for the accountant's bank upload or bookkeeping: one row per
// payout with the partner, the amount as a decimal in its currency, the payout details and the
// status. Payouts are few (one per partner per period), so the rows are built in memory, capped.
// Cells are safe to open in a spreadsheet (text that starts like a formula is defused).
import type { TSectionActor } from "@/lib/auth/section-actor";
import type { PayoutStatus } from "@/lib/db/generated/enums";
import { currencyMinorDigits, minorUnitsToDecimalString } from "@/lib/money/format";
import { csvLine, safeText } from "@/lib/orders/export-orders-csv";
import { listPayouts, type PayoutRow } from "./list-payouts";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";

export const PAYOUT_CSV_COLUMNS = ["id", "requestedAt", "partnerLogin", "partnerName", "amount", "currency", "method", "details", "status", "reference", "reason", "paidAt"] as const;
export type PayoutCsvColumn = (typeof PAYOUT_CSV_COLUMNS)[number];

export const PAYOUT_EXPORT_LIMIT = 500;

/** The CSV text of `rows`; `headers` are the (translated) column titles. */
export function payoutsCsv(rows: readonly PayoutRow[], headers: Record<PayoutCsvColumn, string>): string {
  const lines = [csvLine(PAYOUT_CSV_COLUMNS.map((column) => headers[column]))];
  for (const row of rows) {
    const cells: Record<PayoutCsvColumn, string | null> = {
      id: row.id,
      requestedAt: row.requestedAt,
      partnerLogin: safeText(row.partner.login),
      partnerName: safeText(row.partner.name),
      amount: minorUnitsToDecimalString(row.amount, currencyMinorDigits(row.currency)),
      currency: row.currency,
      method: safeText(row.method),
      details: safeText(row.details),
      status: row.status,
      reference: safeText(row.reference),
      reason: safeText(row.reason),
      paidAt: row.paidAt,
    };
    lines.push(csvLine(PAYOUT_CSV_COLUMNS.map((column) => cells[column] ?? "")));
  }
  return lines.join("");
}

/** The payouts of a status (all when undefined) as CSV, for staff of the payouts section. */
export async function exportPayoutsCsv(filter: { status?: PayoutStatus }, actor: TSectionActor, headers: Record<PayoutCsvColumn, string>): Promise<string> {
  const rows: PayoutRow[] = [];
  for (let skip = 0; ; skip += PAYOUT_EXPORT_LIMIT) {
    const page = await listPayouts({ status: filter.status, take: PAYOUT_EXPORT_LIMIT, skip }, actor);
    rows.push(...page);
    if (page.length < PAYOUT_EXPORT_LIMIT || rows.length >= 20 * PAYOUT_EXPORT_LIMIT) break;
  }
  // An export of partners' payout details is an audited action (listPayouts checked the role; the address is the request's).
  await recordAudit(db, { actor: { type: "USER", id: actor.id }, action: "payout.export", entity: { type: "Payout" }, data: { status: filter.status ?? null, rows: rows.length } });
  return payoutsCsv(rows, headers);
}
