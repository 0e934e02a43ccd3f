// /admin/crm-reports/deals — "Deal history" for a period and a pipeline: per stage the entries,
// the average time in stage and the conversion to the next step (chart and table), won and lost
// deals with sums and loss reasons, and the stage changes; CSV download; printable.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatTotals } from "@/components/crm/deals/deal-table";
import { DealFunnelChart } from "@/components/crm/deals/deal-funnel-chart";
import { PeriodReportHeader, periodQuery as queryOfPeriod, ReportSection } from "@/components/crm/reports/period-report-header";
import { getDealHistoryReport, REPORT_CHANGES_LIMIT } from "@/lib/crm/deals/get-deal-history-report";
import { formatRate } from "@/lib/reports/compute-rates";
import { firstParam, periodInput, withPeriodFallback, type SearchParams } from "@/lib/reports/period-params";
import { zonedDayStart } from "@/lib/reports/resolve-period";
import { requireCrmPage } from "../../crm-page-guard";

const DEFAULT_PERIOD = { period: "30d" } as const;

export default async function DealHistoryReportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireCrmPage("crmReports", "/admin/crm-reports/deals", "viewReports");
  const params = await searchParams;
  const actor = { id: staff.id, role: staff.role };
  const pipelineParam = firstParam(params.pipelineId)?.slice(0, 64);
  const [t, tPeriod, format, locale, { result: report, invalidFields }] = await Promise.all([
    getTranslations("crmDealReport"),
    getTranslations("dashboard"),
    getFormatter(),
    getLocale(),
    withPeriodFallback((input) => getDealHistoryReport({ ...input, pipelineId: pipelineParam }, actor), periodInput(params), DEFAULT_PERIOD),
  ]);
  const { period } = report;
  const day = (value: string) => format.dateTime(zonedDayStart(value, period.timeZone), { dateStyle: "medium", timeZone: period.timeZone });
  const periodQuery = queryOfPeriod(period);
  const pipelineQuery: Record<string, string> = report.pipelineId ? { pipelineId: report.pipelineId } : {};
  const href = (query: Record<string, string>) => `/admin/crm-reports/deals?${new URLSearchParams(query)}`;
  const duration = (seconds: number | null) =>
    seconds === null
      ? "—"
      : seconds >= 86_400
        ? t("duration.days", { value: format.number(seconds / 86_400, { maximumFractionDigits: 1 }) })
        : t("duration.hours", { value: format.number(seconds / 3_600, { maximumFractionDigits: 1 }) });
  const funnel = report.stages.filter((stage) => stage.kind !== "LOST");

  return (
    <>
      <PeriodReportHeader
        title={t("title")}
        action="/admin/crm-reports/deals"
        period={period}
        presetHref={(preset) => href({ ...pipelineQuery, period: preset })}
        keep={pipelineQuery}
        csv={{ href: `/api/admin/crm-reports/deals?${new URLSearchParams({ ...pipelineQuery, ...periodQuery })}`, label: t("csv"), testId: "deals-csv" }}
        printLabel={t("print")}
        range={
          <>
            {period.fromDay === period.toDay ? tPeriod("rangeDay", { day: day(period.fromDay) }) : tPeriod("range", { from: day(period.fromDay), to: day(period.toDay) })}
            {report.pipelines.find((pipeline) => pipeline.id === report.pipelineId) ? ` · ${report.pipelines.find((pipeline) => pipeline.id === report.pipelineId)!.name}` : null}
          </>
        }
        invalidFields={invalidFields}
        invalidMessage={(fields) => t("invalidPeriod", { fields })}
      >
        {report.pipelines.length > 1 ? (
          <nav aria-label={t("pipeline")} className="mb-4 flex flex-wrap gap-1.5 print:hidden">
            {report.pipelines.map((pipeline) => (
              <Link
                key={pipeline.id}
                href={href({ ...periodQuery, pipelineId: pipeline.id })}
                aria-current={pipeline.id === report.pipelineId ? "page" : undefined}
                className={`rounded-full border px-3 py-1 text-sm font-medium ${pipeline.id === report.pipelineId ? "border-slate-900 bg-slate-900 text-white" : "border-slate-200 bg-white text-slate-700 hover:bg-slate-50"}`}
              >
                {pipeline.name}
              </Link>
            ))}
          </nav>
        ) : null}
      </PeriodReportHeader>
      <p className="mb-5 max-w-4xl text-sm text-slate-600">{t("hint")}</p>

      {!report.pipelineId ? (
        <p className="card text-slate-600">{t("noPipeline")}</p>
      ) : (
        <>
          <dl className="mb-6 grid gap-3 sm:grid-cols-4" data-testid="deal-report-summary">
            {[
              [t("summary.created"), String(report.createdCount)],
              [t("summary.changes"), String(report.changeCount)],
              [t("summary.won"), `${report.won.count} · ${formatTotals(report.won.totals, locale)}`],
              [t("summary.lost"), `${report.lost.count} · ${formatTotals(report.lost.totals, locale)}`],
            ].map(([label, value]) => (
              <div key={label} className="card">
                <dt className="text-xs text-slate-500">{label}</dt>
                <dd className="text-lg font-semibold tabular-nums">{value}</dd>
              </div>
            ))}
          </dl>

          <ReportSection id="deal-stages-title" title={t("stages.title")}>
            <DealFunnelChart
              data={funnel.map((stage) => ({ stage: stage.name, reached: stage.reached ?? 0, entered: stage.entered }))}
              labels={{ reached: t("chart.reached"), entered: t("chart.entered") }}
            />
            <div className="mt-4 overflow-x-auto">
              <table className="w-full text-sm" data-testid="deal-report-stages">
                <thead className="text-left text-xs text-slate-500">
                  <tr>
                    <th className="py-1.5 pr-3 font-medium">{t("stages.stage")}</th>
                    <th className="py-1.5 pr-3 text-right font-medium">{t("stages.entered")}</th>
                    <th className="py-1.5 pr-3 text-right font-medium">{t("stages.averageTime")}</th>
                    <th className="py-1.5 pr-3 text-right font-medium">{t("stages.reached")}</th>
                    <th className="py-1.5 pr-3 text-right font-medium">{t("stages.advanced")}</th>
                    <th className="py-1.5 text-right font-medium">{t("stages.conversion")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {report.stages.map((stage) => (
                    <tr key={stage.id}>
                      <td className="py-1.5 pr-3">
                        <span className="inline-flex items-center gap-1.5">
                          <span aria-hidden className="size-2 rounded-full" style={{ background: stage.color ?? "#94a3b8" }} />
                          {stage.name}
                        </span>
                      </td>
                      <td className="py-1.5 pr-3 text-right tabular-nums">{stage.entered}</td>
                      <td className="py-1.5 pr-3 text-right tabular-nums">{duration(stage.averageSeconds)}</td>
                      <td className="py-1.5 pr-3 text-right tabular-nums">{stage.reached ?? "—"}</td>
                      <td className="py-1.5 pr-3 text-right tabular-nums">{stage.advanced ?? "—"}</td>
                      <td className="py-1.5 text-right tabular-nums">{formatRate(stage.conversionBp, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </ReportSection>

          <ReportSection id="deal-outcomes-title" title={t("outcomes.title")}>
            <div className="grid gap-6 md:grid-cols-2">
              <table className="w-full text-sm" data-testid="deal-report-outcomes">
                <thead className="text-left text-xs text-slate-500">
                  <tr>
                    <th className="py-1.5 font-medium">{t("outcomes.kind")}</th>
                    <th className="py-1.5 text-right font-medium">{t("outcomes.count")}</th>
                    <th className="py-1.5 text-right font-medium">{t("outcomes.sum")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {(["won", "lost"] as const).map((kind) => (
                    <tr key={kind}>
                      <td className="py-1.5">{t(`outcomes.${kind}`)}</td>
                      <td className="py-1.5 text-right tabular-nums">{report[kind].count}</td>
                      <td className="py-1.5 text-right tabular-nums">{formatTotals(report[kind].totals, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div>
                <h3 className="mb-1 text-sm font-semibold">{t("outcomes.reasons")}</h3>
                {report.lost.reasons.length ? (
                  <ul className="text-sm" data-testid="deal-report-reasons">
                    {report.lost.reasons.map((row) => (
                      <li key={row.reason} className="flex justify-between gap-3 border-b border-slate-100 py-1">
                        <span>{row.reason || t("outcomes.noReason")}</span>
                        <span className="tabular-nums">{row.count}</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="text-sm text-slate-500">{t("outcomes.noReasons")}</p>
                )}
              </div>
            </div>
          </ReportSection>

          <ReportSection id="deal-changes-title" title={t("changes.title")} className="card overflow-x-auto">
            {report.changes.length ? (
              <>
                <table className="w-full text-sm" data-testid="deal-report-changes">
                  <thead className="text-left text-xs text-slate-500">
                    <tr>
                      <th className="py-1.5 pr-3 font-medium">{t("changes.at")}</th>
                      <th className="py-1.5 pr-3 font-medium">{t("changes.deal")}</th>
                      <th className="py-1.5 pr-3 font-medium">{t("changes.from")}</th>
                      <th className="py-1.5 pr-3 font-medium">{t("changes.to")}</th>
                      <th className="py-1.5 pr-3 font-medium">{t("changes.user")}</th>
                      <th className="py-1.5 font-medium">{t("changes.note")}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {report.changes.map((change) => (
                      <tr key={change.id}>
                        <td className="py-1.5 pr-3 whitespace-nowrap tabular-nums">
                          {format.dateTime(new Date(change.at), { dateStyle: "short", timeStyle: "short", timeZone: period.timeZone })}
                        </td>
                        <td className="py-1.5 pr-3">
                          <Link href={`/admin/deals/${change.dealId}`} className="text-brand-700 hover:underline">
                            {change.dealTitle}
                          </Link>
                        </td>
                        <td className="py-1.5 pr-3">{change.fromStage ?? t("changes.created")}</td>
                        <td className="py-1.5 pr-3">{change.toStage ?? "—"}</td>
                        <td className="py-1.5 pr-3">{change.userName ?? "—"}</td>
                        <td className="py-1.5">{change.note ?? ""}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {report.changeCount > report.changes.length ? <p className="mt-2 text-xs text-slate-500">{t("changes.limited", { count: REPORT_CHANGES_LIMIT })}</p> : null}
              </>
            ) : (
              <p className="text-sm text-slate-500">{t("changes.empty")}</p>
            )}
          </ReportSection>
        </>
      )}
    </>
  );
}
