// An order's lines and totals on the shopper's pages after ordering (from getPublicOrder).
import { useLocale, useTranslations } from "next-intl";
import type { TPublicOrder } from "@/lib/checkout/get-public-order";
import { formatMoney } from "@/lib/money/format";

// The shop's own verdicts are not the shopper's business: SPAM reads as cancelled, and a
// DUPLICATE as a repeat of an order the shop already has.
export function OrderSummaryCard({ order }: { order: TPublicOrder }) {
  const t = useTranslations();
  const locale = useLocale();
  const money = (amount: number) => formatMoney(amount, order.currency, locale);
  return (
    <section aria-labelledby="order-summary-heading" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <h2 id="order-summary-heading" className="text-base font-semibold text-slate-900">
          {t("orderPages.orderNumber", { number: order.number })}
        </h2>
        <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-sm font-medium text-slate-700" data-testid="order-status">
          {order.status === "DUPLICATE" ? t("orderPages.duplicateStatus") : t(`orderStatus.${order.status === "SPAM" ? "CANCELLED" : order.status}`)}
        </span>
      </div>
      <dl className="flex flex-col gap-2 text-sm">
        {order.items.map((item, index) => (
          <div key={index} className="flex justify-between gap-4">
            <dt className="text-slate-700">{t("checkout.summary.line", { name: item.name, quantity: item.quantity })}</dt>
            <dd className="whitespace-nowrap tabular-nums">{money(item.total)}</dd>
          </div>
        ))}
        {order.discountTotal > 0 ? (
          <div className="flex justify-between gap-4 text-emerald-700">
            <dt>{t("orderPages.discount")}</dt>
            <dd className="whitespace-nowrap tabular-nums">−{money(order.discountTotal)}</dd>
          </div>
        ) : null}
        <div className="flex justify-between gap-4">
          <dt className="text-slate-600">{t("checkout.summary.shipping")}</dt>
          <dd className="whitespace-nowrap tabular-nums">{order.shippingTotal === 0 ? t("checkout.summary.freeShipping") : money(order.shippingTotal)}</dd>
        </div>
        <div className="mt-1 flex justify-between gap-4 border-t border-slate-200 pt-3 text-base font-semibold">
          <dt>{t("checkout.summary.total")}</dt>
          <dd className="whitespace-nowrap tabular-nums" data-testid="order-total">
            {money(order.total)}
          </dd>
        </div>
        <div className="flex justify-between gap-4 pt-1">
          <dt className="text-slate-600">{t("orderPages.paymentMethod")}</dt>
          <dd className="text-right">
            {t(`checkout.paymentMethods.${order.paymentMethod}.title`)}
            {order.paymentStatus === "PAID" ? <span className="ml-2 text-emerald-700">· {t("orderPages.paid")}</span> : null}
          </dd>
        </div>
      </dl>
    </section>
  );
}
