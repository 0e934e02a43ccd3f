// /admin/crm-reports/sales: sales by month against the same month of the previous year (orders,
// bought-out orders and revenue, change in %), per currency, with a chart, a table, CSV and print.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ZodError } from "zod";
import { PageHeader } from "@/components/admin/page-header";
import { panel, secondaryButton } from "@/components/ui/styles";
import { PrintButton } from "@/components/crm/reports/print-button";
import { ReportPrintStyles } from "@/components/crm/reports/report-print-styles";
import { SalesChart } from "@/components/crm/reports/sales-chart";
import { getSalesByMonth, type SalesByMonthReport, type SalesFigures } from "@/lib/crm/reports/get-sales-by-month";
import { currencyMinorDigits, formatMoney, minorUnitsToDecimalString } from "@/lib/money/format";
import { firstParam, type SearchParams } from "@/lib/reports/period-params";
import { SHOP_TIME_ZONE, zonedDayStart } from "@/lib/reports/resolve-period";
import { requireCrmPage } from "../../crm-page-guard";

const th = "px-3 py-2 text-right text-xs font-medium tracking-wide text-slate-500 uppercase";
const td = "px-3 py-1.5 text-right tabular-nums";
const METRICS = ["orders", "paidOrders", "revenue"] as const;

export default async function SalesReportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireCrmPage("crmReports", "/admin/crm-reports/sales", "viewReports");
  const yearParam = firstParam((await searchParams).year);
  const staff = { id: actor.id, role: actor.role };
  let report: SalesByMonthReport;
  let invalidYear = false;
  try {
    report = await getSalesByMonth(staff, { year: yearParam });
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    report = await getSalesByMonth(staff);
    invalidYear = true;
  }
  const [t, format, locale] = await Promise.all([getTranslations("crmReports.sales"), getFormatter(), getLocale()]);
  const { year, previousYear } = report;
  const monthName = (month: number, style: "long" | "short") => format.dateTime(zonedDayStart(`${year}-${String(month).padStart(2, "0")}-01`), { month: style, timeZone: SHOP_TIME_ZONE });
  const change = (basisPoints: number | null) =>
    basisPoints === null ? t("noChange") : `${basisPoints > 0 ? "+" : ""}${format.number(basisPoints / 10_000, { style: "percent", maximumFractionDigits: 1 })}`;
  const changeClass = (basisPoints: number | null) => (basisPoints === null || basisPoints === 0 ? "text-slate-500" : basisPoints > 0 ? "text-emerald-700" : "text-red-700");

  return (
    <>
      <ReportPrintStyles />
      <PageHeader title={`${t("title")} · ${year}`}>
        <div className="flex flex-wrap items-center gap-2 print:hidden">
          <Link href={`/admin/crm-reports/sales?year=${year - 1}`} className={secondaryButton} data-testid="sales-previous-year">
            {t("previousYearLink", { year: year - 1 })}
          </Link>
          <Link href={`/admin/crm-reports/sales?year=${year + 1}`} className={secondaryButton}>
            {t("nextYearLink", { year: year + 1 })}
          </Link>
          <a href={`/api/admin/crm-reports/sales?year=${year}`} className={secondaryButton} data-testid="sales-csv" download>
            {t("downloadCsv")}
          </a>
          <PrintButton label={t("print")} className={secondaryButton} />
          <Link href="/admin/crm-reports" className="text-sm text-brand-700 hover:underline">
            {t("allReports")}
          </Link>
        </div>
      </PageHeader>
      <p className="-mt-3 mb-5 text-sm text-slate-500">{t("hint", { year, previousYear })}</p>
      {invalidYear ? (
        <p role="alert" className="mb-5 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("invalidYear", { year })}
        </p>
      ) : null}

      <div className="grid gap-6">
        {report.currencies.map(({ currency, months, total }) => {
          const digits = currencyMinorDigits(currency);
          const major = (amount: bigint) => Number(minorUnitsToDecimalString(amount, digits));
          const cell = (figures: SalesFigures, metric: (typeof METRICS)[number]) => (metric === "revenue" ? formatMoney(figures.revenue, currency, locale) : format.number(figures[metric]));
          return (
            <section key={currency} className={`${panel} overflow-hidden`} aria-labelledby={`sales-${currency}`} data-testid={`sales-${currency}`}>
              <div className="px-5 pt-4 pb-3">
                <h2 id={`sales-${currency}`} className="text-base font-semibold">
                  {t("currency", { currency })}
                </h2>
              </div>
              <div className="px-5">
                <SalesChart
                  currency={currency}
                  locale={locale}
                  data={months.map((month) => ({ label: monthName(month.month, "short"), current: major(month.current.revenue), previous: major(month.previous.revenue) }))}
                  labels={{ chart: t("chartLabel", { year, previousYear }), current: String(year), previous: String(previousYear) }}
                />
              </div>
              <div className="overflow-x-auto">
                <table className="min-w-full text-sm">
                  <thead className="border-y border-slate-100 bg-slate-50">
                    <tr>
                      <th scope="col" rowSpan={2} className={`${th} text-left`}>
                        {t("month")}
                      </th>
                      {METRICS.map((metric) => (
                        <th key={metric} scope="colgroup" colSpan={3} className={`${th} border-l border-slate-200 text-center`}>
                          {t(metric)}
                        </th>
                      ))}
                    </tr>
                    <tr>
                      {METRICS.map((metric) => [
                        <th key={`${metric}-y`} scope="col" className={`${th} border-l border-slate-200`} data-testid={`column-${metric}-${year}`}>
                          {year}
                        </th>,
                        <th key={`${metric}-p`} scope="col" className={th} data-testid={`column-${metric}-${previousYear}`}>
                          {previousYear}
                        </th>,
                        <th key={`${metric}-c`} scope="col" className={th}>
                          {t("change")}
                        </th>,
                      ])}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {[...months.map((month) => ({ key: String(month.month), label: monthName(month.month, "long"), row: month })), { key: "total", label: t("total"), row: total }].map(
                      ({ key, label, row }) => (
                        <tr key={key} data-month={key} className={key === "total" ? "bg-slate-50 font-semibold" : undefined}>
                          <th scope="row" className="px-3 py-1.5 text-left font-medium capitalize">
                            {label}
                          </th>
                          {METRICS.map((metric) => [
                            <td key={`${metric}-y`} className={`${td} border-l border-slate-100`}>
                              {cell(row.current, metric)}
                            </td>,
                            <td key={`${metric}-p`} className={`${td} text-slate-500`}>
                              {cell(row.previous, metric)}
                            </td>,
                            <td key={`${metric}-c`} className={`${td} ${changeClass(row.change[metric])}`}>
                              {change(row.change[metric])}
                            </td>,
                          ])}
                        </tr>
                      ),
                    )}
                  </tbody>
                </table>
              </div>
            </section>
          );
        })}
      </div>
    </>
  );
}
