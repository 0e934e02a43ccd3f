// A partner's payout history: amounts and dates come formatted from the page (server side), so
// nothing here needs a Date or a currency formatter.
import { getTranslations } from "next-intl/server";
import { panel } from "@/components/ui/styles";
import type { PayoutStatus } from "@/lib/db/generated/enums";

export interface PayoutHistoryRow {
  id: string;
  amount: string;
  status: PayoutStatus;
  requestedAt: string;
  /** When it was paid, rejected or approved (the latest step). */
  processedAt: string | null;
  /** The transfer reference when paid, the reason when rejected. */
  note: string | null;
}

const STATUS_TONE: Record<PayoutStatus, string> = {
  REQUESTED: "bg-amber-50 text-amber-800",
  APPROVED: "bg-sky-50 text-sky-800",
  PAID: "bg-emerald-50 text-emerald-800",
  REJECTED: "bg-red-50 text-red-800",
};

export async function PayoutHistory({ rows }: { rows: PayoutHistoryRow[] }) {
  const t = await getTranslations("cabinetPayouts");
  if (rows.length === 0)
    return (
      <p className="text-sm text-slate-500" data-testid="payout-history-empty">
        {t("historyEmpty")}
      </p>
    );
  return (
    <div className={`${panel} overflow-x-auto`}>
      <table className="w-full text-sm">
        <thead className="border-b border-slate-200 text-left text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">{t("columns.requestedAt")}</th>
            <th className="px-4 py-2 text-right font-medium">{t("columns.amount")}</th>
            <th className="px-4 py-2 font-medium">{t("columns.status")}</th>
            <th className="px-4 py-2 font-medium">{t("columns.processedAt")}</th>
            <th className="px-4 py-2 font-medium">{t("columns.note")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-100 last:border-0" data-testid="payout-row" data-status={row.status}>
              <td className="px-4 py-2 whitespace-nowrap">{row.requestedAt}</td>
              <td className="px-4 py-2 text-right whitespace-nowrap tabular-nums">{row.amount}</td>
              <td className="px-4 py-2">
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_TONE[row.status]}`}>{t(`statuses.${row.status}`)}</span>
              </td>
              <td className="px-4 py-2 whitespace-nowrap">{row.processedAt ?? "—"}</td>
              <td className="px-4 py-2 break-all">{row.note ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
