// Finance → Co-owners: per month and co-owner (and currency) the bought-out margin of the products
// they share in and their part of it, each product on a line of its own underneath; a CSV link.
import { panel, secondaryButton } from "@/components/ui/styles";
import { percentText } from "@/lib/coowners/percent-text";
import { formatMoney } from "@/lib/money/format";
import type { CoOwnerShares } from "@/lib/reports/get-coowner-shares";
import { encodeLines } from "./coowner-lines-text";
import { CoOwnersRows, type CoOwnerTotalRow } from "./coowners-rows";

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
  const linesByTotal = new Map<string, string[][]>();
  for (const line of shares.lines) {
    const row = [line.productId, `${line.productName} · ${percentText(line.basisPoints)} %`, ...COLUMNS.map((column) => formatMoney(line[column], line.currency, locale))];
    const group = linesByTotal.get(keyOf(line));
    if (group) group.push(row);
    else linesByTotal.set(keyOf(line), [row]);
  }
  const rows: CoOwnerTotalRow[] = shares.totals.map((total) => ({
    key: keyOf(total),
    month: total.month,
    coOwnerName: total.coOwnerName,
    label: `${monthLabel(total.month)} · ${total.coOwnerName}`,
    currency: total.currency,
    amounts: COLUMNS.map((column) => formatMoney(total[column], total.currency, locale)),
    lines: encodeLines(linesByTotal.get(keyOf(total)) ?? []),
  }));
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
            <CoOwnersRows totals={rows} />
          </table>
        </div>
      ) : (
        <p className="border-t border-slate-100 px-5 py-6 text-sm text-slate-500">{labels.empty}</p>
      )}
    </section>
  );
}
