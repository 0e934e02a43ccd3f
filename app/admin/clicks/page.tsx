// The owner's Clicks report: referral clicks of a period by partner, product, sub1 or day, raw
// and unique (bots apart). Staff of the clicks section only; reads, never writes.
import Link from "next/link";
import type { DateTimeFormatOptions } from "next-intl";
import { getFormatter, getTranslations } from "next-intl/server";
import { panel } from "@/components/ui/styles";
import { PageHeader } from "@/components/admin/page-header";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { firstParam, periodInput, withPeriodFallback, type SearchParams } from "@/lib/reports/period-params";
import { PERIOD_PRESETS, zonedDayStart } from "@/lib/reports/resolve-period";
import { CLICK_REPORT_GROUPS, CLICK_REPORT_MAX_ROWS, getClickReport, type ClickReport, type ClickReportGroup } from "@/lib/reports/get-click-report";
import { CustomPeriodForm, InvalidPeriodNotice, PeriodPresetNav } from "@/components/admin/custom-period-form";

export default async function ClicksReportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaffPage(sectionRoles("clicks"), "/admin/clicks");
  const params = await searchParams;
  const [t, tNav, format, { result: report, invalidFields }] = await Promise.all([
    getTranslations("adminClicks"),
    getTranslations("nav"),
    getFormatter(),
    // A bad period in the URL falls back to today and names what was wrong.
    withPeriodFallback((period) => getClickReport({ ...period, group: firstParam(params.group) }), periodInput(params)),
  ]);
  const { period, group, rows, totals } = report;
  const dayText = (day: string, options: DateTimeFormatOptions) => format.dateTime(zonedDayStart(day, period.timeZone), { ...options, timeZone: period.timeZone });
  const periodQuery: Record<string, string> = period.kind === "custom" ? { period: "custom", from: period.fromDay, to: period.toDay } : { period: period.kind };
  const href = (query: Record<string, string>) => `/admin/clicks?${new URLSearchParams(query)}`;
  const rowLabel = (row: ClickReport["rows"][number]) => {
    if (group === "day") return row.key ? dayText(row.key, { weekday: "short", day: "numeric", month: "short" }) : "";
    return row.label ?? t(`none.${group}`);
  };
  const uniqueShare = (unique: number, raw: number) => (raw ? format.number(unique / raw, { style: "percent", maximumFractionDigits: 0 }) : "—");

  return (
    <>
      <PageHeader title={tNav("clicks")}>
        <PeriodPresetNav
          label={t("period")}
          current={period.kind}
          items={PERIOD_PRESETS.map((preset) => ({ preset, href: href({ period: preset, group }), text: t(`periods.${preset}`) }))}
        />
      </PageHeader>

      <div className="-mt-3 mb-5 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-500" data-testid="period-range">
          {period.fromDay === period.toDay
            ? t("rangeDay", { day: dayText(period.fromDay, { dateStyle: "full" }) })
            : t("range", { from: dayText(period.fromDay, { dateStyle: "medium" }), to: dayText(period.toDay, { dateStyle: "medium" }) })}
        </p>
        <CustomPeriodForm action="/admin/clicks" period={period} keep={{ group }} labels={{ from: t("from"), to: t("to"), show: t("show"), form: t("periods.custom") }} />
      </div>

      <InvalidPeriodNotice
        message={invalidFields.length ? t("invalidPeriod", { fields: invalidFields.map((field) => (field === "from" || field === "to" ? t(field) : t("period"))).join(", ") }) : null}
      />

      <div className="grid gap-4 sm:grid-cols-3">
        <Total label={t("raw")} hint={t("rawHint")} value={totals.raw} testId="clicks-raw" />
        <Total label={t("unique")} hint={t("uniqueHint", { share: uniqueShare(totals.unique, totals.raw) })} value={totals.unique} testId="clicks-unique" />
        <Total label={t("bots")} hint={t("botsHint")} value={totals.bots} testId="clicks-bots" />
      </div>

      <section className={`${panel} mt-6`} aria-labelledby="clicks-table-title">
        <div className="flex flex-wrap items-center justify-between gap-3 px-5 pt-4">
          <h2 id="clicks-table-title" className="text-base font-semibold">
            {t("by", { group: t(`groups.${group}`) })}
          </h2>
          <nav aria-label={t("groupBy")} className="flex flex-wrap gap-1">
            {CLICK_REPORT_GROUPS.map((option: ClickReportGroup) => (
              <Link
                key={option}
                href={href({ ...periodQuery, group: option })}
                aria-current={group === option ? "page" : undefined}
                className={`rounded-md px-3 py-1 text-sm font-medium ${group === option ? "bg-slate-800 text-white" : "text-slate-600 hover:bg-slate-100"}`}
              >
                {t(`groups.${option}`)}
              </Link>
            ))}
          </nav>
        </div>
        {totals.raw + totals.bots === 0 ? (
          <p className="px-5 py-10 text-center text-sm text-slate-500">{t("empty")}</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-sm" data-testid="clicks-table">
              <thead className="border-y border-slate-100 bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-5 py-2 font-medium">
                    {t(`groups.${group}`)}
                  </th>
                  <th scope="col" className="px-5 py-2 text-right font-medium">
                    {t("raw")}
                  </th>
                  <th scope="col" className="px-5 py-2 text-right font-medium">
                    {t("unique")}
                  </th>
                  <th scope="col" className="px-5 py-2 text-right font-medium">
                    {t("uniqueShare")}
                  </th>
                  <th scope="col" className="px-5 py-2 text-right font-medium">
                    {t("bots")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((row) => (
                  <tr key={row.key ?? "none"} data-key={row.key ?? ""} data-raw={row.raw} data-unique={row.unique} data-bots={row.bots}>
                    <td className={`px-5 py-2 ${row.key === null ? "italic text-slate-500" : "text-slate-800"}`}>{rowLabel(row)}</td>
                    <td className="px-5 py-2 text-right tabular-nums">{format.number(row.raw)}</td>
                    <td className="px-5 py-2 text-right tabular-nums">{format.number(row.unique)}</td>
                    <td className="px-5 py-2 text-right tabular-nums text-slate-500">{uniqueShare(row.unique, row.raw)}</td>
                    <td className="px-5 py-2 text-right tabular-nums text-slate-500">{format.number(row.bots)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {group !== "day" && rows.length >= CLICK_REPORT_MAX_ROWS ? <p className="px-5 py-3 text-xs text-slate-500">{t("truncated", { count: CLICK_REPORT_MAX_ROWS })}</p> : null}
          </div>
        )}
      </section>
    </>
  );
}

function Total({ label, hint, value, testId }: { label: string; hint: string; value: number; testId: string }) {
  return (
    <div className="card" data-testid={testId} data-value={value}>
      <div className="text-sm font-medium text-slate-500">{label}</div>
      <div className="mt-1 text-2xl font-semibold tracking-tight tabular-nums">{value}</div>
      <div className="mt-1 text-xs text-slate-500">{hint}</div>
    </div>
  );
}
