// A customer card created by hand.
import Link from "next/link";
import { forbidden } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { CustomerForm } from "@/components/crm/customers/customer-form";
import { emptyCustomerFormValues } from "@/components/crm/customers/customer-form-values";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { canCrm } from "@/lib/crm/crm-access";
import { listCustomerFilterOptions } from "@/lib/crm/customers/list-customers";
import { clientMessages } from "@/lib/i18n/client-messages";
import { createCustomerAction } from "../actions";

export default async function NewCustomerPage() {
  const staff = await requireStaffPage(sectionRoles("customers"), "/admin/customers/new");
  if (!canCrm(staff.role, "editCustomers")) forbidden();
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
