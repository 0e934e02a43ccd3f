import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { panel, smallControl, smallPrimaryButton } from "@/components/ui/styles";
import { PageHeader } from "@/components/admin/page-header";
import { firstParam, periodInput, withPeriodFallback, type SearchParams } from "@/lib/reports/period-params";
import { PartnerPeriodPicker } from "@/components/partner/period-picker";
import { listPartnerOrders } from "@/lib/affiliates/cabinet/list-partner-orders";
import { requirePartnerPage } from "@/lib/auth/guard";
import { formatMoney } from "@/lib/money/format";

export default async function PartnerOrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePartnerPage("/partner/orders");
  const params = await searchParams;
  const number = firstParam(params.number);
  const page = firstParam(params.page);
  const [t, tStatus, format, locale, { result, invalidFields }] = await Promise.all([
    getTranslations("cabinet"),
    getTranslations("orderStatus"),
    getFormatter(),
    getLocale(),
    withPeriodFallback((period) => listPartnerOrders(actor.id, { ...period, number, page }), periodInput(params)),
  ]);
  const { period, rows, total } = result;
  const periodParams: Record<string, string> = period.kind === "custom" ? { period: "custom", from: period.fromDay, to: period.toDay } : { period: period.kind };
  // A malformed number ("abc") is ignored: the period's orders are shown instead.
  const searching = result.number !== null;
  const pages = Math.max(1, Math.ceil(total / result.pageSize));
  const time = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "short", timeZone: period.timeZone });

  return (
    <>
      <PageHeader title={t("ordersTitle")}>
        <form action="/partner/orders" method="get" className="flex items-center gap-2" role="search">
          {Object.entries(periodParams).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <label className="sr-only" htmlFor="order-number">
            {t("findOrder")}
          </label>
          <input id="order-number" name="number" inputMode="numeric" defaultValue={number ?? ""} placeholder={t("findOrder")} className={`${smallControl} w-36`} />
          <button type="submit" className={smallPrimaryButton}>
            {t("find")}
          </button>
        </form>
      </PageHeader>

      {searching ? (
        <p className="mb-4 text-sm">
          <Link href={`/partner/orders?${new URLSearchParams(periodParams)}`} className="font-medium text-brand-700 hover:underline">
            ← {t("showAll")}
          </Link>
        </p>
      ) : (
        <PartnerPeriodPicker action="/partner/orders" period={period} invalidFields={invalidFields} />
      )}

      <section className={panel}>
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="partner-orders">
            <thead className="border-b border-slate-100 bg-slate-50 text-left text-xs font-medium text-slate-500">
              <tr>
                <th className="px-4 py-2">{t("columns.number")}</th>
                <th className="px-3 py-2">{t("columns.date")}</th>
                <th className="px-3 py-2">{t("columns.product")}</th>
                <th className="px-3 py-2">{t("columns.status")}</th>
                <th className="px-3 py-2 text-right">{t("columns.total")}</th>
                <th className="px-3 py-2 text-right">{t("columns.commission")}</th>
                <th className="px-3 py-2">{t("columns.subs")}</th>
                <th className="px-4 py-2">{t("columns.customer")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {rows.map((order) => (
                <tr key={order.number} data-testid="partner-order" data-number={order.number} data-status={order.status}>
                  <td className="px-4 py-2 font-mono">{order.number}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{time(order.createdAt)}</td>
                  <td className="px-3 py-2">{order.productName}</td>
                  <td className="px-3 py-2">
                    <div className="font-medium">{tStatus(order.status)}</div>
                    <details className="mt-0.5 text-xs text-slate-500">
                      <summary className="cursor-pointer">{t("timeline")}</summary>
                      <ol className="mt-1 space-y-0.5" data-testid="order-timeline">
                        {order.timeline.map((step, index) => (
                          <li key={index}>
                            <span className="tabular-nums">{time(step.at)}</span> · {tStatus(step.toStatus)}
                            {step.reason ? <span className="text-slate-600"> — {step.reason}</span> : null}
                          </li>
                        ))}
                      </ol>
                    </details>
                  </td>
                  <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{formatMoney(order.total, order.currency, locale)}</td>
                  <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                    {order.commission ? (
                      <>
                        {formatMoney(order.commission.amount, order.commission.currency, locale)}
                        <div className="text-xs text-slate-500">{t(`commissionStatuses.${order.commission.status}`)}</div>
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="min-w-28 px-3 py-2 font-mono text-xs break-all" data-testid="order-subs">
                    {order.subs.some(Boolean) ? order.subs.map((sub, index) => (sub ? <div key={index}>{`sub${index + 1}=${sub}`}</div> : null)) : "—"}
                  </td>
                  <td className="px-4 py-2 whitespace-nowrap" data-testid="order-customer">
                    <div>{order.customerName}</div>
                    <div className="font-mono text-xs text-slate-500">{order.customerPhone}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {rows.length ? null : <p className="px-4 py-6 text-center text-sm text-slate-500">{searching ? t("orderNotFound") : t("ordersEmpty")}</p>}
        <div className="flex items-center justify-between border-t border-slate-100 px-4 py-2 text-sm text-slate-500">
          <span data-testid="orders-count">{t("ordersCount", { count: total })}</span>
          {pages > 1 ? (
            <span className="flex gap-3">
              {result.page > 1 ? <Link href={`/partner/orders?${new URLSearchParams({ ...periodParams, page: String(result.page - 1) })}`}>{t("previous")}</Link> : null}
              {result.page < pages ? <Link href={`/partner/orders?${new URLSearchParams({ ...periodParams, page: String(result.page + 1) })}`}>{t("next")}</Link> : null}
            </span>
          ) : null}
        </div>
      </section>
    </>
  );
}
