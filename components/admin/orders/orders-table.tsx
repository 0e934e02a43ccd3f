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
      <table className="table orders-table" data-testid="orders-table">
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
          {/* 50 rows go out twice (the HTML and the RSC payload): cells are styled by .orders-table in
              globals.css rather than by long class lists, and the row links do not prefetch 100 order pages. */}
          {items.map((order) => {
            const [first, ...rest] = order.items;
            const href = `/admin/orders/${order.id}`;
            return (
              <tr key={order.id} data-testid="order-row" data-order-id={order.id} data-order-number={order.number}>
                {selectable ? (
                  <td>
                    <input type="checkbox" name="orderIds" value={order.id} aria-label={t("bulk.selectOrder", { number: order.number })} />
                  </td>
                ) : null}
                <td className="o-num">
                  <Link href={href} prefetch={false}>
                    {t("number", { number: order.number })}
                  </Link>
                  <small>{format.dateTime(order.createdAt, { dateStyle: "short", timeStyle: "short" })}</small>
                </td>
                <td className="o-who">
                  <Link href={href} prefetch={false}>
                    {order.customerName ?? order.email ?? "—"}
                  </Link>
                  <small>{[order.phone, order.city].filter(Boolean).join(" · ") || "—"}</small>
                </td>
                <td className="o-what">
                  <div>{first ? `${first.productName}${first.quantity > 1 ? ` × ${first.quantity}` : ""}` : order.product.name}</div>
                  {rest.length ? <small>{t("moreItems", { count: rest.length })}</small> : null}
                </td>
                <td className="o-sum">{formatMoney(order.total, order.currency, locale)}</td>
                <td className="o-dim">
                  <span title={t(`paymentMethods.${order.paymentMethod}`)}>{t(`paymentMethodsShort.${order.paymentMethod}`)}</span>
                </td>
                <td>
                  <OrderStatusBadge status={order.status} label={tStatus(order.status)} />
                </td>
                <td className="o-dim">{order.partner ? order.partner.login : "—"}</td>
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
