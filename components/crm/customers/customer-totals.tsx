// The numbers a customer is judged by: orders, bought-out revenue (per currency, exact; and the
// RUB total the segments rank by), approve and buyout rate (lib/reports' one definition).
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { CustomerCard, CustomerTotals as Totals } from "@/lib/crm/customers/get-customer";
import { formatRate } from "@/lib/reports/compute-rates";
import { formatMoney } from "@/lib/money/format";

export async function CustomerTotals({ customer, totals }: { customer: CustomerCard; totals: Totals }) {
  const [t, format, locale] = await Promise.all([getTranslations("crmCustomers.card"), getFormatter(), getLocale()]);
  const row = (label: string, value: React.ReactNode, testId?: string, hint?: string) => (
    <div className="contents">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-right tabular-nums" data-testid={testId}>
        {value}
        {hint ? <div className="text-xs text-slate-500">{hint}</div> : null}
      </dd>
    </div>
  );
  return (
    <section className="card" aria-labelledby="customer-totals-title" data-testid="customer-totals">
      <h2 id="customer-totals-title" className="mb-2 text-base font-semibold">
        {t("totals")}
      </h2>
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
        {row(t("ordersCount"), totals.outcomes.total, "totals-orders")}
        {row(
          t("paidRevenue"),
          totals.paidByCurrency.length ? totals.paidByCurrency.map((paid) => <div key={paid.currency}>{formatMoney(BigInt(paid.amountMinor), paid.currency, locale)}</div>) : t("noPaid"),
          "totals-paid",
        )}
        {totals.paidByCurrency.some((paid) => paid.currency !== "RUB") ? row(t("paidRevenueHome"), formatMoney(BigInt(customer.paidRevenueMinor), "RUB", locale)) : null}
        {row(t("approveRate"), formatRate(totals.rates.approveRate, locale), "totals-approve")}
        {row(t("validApproveRate"), formatRate(totals.rates.validApproveRate, locale))}
        {row(t("buyoutRate"), formatRate(totals.rates.buyoutRate, locale), "totals-buyout", t("buyoutHint", { paid: totals.shippedAndPaid, shipped: totals.shipped }))}
        {row(t("lastOrder"), customer.lastOrderAt ? format.dateTime(new Date(customer.lastOrderAt), { dateStyle: "medium" }) : t("none"))}
      </dl>
    </section>
  );
}
