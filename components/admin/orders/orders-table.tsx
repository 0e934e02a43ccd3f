import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { OrderListItem } from "@/lib/orders/list-orders";
import { formatMoney } from "@/lib/money/format";
import { SelectAllCheckbox } from "./bulk-status-form";
import { OrderStatusBadge } from "./order-status-badge";

/** The dense order table; rows carry checkboxes when a bulk form wraps it. */
export async function OrdersTable({ items, selectable }: { items: OrderListItem[]; selectable: boolean }) {
  const [t, tStatus, format, locale] = await Promise.all([getTranslations("orders"), getTranslations("orderStatus"), getFormatter(), getLocale()]);
  return (
    <div className="overflow-x-auto">
      <table className="table" data-testid="orders-table">
        <thead className="bg-slate-50/60">
          <tr>
            {selectable ? (
              <th className="w-8">
                <SelectAllCheckbox label={t("bulk.selectAll")} />
              </th>
            ) : null}
            <th>{t("columns.number")}</th>
            <th>{t("columns.customer")}</th>
            <th>{t("columns.product")}</th>
            <th className="text-right">{t("columns.total")}</th>
            <th>{t("columns.paymentMethod")}</th>
            <th>{t("columns.status")}</th>
            <th>{t("columns.partner")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((order) => {
            const [first, ...rest] = order.items;
            return (
              <tr key={order.id} className="hover:bg-slate-50" data-testid="order-row" data-order-id={order.id} data-order-number={order.number}>
                {selectable ? (
                  <td>
                    <input type="checkbox" name="orderIds" value={order.id} aria-label={t("bulk.selectOrder", { number: order.number })} className="size-4 rounded border-slate-300" />
                  </td>
                ) : null}
                <td className="whitespace-nowrap tabular-nums">
                  <Link href={`/admin/orders/${order.id}`} className="font-medium text-brand-700 hover:underline">
                    {t("number", { number: order.number })}
                  </Link>
                  <div className="text-xs text-slate-500">{format.dateTime(order.createdAt, { dateStyle: "short", timeStyle: "short" })}</div>
                </td>
                <td className="max-w-52">
                  <Link href={`/admin/orders/${order.id}`} className="block truncate font-medium text-slate-900 hover:underline">
                    {order.customerName ?? order.email ?? "—"}
                  </Link>
                  <div className="truncate text-xs text-slate-500 tabular-nums">{[order.phone, order.city].filter(Boolean).join(" · ") || "—"}</div>
                </td>
                <td className="max-w-48">
                  <div className="truncate">{first ? `${first.productName}${first.quantity > 1 ? ` × ${first.quantity}` : ""}` : order.product.name}</div>
                  {rest.length ? <div className="text-xs text-slate-500">{t("moreItems", { count: rest.length })}</div> : null}
                </td>
                <td className="whitespace-nowrap text-right font-medium tabular-nums">{formatMoney(order.total, order.currency, locale)}</td>
                <td className="whitespace-nowrap text-slate-600">
                  <span title={t(`paymentMethods.${order.paymentMethod}`)}>{t(`paymentMethodsShort.${order.paymentMethod}`)}</span>
                </td>
                <td>
                  <OrderStatusBadge status={order.status} label={tStatus(order.status)} />
                </td>
                <td className="whitespace-nowrap text-slate-600">{order.partner ? order.partner.login : <span className="text-slate-400">—</span>}</td>
              </tr>
            );
          })}
          {items.length === 0 ? (
            <tr>
              <td colSpan={selectable ? 8 : 7} className="py-12 text-center text-slate-500">
                {t("empty")}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
