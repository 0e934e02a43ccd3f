// Every order of the customer, newest first, paged on the card.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { OrderStatusBadge } from "@/components/admin/orders/order-status-badge";
import type { CustomerCardOrder } from "@/lib/crm/customers/get-customer";
import { formatMoney } from "@/lib/money/format";

export async function CustomerOrders({ orders, olderHref, newestHref }: { orders: CustomerCardOrder[]; olderHref: string | null; newestHref: string | null }) {
  const [t, tStatus, tOrders, format, locale] = await Promise.all([
    getTranslations("crmCustomers.card"),
    getTranslations("orderStatus"),
    getTranslations("orders"),
    getFormatter(),
    getLocale(),
  ]);
  return (
    <section className="card" aria-labelledby="customer-orders-title" data-testid="customer-orders">
      <h2 id="customer-orders-title" className="mb-3 text-base font-semibold">
        {t("orders")}
      </h2>
      {orders.length ? (
        <div className="overflow-x-auto">
          <table className="table">
            <thead>
              <tr>
                <th>{t("orderNumber")}</th>
                <th>{t("orderDate")}</th>
                <th>{t("orderProduct")}</th>
                <th className="text-right">{t("orderTotal")}</th>
                <th>{t("orderStatus")}</th>
                <th>{t("paymentStatus")}</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((order) => (
                <tr key={order.id} data-testid="customer-order">
                  <td>
                    <Link href={`/admin/orders/${order.id}`} className="font-medium text-brand-700 hover:underline">
                      {tOrders("number", { number: order.number })}
                    </Link>
                  </td>
                  <td className="whitespace-nowrap tabular-nums">{format.dateTime(new Date(order.createdAt), { dateStyle: "medium" })}</td>
                  <td>{order.product}</td>
                  <td className="text-right tabular-nums">{formatMoney(order.total, order.currency, locale)}</td>
                  <td>
                    <OrderStatusBadge status={order.status} label={tStatus(order.status)} />
                  </td>
                  <td className="text-sm">{tOrders(`paymentStatuses.${order.paymentStatus}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-sm text-slate-500">{t("noOrders")}</p>
      )}
      {olderHref || newestHref ? (
        <div className="mt-3 flex gap-3 text-sm print:hidden">
          {newestHref ? (
            <Link href={newestHref} className="text-brand-700 hover:underline">
              {t("newestOrders")}
            </Link>
          ) : null}
          {olderHref ? (
            <Link href={olderHref} className="text-brand-700 hover:underline" data-testid="orders-older">
              {t("olderOrders")} →
            </Link>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
