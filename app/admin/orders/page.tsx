import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { BulkStatusForm } from "@/components/admin/orders/bulk-status-form";
import { OrderFiltersForm } from "@/components/admin/orders/order-filters";
import { OrderStatusTabs } from "@/components/admin/orders/order-status-tabs";
import { OrdersTable } from "@/components/admin/orders/orders-table";
import { withQuery, type OrderQuery } from "@/components/admin/orders/orders-url";
import { panel, secondaryButton } from "@/components/ui/styles";
import { requireStaffPage } from "@/lib/auth/guard";
import { clientMessages } from "@/lib/i18n/client-messages";
import { sectionRoles } from "@/lib/auth/permissions";
import type { OrderStatus } from "@/lib/db/generated/enums";
import { countOrdersByStatus, listOrderFilterOptions, listOrders, orderQueryFromSearchParams, ZListOrdersInput } from "@/lib/orders/list-orders";
import { ORDER_STATUSES, canRoleChangeStatus } from "@/lib/orders/transitions";
import { bulkChangeStatusAction } from "./actions";

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireStaffPage(sectionRoles("orders"), "/admin/orders");
  const [t, tStatus] = await Promise.all([getTranslations("orders"), getTranslations("orderStatus")]);
  const { input, query, invalidFields } = parseQuery(orderQueryFromSearchParams(await searchParams));
  const { tab = "all", cursor, limit, ...filters } = input;

  const [page, counts, options] = await Promise.all([listOrders({ ...filters, tab, cursor, limit }), countOrdersByStatus(filters), listOrderFilterOptions()]);

  // The bulk menu offers a status when the role may move at least some order there; the
  // domain still checks each order's own move.
  const targets = ORDER_STATUSES.filter((to) => ORDER_STATUSES.some((from) => canRoleChangeStatus(actor.role, from, to))).map((status: OrderStatus) => ({
    value: status,
    label: tStatus(status),
  }));
  const { cursor: _cursor, tab: _tab, ...filterQuery } = query;

  return (
    <>
      <PageHeader title={t("title")}>
        <a href={withQuery("/api/admin/orders/export", query, { cursor: undefined, limit: undefined })} className={secondaryButton} download data-testid="export-csv">
          {t("export")}
        </a>
      </PageHeader>
      {invalidFields.length ? (
        <p role="alert" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("filters.invalid", { fields: invalidFields.map((field) => (t.has(`fields.${field}`) ? t(`fields.${field}`) : field)).join(", ") })}
        </p>
      ) : null}
      <OrderStatusTabs counts={counts} active={tab} query={filterQuery} />
      <OrderFiltersForm filters={filters} tab={tab} products={options.products} partners={options.partners} />
      <div className={`${panel} overflow-hidden`}>
        {/* The bulk form is the page's only client component with texts of its own. */}
        <NextIntlClientProvider messages={await clientMessages(["common", "orders.bulk"])}>
          <BulkStatusForm action={bulkChangeStatusAction} targets={targets}>
            <OrdersTable items={page.items} selectable />
          </BulkStatusForm>
        </NextIntlClientProvider>
      </div>
      <div className="mt-4 flex gap-3">
        {cursor ? (
          <Link className={secondaryButton} href={withQuery("/admin/orders", query, { cursor: undefined })}>
            {t("firstPage")}
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link className={secondaryButton} href={withQuery("/admin/orders", query, { cursor: page.nextCursor })} data-testid="next-page">
            {t("nextPage")} →
          </Link>
        ) : null}
      </div>
    </>
  );
}

/**
 * The URL's query, validated. A bad value (a mistyped link, an edited URL) drops only that
 * filter and is named on the page, instead of failing the whole page.
 */
function parseQuery(raw: OrderQuery) {
  const query = { ...raw };
  const invalidFields = new Set<string>();
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const parsed = ZListOrdersInput.safeParse(query);
    if (parsed.success) return { input: parsed.data, query, invalidFields: [...invalidFields] };
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      invalidFields.add(field);
      delete query[field];
    }
  }
  return { input: ZListOrdersInput.parse({}), query: {}, invalidFields: [...invalidFields] };
}
