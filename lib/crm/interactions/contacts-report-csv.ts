// The contacts report as CSV (RFC 4180): one row per employee with the counts by kind, results and
// next steps, then the totals row. Cells are defused for spreadsheets (safeText).
import { csvLine, safeText } from "@/lib/orders/export-orders-csv";
import { INTERACTION_KINDS, type ContactsReport } from "./get-contacts-report";

export const CONTACTS_CSV_COLUMNS = ["employee", ...INTERACTION_KINDS, "total", "withResult", "withNextStep"] as const;
export type ContactsCsvColumn = (typeof CONTACTS_CSV_COLUMNS)[number];

/** `labels`: translated column titles plus the names of the "no employee" and "total" rows. */
export function contactsReportCsv(report: Pick<ContactsReport, "rows" | "totals">, labels: Record<ContactsCsvColumn | "noEmployee" | "totalRow", string>): string {
  const lines = [csvLine(CONTACTS_CSV_COLUMNS.map((column) => labels[column]))];
  const line = (name: string, row: Pick<ContactsReport["totals"], "byKind" | "total" | "withResult" | "withNextStep">) =>
    csvLine([safeText(name) ?? "", ...INTERACTION_KINDS.map((kind) => String(row.byKind[kind])), String(row.total), String(row.withResult), String(row.withNextStep)]);
  for (const row of report.rows) lines.push(line(row.userName ?? labels.noEmployee, row));
  lines.push(line(labels.totalRow, report.totals));
  return lines.join("");
}
