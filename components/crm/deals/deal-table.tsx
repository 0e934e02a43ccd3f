// The table view of deals (the QSOFT list): name, main contact, company, stage, budget, with
// "Shown N of M" and the total of every filtered deal per currency.
import Link from "next/link";
import { panel } from "@/components/ui/styles";
import type { DealList } from "@/lib/crm/deals/list-deals";
import { formatMoney } from "@/lib/money/format";

interface Props {
  list: DealList;
  locale: string;
  labels: Record<"label" | "title" | "contact" | "customer" | "stage" | "budget" | "responsible" | "closeDate" | "probability" | "empty" | "shown" | "total", string>;
  formatDate: (iso: string) => string;
}

export function formatTotals(totals: DealList["totals"], locale: string): string {
  return totals.length ? totals.map((total) => formatMoney(BigInt(total.amount), total.currency, locale)).join(" + ") : formatMoney(0, "RUB", locale);
}

export function DealTable({ list, locale, labels, formatDate }: Props) {
  return (
    <div className={`${panel} overflow-x-auto`}>
      <table className="w-full text-sm" aria-label={labels.label} data-testid="deal-table">
        <thead className="bg-slate-50 text-left text-xs font-medium tracking-wide text-slate-500 uppercase">
          <tr>
            <th className="px-3 py-2">{labels.title}</th>
            <th className="px-3 py-2">{labels.contact}</th>
            <th className="px-3 py-2">{labels.customer}</th>
            <th className="px-3 py-2">{labels.stage}</th>
            <th className="px-3 py-2 text-right">{labels.budget}</th>
            <th className="px-3 py-2">{labels.responsible}</th>
            <th className="px-3 py-2">{labels.closeDate}</th>
            <th className="px-3 py-2 text-right">{labels.probability}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {list.rows.map((row) => (
            <tr key={row.id} data-testid="deal-row">
              <td className="px-3 py-2">
                <Link href={`/admin/deals/${row.id}`} className="font-medium text-brand-700 hover:underline">
                  {row.title}
                </Link>
              </td>
              <td className="px-3 py-2">{row.contactName ?? (row.customerType === "PERSON" ? row.customerName : "—")}</td>
              <td className="px-3 py-2">
                {row.customerId && row.customerType === "COMPANY" ? (
                  <Link href={`/admin/customers/${row.customerId}`} className="hover:underline">
                    {row.customerName}
                  </Link>
                ) : (
                  "—"
                )}
              </td>
              <td className="px-3 py-2">
                <span className="inline-flex items-center gap-1.5">
                  <span aria-hidden className="size-2 rounded-full" style={{ background: row.stageColor ?? "#94a3b8" }} />
                  {row.stageName}
                </span>
              </td>
              <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{formatMoney(BigInt(row.budget), row.currency, locale)}</td>
              <td className="px-3 py-2">{row.responsibleName ?? "—"}</td>
              <td className="px-3 py-2 whitespace-nowrap">{row.expectedCloseAt ? formatDate(row.expectedCloseAt) : "—"}</td>
              <td className="px-3 py-2 text-right tabular-nums">{row.probability !== null ? `${row.probability} %` : "—"}</td>
            </tr>
          ))}
          {!list.rows.length ? (
            <tr>
              <td colSpan={8} className="px-3 py-8 text-center text-slate-500">
                {labels.empty}
              </td>
            </tr>
          ) : null}
        </tbody>
        <tfoot className="border-t border-slate-200 bg-slate-50 text-sm">
          <tr>
            <td colSpan={4} className="px-3 py-2 text-slate-600" data-testid="deals-shown">
              {labels.shown}
            </td>
            <td colSpan={4} className="px-3 py-2 font-semibold" data-testid="deals-total">
              {labels.total}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
