// Finance → Co-owners: per month and co-owner (and currency) the bought-out margin of the products
// they share in and their part of it, each product on a line of its own underneath; a CSV link.
import { panel, secondaryButton } from "@/components/ui/styles";
import { percentText } from "@/lib/coowners/percent-text";
import { formatMoney } from "@/lib/money/format";
import type { CoOwnerShares } from "@/lib/reports/get-coowner-shares";

const COLUMNS = ["revenue", "baseCost", "commissions", "margin", "share"] as const;

// The product lines' look is the body's default (they are most rows); a total row overrides it.
// Money cells right-aligned, the currency cell (the first td) left; a total's share in bold.
const BODY =
  "divide-y divide-slate-100 text-xs text-slate-500 [&_td]:px-3 [&_td]:py-1 [&_td]:text-right [&_td]:tabular-nums [&_td:first-of-type]:text-left [&_th]:py-1 [&_th]:pr-3 [&_th]:pl-9 [&_th]:text-left [&_th]:font-normal";
const TOTAL_ROW = "text-sm text-slate-900 [&>*]:py-2! [&>th]:px-5! [&>th]:font-medium! [&>th]:text-slate-800 [&>td:last-child]:font-semibold";

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
            {/* A year is hundreds of product lines, each in the HTML and again in the RSC payload:
                the cells' styles are set once here, not repeated on every cell. */}
            <tbody className={BODY}>
              {shares.totals.map((total) => {
                const key = keyOf(total);
                const lines = linesByTotal.get(key) ?? [];
                return [
                  <tr key={key} className={TOTAL_ROW} data-testid="coowner-total" data-month={total.month} data-coowner={total.coOwnerName}>
                    <th scope="row">{`${monthLabel(total.month)} · ${total.coOwnerName}`}</th>
                    <td>{total.currency}</td>
                    {COLUMNS.map((column) => (
                      <td key={column}>{formatMoney(total[column], total.currency, locale)}</td>
                    ))}
                  </tr>,
                  ...lines.map((line) => (
                    <tr key={line.productId}>
                      {/* One text, not four: no React text separators in the HTML. */}
                      <th scope="row">{`${line.productName} · ${percentText(line.basisPoints)} %`}</th>
                      <td />
                      {COLUMNS.map((column) => (
                        <td key={column}>{formatMoney(line[column], line.currency, locale)}</td>
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
