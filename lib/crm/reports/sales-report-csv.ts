// The "sales by month" report as CSV text: a header row (translated by the caller), then a row per
// month and currency. Counts as integers, amounts as exact decimals of the currency, changes as
// percent with two decimals (empty when last year had nothing).
import { csvLine } from "@/lib/orders/export-orders-csv";
import { currencyMinorDigits, minorUnitsToDecimalString } from "@/lib/money/format";
import type { SalesByMonthReport } from "./get-sales-by-month";

export const SALES_CSV_COLUMNS = [
  "month",
  "currency",
  "orders",
  "ordersPrevious",
  "ordersChange",
  "paidOrders",
  "paidOrdersPrevious",
  "paidOrdersChange",
  "revenue",
  "revenuePrevious",
  "revenueChange",
] as const;

/** Basis points as a percent with two decimals ("−66.67"), "" for none. */
export const percentText = (basisPoints: number | null) => (basisPoints === null ? "" : minorUnitsToDecimalString(basisPoints, 2));

export function salesReportCsv(report: SalesByMonthReport, header: (column: (typeof SALES_CSV_COLUMNS)[number]) => string): string {
  let csv = "\uFEFF" + csvLine(SALES_CSV_COLUMNS.map(header));
  for (const { currency, months } of report.currencies) {
    const money = (amount: bigint) => minorUnitsToDecimalString(amount, currencyMinorDigits(currency));
    for (const { month, current, previous, change } of months) {
      csv += csvLine([
        `${report.year}-${String(month).padStart(2, "0")}`,
        currency,
        String(current.orders),
        String(previous.orders),
        percentText(change.orders),
        String(current.paidOrders),
        String(previous.paidOrders),
        percentText(change.paidOrders),
        money(current.revenue),
        money(previous.revenue),
        percentText(change.revenue),
      ]);
    }
  }
  return csv;
}
