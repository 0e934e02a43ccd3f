// One page of the customer list.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { CustomerListItem } from "@/lib/crm/customers/list-customers";
import { formatMoney } from "@/lib/money/format";

export async function CustomersTable({ items }: { items: CustomerListItem[] }) {
  const [t, format, locale] = await Promise.all([getTranslations("crmCustomers"), getFormatter(), getLocale()]);
  if (!items.length) return <p className="px-5 py-8 text-center text-sm text-slate-500">{t("empty")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="table" data-testid="customers-table">
        <thead>
          <tr>
            <th>{t("columns.name")}</th>
            <th>{t("columns.contacts")}</th>
            <th>{t("columns.tags")}</th>
            <th className="text-right">{t("columns.orders")}</th>
            <th className="text-right">{t("columns.revenue")}</th>
            <th>{t("columns.lastOrder")}</th>
            <th>{t("columns.segment")}</th>
            <th>{t("columns.responsible")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((customer) => (
            <tr key={customer.id} data-testid="customer-row">
              <td>
                <Link href={`/admin/customers/${customer.id}`} className="font-medium text-brand-700 hover:underline">
                  {customer.name ?? t("card.noName")}
                </Link>
                <div className="text-xs text-slate-500">
                  {t(`types.${customer.type}`)}
                  {customer.legalName ? ` · ${customer.legalName}` : ""}
                </div>
              </td>
              <td className="text-sm">
                {customer.phone ? <div className="tabular-nums">{customer.phone}</div> : null}
                {customer.email ? <div className="break-all text-slate-600">{customer.email}</div> : null}
              </td>
              <td>
                <div className="flex flex-wrap gap-1">
                  {customer.tags.map((tag) => (
                    <span key={tag} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                      {tag}
                    </span>
                  ))}
                </div>
              </td>
              <td className="text-right tabular-nums">{customer.ordersCount}</td>
              <td className="text-right tabular-nums">{formatMoney(customer.paidRevenue, "RUB", locale)}</td>
              <td className="whitespace-nowrap tabular-nums">{customer.lastOrderAt ? format.dateTime(customer.lastOrderAt, { dateStyle: "medium" }) : "—"}</td>
              <td className="text-sm">{[customer.abcClass, customer.rfmSegment, customer.segmentName].filter(Boolean).join(" · ") || "—"}</td>
              <td className="text-sm">{customer.responsibleName ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
