// One section of the Finance report: a row per currency (money never adds up across currencies).
import type { FinanceTotals } from "@/lib/reports/get-finance-report";
import { formatMoney } from "@/lib/money/format";
import { panel } from "@/components/ui/styles";

export const FINANCE_COLUMNS = ["revenue", "shipping", "baseCost", "commissions", "margin"] as const;

/**
 * The body of a table of FinanceRows: the cells' styles are set here once rather than on each
 * cell (the 12 months' rows were half of the page's HTML and RSC payload). The margin is bold.
 */
export const FINANCE_BODY =
  "divide-y divide-slate-100 [&_td]:px-3 [&_td]:py-2 [&_td]:text-right [&_td]:whitespace-nowrap [&_td]:tabular-nums [&_td:last-child]:font-semibold [&_th]:px-5 [&_th]:py-2 [&_th]:text-left [&_th]:font-medium [&_th]:text-slate-700";

export interface FinanceTableLabels {
  currency: string;
  orders: string;
  empty: string;
  columns: Record<(typeof FINANCE_COLUMNS)[number], string>;
}

export function FinanceTotalsTable(props: { id: string; title: string; hint: string; rows: FinanceTotals[]; locale: string; labels: FinanceTableLabels }) {
  const { id, title, hint, rows, locale, labels } = props;
  return (
    <section className={`${panel} overflow-hidden`} aria-labelledby={`${id}-title`} data-testid={`finance-${id}`}>
      <div className="px-5 pt-4 pb-3">
        <h2 id={`${id}-title`} className="text-base font-semibold">
          {title}
        </h2>
        <p className="text-xs text-slate-500">{hint}</p>
      </div>
      {rows.length ? (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead className="border-y border-slate-100 bg-slate-50 text-left text-xs font-medium tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-5 py-2">
                  {labels.currency}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {labels.orders}
                </th>
                {FINANCE_COLUMNS.map((column) => (
                  <th key={column} scope="col" className="px-3 py-2 text-right">
                    {labels.columns[column]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className={FINANCE_BODY}>
              {rows.map((row) => (
                <FinanceRow key={row.currency} row={row} locale={locale} first={row.currency} />
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="border-t border-slate-100 px-5 py-6 text-sm text-slate-500">{labels.empty}</p>
      )}
    </section>
  );
}

/** A table row of sums; `first` is what the first cell shows (the currency, or a month). */
export function FinanceRow({ row, locale, first }: { row: FinanceTotals; locale: string; first: string }) {
  return (
    <tr data-testid={`finance-row-${row.currency}`}>
      <th scope="row">{first}</th>
      <td>{row.orders}</td>
      {FINANCE_COLUMNS.map((column) => (
        <td key={column} className={column === "margin" && row.margin < 0n ? "text-red-700" : undefined} data-amount-minor={row[column].toString()}>
          {formatMoney(row[column], row.currency, locale)}
        </td>
      ))}
    </tr>
  );
}
