// The deal history report as CSV (RFC 4180, spreadsheet-safe cells): one row per stage with its
// figures, then one row per stage change of the period. `labels` are the translated headers.
import { csvLine, safeText } from "@/lib/orders/export-orders-csv";
import { percentText } from "@/lib/crm/reports/sales-report-csv";
import type { DealHistoryReport } from "./get-deal-history-report";

export const DEAL_STAGE_CSV_COLUMNS = ["stage", "kind", "entered", "averageDays", "reached", "advanced", "conversion"] as const;
export const DEAL_CHANGE_CSV_COLUMNS = ["at", "deal", "from", "to", "user", "note"] as const;

export interface DealCsvLabels {
  stages: Record<(typeof DEAL_STAGE_CSV_COLUMNS)[number], string>;
  changes: Record<(typeof DEAL_CHANGE_CSV_COLUMNS)[number], string>;
}

/** Seconds → days with two decimals ("1.50"), as text: a spreadsheet reads it as a number. */
export function secondsToDays(seconds: number | null): string {
  return seconds === null ? "" : (Math.round(seconds / 864) / 100).toFixed(2);
}

export function dealHistoryCsv(report: DealHistoryReport, labels: DealCsvLabels): string {
  const lines = [csvLine(DEAL_STAGE_CSV_COLUMNS.map((column) => labels.stages[column]))];
  for (const stage of report.stages) {
    lines.push(
      csvLine([
        safeText(stage.name) ?? "",
        stage.kind,
        String(stage.entered),
        secondsToDays(stage.averageSeconds),
        stage.reached === null ? "" : String(stage.reached),
        stage.advanced === null ? "" : String(stage.advanced),
        percentText(stage.conversionBp),
      ]),
    );
  }
  lines.push("\r\n", csvLine(DEAL_CHANGE_CSV_COLUMNS.map((column) => labels.changes[column])));
  for (const change of report.changes) {
    lines.push(
      csvLine([change.at, safeText(change.dealTitle) ?? "", safeText(change.fromStage) ?? "", safeText(change.toStage) ?? "", safeText(change.userName) ?? "", safeText(change.note) ?? ""]),
    );
  }
  return lines.join("");
}
