import { formatDistanceToNow } from "date-fns";
import { enUS, ru } from "date-fns/locale";
import Link from "next/link";
import type { DateTimeFormatOptions } from "next-intl";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { OrdersByDayChart } from "@/components/admin/charts/orders-by-day-chart";
import { panel } from "@/components/ui/styles";
import { PageHeader } from "@/components/admin/page-header";
import { requireStaffPage } from "@/lib/auth/guard";
import { canOpenSection, sectionRoles } from "@/lib/auth/permissions";
import { formatMoney } from "@/lib/money/format";
import { readQueueHeartbeat } from "@/lib/queue/heartbeat";
import { formatRate } from "@/lib/reports/compute-rates";
import { getGeneralStats } from "@/lib/reports/get-general-stats";
import { periodInput, withPeriodFallback, type SearchParams } from "@/lib/reports/period-params";
import { PERIOD_PRESETS, zonedDayStart } from "@/lib/reports/resolve-period";
import { CustomPeriodForm, InvalidPeriodNotice, PeriodPresetNav } from "@/components/admin/custom-period-form";
import { MyDueTasks } from "@/components/crm/tasks/my-due-tasks";

export default async function AdminHomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaffPage(sectionRoles("home"), "/admin");
  const params = await searchParams;
  const [t, tHome, format, locale, heartbeat, { result: stats, invalidFields }] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("home"),
    getFormatter(),
    getLocale(),
    readQueueHeartbeat(),
    // A bad period in the URL falls back to today and names what was wrong.
    withPeriodFallback(getGeneralStats, periodInput(params)),
  ]);
  const { orders, buyout, rates, period } = stats;
  const dayText = (day: string, options: DateTimeFormatOptions) => format.dateTime(zonedDayStart(day, period.timeZone), { ...options, timeZone: period.timeZone });
  const chartData = stats.byDay.map((point) => ({ ...point, label: dayText(point.day, { day: "numeric", month: "short" }) }));
  const canSeeOrders = canOpenSection(actor.role, "orders");
  const ordersLink = (extra: Record<string, string> = {}) => `/admin/orders?${new URLSearchParams({ ...extra, from: period.fromDay, to: period.toDay })}`;

  const breakdown = [
    { key: "codUnconfirmed", value: orders.codUnconfirmed, dot: "bg-amber-400", href: ordersLink({ tab: "UNCONFIRMED" }) },
    { key: "codConfirmedUnpaid", value: orders.codConfirmedUnpaid, dot: "bg-sky-500" },
    { key: "codConfirmedPaid", value: orders.codConfirmedPaid, dot: "bg-emerald-500" },
    { key: "prepaidPaid", value: orders.prepaidPaid, dot: "bg-violet-500", href: ordersLink({ paymentMethod: "PREPAID" }) },
    { key: "duplicateOrSpam", value: orders.duplicateOrSpam, dot: "bg-slate-400" },
  ] as const;

  return (
    <>
      <PageHeader title={t("title")}>
        <PeriodPresetNav label={t("period")} current={period.kind} items={PERIOD_PRESETS.map((preset) => ({ preset, href: `/admin?period=${preset}`, text: t(`periods.${preset}`) }))} />
      </PageHeader>

      <div className="-mt-3 mb-5 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-500" data-testid="period-range">
          {period.fromDay === period.toDay
            ? t("rangeDay", { day: dayText(period.fromDay, { dateStyle: "full" }) })
            : t("range", { from: dayText(period.fromDay, { dateStyle: "medium" }), to: dayText(period.toDay, { dateStyle: "medium" }) })}
        </p>
        <CustomPeriodForm action="/admin" period={period} labels={{ from: t("from"), to: t("to"), show: t("show"), form: t("periods.custom") }} />
      </div>

      <InvalidPeriodNotice
        message={invalidFields.length ? t("invalidPeriod", { fields: invalidFields.map((field) => (field === "from" || field === "to" ? t(field) : t("period"))).join(", ") }) : null}
      />

      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Kpi label={t("orders")} hint={t("ordersHint")} testId="stat-orders" value={String(orders.total)} raw={orders.total} data={{ "data-confirmed": orders.confirmed }}>
          {t("confirmed", { count: orders.confirmed })}
        </Kpi>
        <Kpi label={t("approveRate")} hint={t("approveHint")} testId="stat-approve-rate" value={formatRate(rates.approveRate, locale)} raw={rates.approveRate}>
          {t("validApprove", { rate: formatRate(rates.validApproveRate, locale) })}
        </Kpi>
        <Kpi
          label={t("buyoutRate")}
          hint={t("buyoutHint", { paid: buyout.paid, shipped: buyout.shipped })}
          testId="stat-buyout-rate"
          value={formatRate(rates.buyoutRate, locale)}
          raw={rates.buyoutRate}
          data={{ "data-shipped": buyout.shipped, "data-paid": buyout.paid }}
        />
        <div className="card" data-testid="stat-paid-sum">
          <div className="text-sm font-medium text-slate-500">{t("paidSum")}</div>
          {stats.paidSums.length ? (
            <ul className="mt-1">
              {stats.paidSums.map((sum) => (
                <li key={sum.currency} className="text-2xl font-semibold tracking-tight tabular-nums" data-testid={`paid-sum-${sum.currency}`} data-amount-minor={sum.amountMinor.toString()}>
                  {formatMoney(sum.amountMinor, sum.currency, locale)}
                </li>
              ))}
            </ul>
          ) : (
            <div className="mt-1 text-2xl font-semibold tracking-tight text-slate-500">{t("nothingPaid")}</div>
          )}
          <div className="mt-1 text-xs text-slate-500">{t("paidSumHint")}</div>
        </div>
      </div>

      <div className="mt-6 grid gap-6 xl:grid-cols-3">
        <section className="card flex flex-col xl:col-span-2" aria-labelledby="chart-title">
          <h2 id="chart-title" className="mb-3 text-base font-semibold">
            {t("chart")}
          </h2>
          {orders.total ? (
            <OrdersByDayChart data={chartData} labels={{ orders: t("chartOrders"), confirmed: t("chartConfirmed") }} />
          ) : (
            <p className="flex h-64 items-center justify-center text-sm text-slate-500">{t("chartEmpty")}</p>
          )}
        </section>

        <section className={`${panel} flex flex-col`} aria-labelledby="breakdown-title">
          <div className="px-5 pt-4">
            <h2 id="breakdown-title" className="text-base font-semibold">
              {t("breakdown")}
            </h2>
            <p className="text-xs text-slate-500">{t("breakdownHint")}</p>
          </div>
          <ul className="mt-3 divide-y divide-slate-100 border-t border-slate-100" data-testid="orders-breakdown">
            {breakdown.map((row) => (
              <li key={row.key} className="flex items-center justify-between gap-3 px-5 py-2.5 text-sm">
                <span className="flex items-center gap-2 text-slate-700">
                  <span className={`size-2 shrink-0 rounded-full ${row.dot}`} aria-hidden />
                  {"href" in row && canSeeOrders ? (
                    <Link href={row.href} className="hover:underline">
                      {t(row.key)}
                    </Link>
                  ) : (
                    t(row.key)
                  )}
                </span>
                <span className="font-semibold tabular-nums" data-testid={`stat-${row.key}`} data-value={row.value}>
                  {row.value}
                </span>
              </li>
            ))}
          </ul>
          {canSeeOrders ? (
            <div className="mt-auto border-t border-slate-100 px-5 py-3">
              <Link href={ordersLink()} className="text-sm font-medium text-brand-700 hover:underline">
                {t("openOrders")} →
              </Link>
            </div>
          ) : null}
        </section>
      </div>

      <MyDueTasks />

      <section className="card mt-6 flex max-w-md items-center justify-between gap-4 py-3" aria-label={tHome("health")}>
        <div className="text-sm text-slate-500">{tHome("worker")}</div>
        <div className={`flex items-center gap-2 text-sm ${heartbeat?.alive ? "text-emerald-700" : "text-amber-700"}`} data-testid="worker-heartbeat">
          <span className={`size-2 rounded-full ${heartbeat?.alive ? "bg-emerald-500" : "bg-amber-500"}`} aria-hidden />
          {heartbeat ? tHome("workerSeen", { time: formatDistanceToNow(heartbeat.ranAt, { addSuffix: true, locale: locale === "ru" ? ru : enUS }) }) : tHome("workerNever")}
        </div>
      </section>
    </>
  );
}

interface KpiProps {
  label: string;
  hint: string;
  value: string;
  /** The unformatted value, for tests and scripts reading the page. */
  raw: number | null;
  testId: string;
  data?: Record<`data-${string}`, number>;
  children?: React.ReactNode;
}

function Kpi({ label, hint, value, raw, testId, data, children }: KpiProps) {
  return (
    <div className="card" data-testid={testId} data-value={raw ?? ""} {...data}>
      <div className="text-sm font-medium text-slate-500">{label}</div>
      <div className="mt-1 text-2xl font-semibold tracking-tight tabular-nums">{value}</div>
      {children ? <div className="mt-0.5 text-sm text-slate-600">{children}</div> : null}
      <div className="mt-1 text-xs text-slate-500">{hint}</div>
    </div>
  );
}
