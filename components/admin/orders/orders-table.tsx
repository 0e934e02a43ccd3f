import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PAYMENT_METHODS, type OrderListItem } from "@/lib/orders/list-orders";
import { ORDER_STATUSES } from "@/lib/orders/transitions";
import { formatMoney } from "@/lib/money/format";
import { SelectAllCheckbox } from "./bulk-status-form";
import { NUMBER_SLOT } from "./number-slot";
import { OrderRows, type OrderRowLabels, type OrderRowView } from "./order-rows";

/** The dense order table; rows carry checkboxes when a bulk form wraps it. */
export async function OrdersTable({ items, selectable }: { items: OrderListItem[]; selectable: boolean }) {
  const [t, tStatus, format, locale] = await Promise.all([getTranslations("orders"), getTranslations("orderStatus"), getFormatter(), getLocale()]);
  const rowView = (order: OrderListItem): OrderRowView => {
    const [first, ...rest] = order.items;
    return {
      id: order.id,
      number: order.number,
      createdAt: format.dateTime(order.createdAt, { dateStyle: "short", timeStyle: "short" }),
      customer: order.customerName ?? order.email ?? "—",
      contact: [order.phone, order.city].filter(Boolean).join(" · ") || "—",
      firstItem: first ? `${first.productName}${first.quantity > 1 ? ` × ${first.quantity}` : ""}` : order.product.name,
      moreItems: rest.length ? t("moreItems", { count: rest.length }) : null,
      total: formatMoney(order.total, order.currency, locale),
      paymentMethod: order.paymentMethod,
      status: order.status,
      partner: order.partner ? order.partner.login : "—",
    };
  };
  const labels: OrderRowLabels = {
    paymentMethods: Object.fromEntries(
      PAYMENT_METHODS.map((method) => [method, { short: t(`paymentMethodsShort.${method}`), title: t(`paymentMethods.${method}`) }]),
    ) as OrderRowLabels["paymentMethods"],
    statuses: Object.fromEntries(ORDER_STATUSES.map((status) => [status, tStatus(status)])) as OrderRowLabels["statuses"],
    number: t("number", { number: NUMBER_SLOT }),
    selectOrder: t("bulk.selectOrder", { number: NUMBER_SLOT }),
  };
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
          {/* 50 rows go out twice (the HTML and the RSC payload): the rows travel as their texts to
              OrderRows, cells are styled by .orders-table in globals.css rather than by long class lists,
              and the row links do not prefetch 100 order pages. */}
          <OrderRows rows={items.map((order) => rowView(order))} labels={labels} selectable={selectable} />
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
