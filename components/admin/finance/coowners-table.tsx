// Finance → Co-owners: per month and co-owner (and currency) the bought-out margin of the products
// they share in and their part of it, each product on a line of its own underneath; a CSV link.
import { panel, secondaryButton } from "@/components/ui/styles";
import { percentText } from "@/lib/coowners/percent-text";
import { formatMoney } from "@/lib/money/format";
import type { CoOwnerShares } from "@/lib/reports/get-coowner-shares";

const COLUMNS = ["revenue", "baseCost", "commissions", "margin", "share"] as const;

export interface CoOwnersTableLabels {
  title: string;
  hint: string;
  empty: string;
  download: string;
  coOwner: string;
  currency: string;
  columns: Record<(typeof COLUMNS)[number], string>;
}

export function CoOwnersTable(props: { shares: CoOwnerShares; monthLabel: (month: string) => string; locale: string; csvHref: string; labels: CoOwnersTableLabels }) {
  const { shares, monthLabel, locale, csvHref, labels } = props;
  // Each total's product lines, grouped once (a filter per total reads every line again).
  const keyOf = (row: { month: string; coOwnerId: string; currency: string }) => `${row.month}-${row.coOwnerId}-${row.currency}`;
  const linesByTotal = new Map<string, CoOwnerShares["lines"]>();
  for (const line of shares.lines) {
    const group = linesByTotal.get(keyOf(line));
    if (group) group.push(line);
    else linesByTotal.set(keyOf(line), [line]);
  }
  return (
    <section className={`${panel} overflow-hidden`} aria-labelledby="finance-coowners-title" data-testid="finance-coowners">
      <div className="flex flex-wrap items-start justify-between gap-3 px-5 pt-4 pb-3">
        <div>
          <h2 id="finance-coowners-title" className="text-base font-semibold">
            {labels.title}
          </h2>
          <p className="max-w-3xl text-xs text-slate-500">{labels.hint}</p>
        </div>
        <a href={csvHref} className={secondaryButton} download data-testid="coowners-csv">
          {labels.download}
        </a>
      </div>
      {shares.totals.length ? (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead className="border-y border-slate-100 bg-slate-50 text-left text-xs font-medium tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-5 py-2">
                  {labels.coOwner}
                </th>
                <th scope="col" className="px-3 py-2">
                  {labels.currency}
                </th>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col" className="px-3 py-2 text-right">
                    {labels.columns[column]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {shares.totals.map((total) => {
                const key = keyOf(total);
                const lines = linesByTotal.get(key) ?? [];
                return [
                  <tr key={key} data-testid="coowner-total" data-month={total.month} data-coowner={total.coOwnerName}>
                    <th scope="row" className="px-5 py-2 text-left font-medium text-slate-800">
                      {monthLabel(total.month)} · {total.coOwnerName}
                    </th>
                    <td className="px-3 py-2">{total.currency}</td>
                    {COLUMNS.map((column) => (
                      <td key={column} className={`px-3 py-2 text-right tabular-nums ${column === "share" ? "font-semibold" : ""}`} data-column={column}>
                        {formatMoney(total[column], total.currency, locale)}
                      </td>
                    ))}
                  </tr>,
                  ...lines.map((line) => (
                    <tr key={`${key}-${line.productId}`} className="text-xs text-slate-500" data-testid="coowner-line">
                      <th scope="row" className="py-1 pr-3 pl-9 text-left font-normal">
                        {line.productName} · {percentText(line.basisPoints)} %
                      </th>
                      <td className="px-3 py-1" />
                      {COLUMNS.map((column) => (
                        <td key={column} className="px-3 py-1 text-right tabular-nums">
                          {formatMoney(line[column], line.currency, locale)}
                        </td>
                      ))}
                    </tr>
                  )),
                ];
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="border-t border-slate-100 px-5 py-6 text-sm text-slate-400">{labels.empty}</p>
      )}
    </section>
  );
}

/** What stands in the block's place while the shares are counted. */
export function CoOwnersPending({ title, text }: { title: string; text: string }) {
  return (
    <section className={`${panel} px-5 py-4`} aria-busy="true" data-testid="finance-coowners-pending">
      <h2 className="text-base font-semibold">{title}</h2>
      <p className="text-sm text-slate-400">{text}</p>
    </section>
  );
}
