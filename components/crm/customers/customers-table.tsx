// One page of the customer list.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Table, Td, Th, THead } from "@/components/ui/table";
import type { CustomerListItem } from "@/lib/crm/customers/list-customers";
import { formatMoney } from "@/lib/money/format";

export async function CustomersTable({ items }: { items: CustomerListItem[] }) {
  const [t, format, locale] = await Promise.all([getTranslations("crmCustomers"), getFormatter(), getLocale()]);
  if (!items.length) return <p className="px-5 py-8 text-center text-sm text-slate-500">{t("empty")}</p>;
  return (
    <Table testId="customers-table">
      <THead>
        <Th>{t("columns.name")}</Th>
        <Th>{t("columns.contacts")}</Th>
        <Th>{t("columns.tags")}</Th>
        <Th numeric>{t("columns.orders")}</Th>
        <Th numeric>{t("columns.revenue")}</Th>
        <Th>{t("columns.lastOrder")}</Th>
        <Th>{t("columns.segment")}</Th>
        <Th>{t("columns.responsible")}</Th>
      </THead>
      <tbody>
        {items.map((customer) => (
          <tr key={customer.id} data-testid="customer-row">
            <Td>
              <Link href={`/admin/customers/${customer.id}`} className="font-medium text-brand-700 hover:underline">
                {customer.name ?? t("card.noName")}
              </Link>
              <div className="text-xs text-slate-500">
                {t(`types.${customer.type}`)}
                {customer.legalName ? ` · ${customer.legalName}` : ""}
              </div>
            </Td>
            <Td className="text-sm">
              {customer.phone ? <div className="tabular-nums">{customer.phone}</div> : null}
              {customer.email ? <div className="break-all text-slate-600">{customer.email}</div> : null}
            </Td>
            <Td>
              <div className="flex flex-wrap gap-1">
                {customer.tags.map((tag) => (
                  <span key={tag} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                    {tag}
                  </span>
                ))}
              </div>
            </Td>
            <Td numeric>{customer.ordersCount}</Td>
            <Td numeric>{formatMoney(customer.paidRevenue, "RUB", locale)}</Td>
            <Td className="whitespace-nowrap tabular-nums">{customer.lastOrderAt ? format.dateTime(customer.lastOrderAt, { dateStyle: "medium" }) : "—"}</Td>
            <Td className="text-sm">{[customer.abcClass, customer.rfmSegment, customer.segmentName].filter(Boolean).join(" · ") || "—"}</Td>
            <Td className="text-sm">{customer.responsibleName ?? "—"}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
