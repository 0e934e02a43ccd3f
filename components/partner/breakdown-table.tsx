// The cabinet's breakdown table (by day, product or sub1) with its grouping tabs.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { panel } from "@/components/ui/styles";
import { BREAKDOWN_GROUPS, type PartnerBreakdown } from "@/lib/affiliates/cabinet/get-partner-breakdown";
import { formatMoney } from "@/lib/money/format";
import { zonedDayStart } from "@/lib/reports/resolve-period";

export async function BreakdownTable(props: { breakdown: PartnerBreakdown; periodParams: Record<string, string>; timeZone: string }) {
  const { breakdown, periodParams, timeZone } = props;
  const [t, format, locale] = await Promise.all([getTranslations("cabinet"), getFormatter(), getLocale()]);
  const keyText = (key: string | null, label: string | null) => {
    if (breakdown.group === "day" && key) return format.dateTime(zonedDayStart(key, timeZone), { day: "numeric", month: "short", weekday: "short", timeZone });
    if (key === null) return breakdown.group === "product" ? t("noProduct") : t("none");
    return label ?? key;
  };
  return (
    <section className={`${panel} mt-6`} aria-labelledby="breakdown-title">
      <div className="flex flex-wrap items-center justify-between gap-3 px-5 pt-4">
        <h2 id="breakdown-title" className="text-base font-semibold">
          {t("breakdown")}
        </h2>
        <nav aria-label={t("breakdown")} className="flex gap-1">
          {BREAKDOWN_GROUPS.map((group) => (
            <Link
              key={group}
              href={`/partner?${new URLSearchParams({ ...periodParams, group })}`}
              aria-current={breakdown.group === group ? "page" : undefined}
              className={`rounded-md px-3 py-1 text-sm font-medium ${breakdown.group === group ? "bg-slate-800 text-white" : "text-slate-600 hover:bg-slate-100"}`}
            >
              {t(`groups.${group}`)}
            </Link>
          ))}
        </nav>
      </div>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full text-sm" data-testid="breakdown-table" data-group={breakdown.group}>
          <thead className="border-y border-slate-100 bg-slate-50 text-left text-xs font-medium text-slate-500">
            <tr>
              <th className="px-5 py-2">{t(`columns.${breakdown.group}`)}</th>
              <th className="px-3 py-2 text-right">{t("columns.rawClicks")}</th>
              <th className="px-3 py-2 text-right">{t("columns.uniqueClicks")}</th>
              <th className="px-3 py-2 text-right">{t("columns.orders")}</th>
              <th className="px-3 py-2 text-right">{t("columns.confirmed")}</th>
              <th className="px-5 py-2 text-right">{t("columns.earnings")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {breakdown.rows.map((row) => (
              <tr key={row.key ?? "∅"} data-testid="breakdown-row" data-key={row.key ?? ""}>
                <td className="px-5 py-2">{keyText(row.key, row.label)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{row.rawClicks}</td>
                <td className="px-3 py-2 text-right tabular-nums">{row.uniqueClicks}</td>
                <td className="px-3 py-2 text-right tabular-nums">{row.orders}</td>
                <td className="px-3 py-2 text-right tabular-nums">{row.confirmed}</td>
                <td className="px-5 py-2 text-right tabular-nums">
                  {row.earnings.length ? row.earnings.map((earning) => formatMoney(earning.amount, earning.currency, locale)).join(" · ") : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
