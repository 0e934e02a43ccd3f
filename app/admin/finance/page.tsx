import type { DateTimeFormatOptions } from "next-intl";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CustomPeriodForm, InvalidPeriodNotice, PeriodPresetNav } from "@/components/admin/custom-period-form";
import { CoOwnersTable } from "@/components/admin/finance/coowners-table";
import { FinanceMonthsTable } from "@/components/admin/finance/finance-months-table";
import { FinanceTotalsTable } from "@/components/admin/finance/finance-totals-table";
import { PageHeader } from "@/components/admin/page-header";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { getCoOwnerShares } from "@/lib/reports/get-coowner-shares";
import { getFinanceReport, type FinanceReport } from "@/lib/reports/get-finance-report";
import { periodInput, withPeriodFallback, type SearchParams } from "@/lib/reports/period-params";
import { PERIOD_PRESETS, zonedDayStart, type TPeriodInput } from "@/lib/reports/resolve-period";

// Accounting thinks in months: without a period in the URL the report shows the current one.
const DEFAULT_PERIOD: TPeriodInput = { period: "month" };

export default async function FinancePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaffPage(sectionRoles("finance"), "/admin/finance");
  const params = await searchParams;
  const [t, tPeriod, format, locale, { result: report, invalidFields }] = await Promise.all([
    getTranslations("finance"),
    getTranslations("dashboard"),
    getFormatter(),
    getLocale(),
    // A bad period in the URL falls back to this month and names what was wrong.
    withPeriodFallback(getFinanceReport, periodInput(params), DEFAULT_PERIOD),
  ]);
  const { period } = report;
  const dayText = (day: string, options: DateTimeFormatOptions) => format.dateTime(zonedDayStart(day, period.timeZone), { ...options, timeZone: period.timeZone });
  const labels = {
    currency: t("currency"),
    orders: t("orders"),
    empty: t("empty"),
    columns: { revenue: t("revenue"), shipping: t("shipping"), baseCost: t("baseCost"), commissions: t("commissions"), margin: t("margin") },
  };
  const months = report.byMonth.months.map((month) => ({
    month,
    label: format.dateTime(zonedDayStart(`${month}-01`, period.timeZone), { month: "long", year: "numeric", timeZone: period.timeZone }),
  }));

  return (
    <>
      <PageHeader title={t("title")}>
        <PeriodPresetNav
          label={tPeriod("period")}
          current={period.kind}
          items={PERIOD_PRESETS.map((preset) => ({ preset, href: `/admin/finance?period=${preset}`, text: tPeriod(`periods.${preset}`) }))}
        />
      </PageHeader>

      <div className="-mt-3 mb-5 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-500" data-testid="period-range">
          {period.fromDay === period.toDay
            ? tPeriod("rangeDay", { day: dayText(period.fromDay, { dateStyle: "full" }) })
            : tPeriod("range", { from: dayText(period.fromDay, { dateStyle: "medium" }), to: dayText(period.toDay, { dateStyle: "medium" }) })}
        </p>
        <CustomPeriodForm action="/admin/finance" period={period} labels={{ from: tPeriod("from"), to: tPeriod("to"), show: tPeriod("show"), form: tPeriod("periods.custom") }} />
      </div>

      <InvalidPeriodNotice
        message={
          invalidFields.length ? t("invalidPeriod", { fields: invalidFields.map((field) => (field === "from" || field === "to" ? tPeriod(field) : tPeriod("period"))).join(", ") }) : null
        }
      />

      <div className="grid gap-6">
        <FinanceTotalsTable id="received" title={t("received")} hint={t("receivedHint")} rows={report.received} locale={locale} labels={labels} />
        <FinanceTotalsTable id="expected" title={t("expected")} hint={t("expectedHint")} rows={report.expected} locale={locale} labels={labels} />
        <CoOwnersSection period={period} locale={locale} />
        <FinanceMonthsTable
          title={t("byMonth")}
          hint={t("byMonthHint")}
          months={months}
          rows={report.byMonth.rows}
          locale={locale}
          labels={{ ...labels, month: t("month"), noMoney: t("noMoney") }}
        />
      </div>
    </>
  );
}

/** Finance → Co-owners for the report's period (lib/reports/get-coowner-shares), with its CSV link. */
async function CoOwnersSection({ period, locale }: { period: FinanceReport["period"]; locale: string }) {
  const [t, format, shares] = await Promise.all([getTranslations("finance"), getFormatter(), getCoOwnerShares(period)]);
  // A label per month, not per total: each is a time-zone lookup and a date format.
  const label = (month: string) => format.dateTime(zonedDayStart(`${month}-01`, period.timeZone), { month: "long", year: "numeric", timeZone: period.timeZone });
  const monthLabels = new Map([...new Set(shares.totals.map((total) => total.month))].map((month) => [month, label(month)]));
  return (
    <CoOwnersTable
      shares={shares}
      monthLabel={(month) => monthLabels.get(month) ?? label(month)}
      locale={locale}
      csvHref={`/api/admin/finance/coowners?${new URLSearchParams({ from: period.fromDay, to: period.toDay })}`}
      labels={{
        title: t("coowners.title"),
        hint: t("coowners.hint"),
        empty: t("coowners.empty"),
        download: t("coowners.download"),
        coOwner: t("coowners.coOwner"),
        currency: t("currency"),
        columns: { revenue: t("revenue"), baseCost: t("baseCost"), commissions: t("commissions"), margin: t("margin"), share: t("coowners.share") },
      }}
    />
  );
}
