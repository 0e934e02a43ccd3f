// Every order of the customer, newest first, paged on the card.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { OrderStatusBadge } from "@/components/admin/orders/order-status-badge";
import { Table, Td, Th, THead } from "@/components/ui/table";
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
        <Table>
          <THead>
            <Th>{t("orderNumber")}</Th>
            <Th>{t("orderDate")}</Th>
            <Th>{t("orderProduct")}</Th>
            <Th numeric>{t("orderTotal")}</Th>
            <Th>{t("orderStatus")}</Th>
            <Th>{t("paymentStatus")}</Th>
          </THead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.id} data-testid="customer-order">
                <Td>
                  <Link href={`/admin/orders/${order.id}`} className="font-medium text-brand-700 hover:underline">
                    {tOrders("number", { number: order.number })}
                  </Link>
                </Td>
                <Td className="whitespace-nowrap tabular-nums">{format.dateTime(new Date(order.createdAt), { dateStyle: "medium" })}</Td>
                <Td>{order.product}</Td>
                <Td numeric>{formatMoney(order.total, order.currency, locale)}</Td>
                <Td>
                  <OrderStatusBadge status={order.status} label={tStatus(order.status)} />
                </Td>
                <Td className="text-sm">{tOrders(`paymentStatuses.${order.paymentStatus}`)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
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
