// The Finance report's last 12 months: a row per month and currency, empty months said so.
import type { FinanceMonth } from "@/lib/reports/get-finance-report";
import { panel } from "@/components/ui/styles";
import { FINANCE_BODY, FINANCE_COLUMNS, FinanceRow, type FinanceTableLabels } from "./finance-totals-table";

export function FinanceMonthsTable(props: {
  title: string;
  hint: string;
  months: { month: string; label: string }[];
  rows: FinanceMonth[];
  locale: string;
  labels: FinanceTableLabels & { month: string; noMoney: string };
}) {
  const { title, hint, months, rows, locale, labels } = props;
  return (
    <section className={`${panel} overflow-hidden`} aria-labelledby="finance-months-title" data-testid="finance-months">
      <div className="px-5 pt-4 pb-3">
        <h2 id="finance-months-title" className="text-base font-semibold">
          {title}
        </h2>
        <p className="text-xs text-slate-500">{hint}</p>
      </div>
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <thead className="border-y border-slate-100 bg-slate-50 text-left text-xs font-medium tracking-wide text-slate-500 uppercase">
            <tr>
              <th scope="col" className="px-5 py-2">
                {labels.month}
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
            {[...months].reverse().map(({ month, label }) => {
              const monthRows = rows.filter((row) => row.month === month);
              if (!monthRows.length) {
                return (
                  <tr key={month} data-month={month}>
                    <th scope="row">{label}</th>
                    <td colSpan={FINANCE_COLUMNS.length + 1} className="font-normal! text-slate-500">
                      {labels.noMoney}
                    </td>
                  </tr>
                );
              }
              return monthRows.map((row) => <FinanceRow key={`${month}-${row.currency}`} row={row} locale={locale} first={`${label} · ${row.currency}`} />);
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
