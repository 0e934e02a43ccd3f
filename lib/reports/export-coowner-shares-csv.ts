// Finance → Co-owners as CSV: a line per month, co-owner, currency and product of the period
// (get-coowner-shares.ts), amounts as exact decimals of the line's currency. Names typed by staff
// are defused against spreadsheet formulas (safeText). Small (a period is at most 366 days), so
// built in memory; the export itself is an audited action.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { currencyMinorDigits, minorUnitsToDecimalString } from "@/lib/money/format";
import { csvLine, safeText } from "@/lib/orders/export-orders-csv";
import { getCoOwnerShares } from "./get-coowner-shares";
import { resolvePeriod, type TPeriodInput } from "./resolve-period";

export const COOWNER_CSV_COLUMNS = ["month", "coOwner", "currency", "product", "sharePercent", "orders", "revenue", "baseCost", "commissions", "margin", "share"] as const;
export type CoOwnerCsvColumn = (typeof COOWNER_CSV_COLUMNS)[number];

/** Throws a ZodError (422) for a bad period, before anything is audited. */
export async function exportCoOwnerSharesCsv(
  input: TPeriodInput,
  actor: TSectionActor,
  options: { ip?: string; now?: Date; header?: (column: CoOwnerCsvColumn) => string } = {},
): Promise<{ csv: string; fromDay: string; toDay: string }> {
  const reader = assertSectionActor(actor, "finance");
  const period = resolvePeriod(input, options.now);
  const { lines } = await getCoOwnerShares(period);
  await recordAudit(db, {
    actor: { type: "USER", id: reader.id },
    action: "finance.coowners.export",
    entity: { type: "CoOwner" },
    data: { fromDay: period.fromDay, toDay: period.toDay, rows: lines.length },
    ip: options.ip,
  });
  let csv = "\uFEFF" + csvLine(COOWNER_CSV_COLUMNS.map((column) => options.header?.(column) ?? column));
  for (const line of lines) {
    const money = (amount: bigint) => minorUnitsToDecimalString(amount, currencyMinorDigits(line.currency));
    csv += csvLine([
      line.month,
      safeText(line.coOwnerName) ?? "",
      line.currency,
      safeText(line.productName) ?? "",
      minorUnitsToDecimalString(line.basisPoints, 2),
      String(line.orders),
      money(line.revenue),
      money(line.baseCost),
      money(line.commissions),
      money(line.margin),
      money(line.share),
    ]);
  }
  return { csv, fromDay: period.fromDay, toDay: period.toDay };
}
