// The CRM customer list: search, filters, sort, keyset pages both ways, saved views, CSV export.
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { CustomerFilters } from "@/components/crm/customers/customer-filters";
import { CustomersTable } from "@/components/crm/customers/customers-table";
import { customersHref } from "@/components/crm/customers/customers-url";
import { SavedViewsMenu } from "@/components/crm/customers/saved-views-menu";
import { panel, primaryButton, secondaryButton } from "@/components/ui/styles";
import { canCrm } from "@/lib/crm/crm-access";
import { CUSTOMER_QUERY_KEYS, customerQueryFromSearchParams, ZListCustomersInput } from "@/lib/crm/customers/customer-query";
import { listCustomerFilterOptions, listCustomers } from "@/lib/crm/customers/list-customers";
import { listViews } from "@/lib/crm/views/list-views";
import { canShareView } from "@/lib/crm/views/view-lists";
import { clientMessages } from "@/lib/i18n/client-messages";
import { deleteViewAction, saveViewAction } from "./actions";
import { requireCrmPage } from "../crm-page-guard";

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireCrmPage("customers", "/admin/customers", "viewCustomers");
  const actor = { id: staff.id, role: staff.role };
  const t = await getTranslations("crmCustomers");
  const { query, invalidFields } = validQuery(customerQueryFromSearchParams(await searchParams));
  const { after, before, limit: _limit, ...filterQuery } = query;

  const [page, options, views, messages] = await Promise.all([
    listCustomers(query, actor),
    listCustomerFilterOptions(actor),
    listViews("customers", actor),
    // The saved-views menu is the only client component with texts: its part, not the whole CRM catalogue (7 KB).
    clientMessages(["crmCustomers.views"]),
  ]);
  const canEdit = canCrm(staff.role, "editCustomers");
  const canExport = canCrm(staff.role, "exportCustomers");
  const canManage = canCrm(staff.role, "importCustomers");
  const viewQuery = Object.fromEntries(CUSTOMER_QUERY_KEYS.flatMap((key) => (filterQuery[key] ? [[key, filterQuery[key]]] : [])));

  return (
    <>
      <PageHeader title={t("title")}>
        <div className="flex flex-wrap gap-2 print:hidden">
          {canManage ? (
            <>
              <Link href="/admin/customers/import" className={secondaryButton} data-testid="customers-import">
                {t("import")}
              </Link>
              <Link href="/admin/customers/duplicates" className={secondaryButton} data-testid="customers-duplicates">
                {t("duplicates")}
              </Link>
            </>
          ) : null}
          {canExport ? (
            <a href={customersHref("/api/admin/customers/export", viewQuery)} className={secondaryButton} download data-testid="customers-export">
              {t("export")}
            </a>
          ) : null}
          {canEdit ? (
            <Link href="/admin/customers/new" className={primaryButton} data-testid="new-customer">
              {t("newCustomer")}
            </Link>
          ) : null}
        </div>
      </PageHeader>
      {invalidFields.length ? (
        <p role="alert" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("invalidFilters", { fields: invalidFields.join(", ") })}
        </p>
      ) : null}
      <CustomerFilters query={viewQuery} segments={options.segments} employees={options.employees} />
      <NextIntlClientProvider messages={messages}>
        <SavedViewsMenu
          views={views.map((view) => ({ ...view, href: customersHref("/admin/customers", view.query) }))}
          currentQuery={new URLSearchParams(viewQuery).toString()}
          canShare={canShareView(staff.role, "customers")}
          saveAction={saveViewAction}
          deleteAction={deleteViewAction}
        />
      </NextIntlClientProvider>
      <div className={`${panel} overflow-hidden`}>
        <CustomersTable items={page.items} />
      </div>
      <nav className="mt-4 flex gap-3 print:hidden" aria-label={t("title")}>
        {after || before ? (
          <Link className={secondaryButton} href={customersHref("/admin/customers", viewQuery)}>
            {t("firstPage")}
          </Link>
        ) : null}
        {page.prevCursor ? (
          <Link className={secondaryButton} href={customersHref("/admin/customers", viewQuery, { before: page.prevCursor })} data-testid="prev-page">
            ← {t("prevPage")}
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link className={secondaryButton} href={customersHref("/admin/customers", viewQuery, { after: page.nextCursor })} data-testid="next-page">
            {t("nextPage")} →
          </Link>
        ) : null}
      </nav>
    </>
  );
}

/** The URL's query, validated: a bad value (an edited URL) drops only that key and is named on the page. */
function validQuery(raw: Record<string, string>) {
  const query = { ...raw };
  const invalidFields = new Set<string>();
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const parsed = ZListCustomersInput.safeParse(query);
    if (parsed.success) return { query, invalidFields: [...invalidFields] };
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      invalidFields.add(field);
      delete query[field];
    }
  }
  return { query: {} as Record<string, string>, invalidFields: [...invalidFields] };
}
