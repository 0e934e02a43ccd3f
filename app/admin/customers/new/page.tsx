// A customer card created by hand.
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { CustomerForm } from "@/components/crm/customers/customer-form";
import { emptyCustomerFormValues } from "@/components/crm/customers/customer-form-values";
import { listCustomerFilterOptions } from "@/lib/crm/customers/list-customers";
import { clientMessages } from "@/lib/i18n/client-messages";
import { createCustomerAction } from "../actions";
import { requireCrmPage } from "../../crm-page-guard";

export default async function NewCustomerPage() {
  const staff = await requireCrmPage("customers", "/admin/customers/new", "editCustomers");
  const [t, options, messages] = await Promise.all([getTranslations("crmCustomers"), listCustomerFilterOptions({ id: staff.id, role: staff.role }), clientMessages(["crmCustomers"])]);
  return (
    <>
      <Link href="/admin/customers" className="text-sm text-slate-500 hover:text-slate-800">
        ← {t("card.back")}
      </Link>
      <PageHeader title={t("form.newTitle")} />
      <NextIntlClientProvider messages={messages}>
        <CustomerForm action={createCustomerAction} initial={emptyCustomerFormValues()} segments={options.segments} employees={options.employees} />
      </NextIntlClientProvider>
    </>
  );
}
