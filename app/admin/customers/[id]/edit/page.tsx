// Editing a customer card. A merged card's edit page goes to the survivor's.
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { CustomerForm } from "@/components/crm/customers/customer-form";
import { customerFormValues } from "@/components/crm/customers/customer-form-values";
import { listCustomerFilterOptions } from "@/lib/crm/customers/list-customers";
import { clientMessages } from "@/lib/i18n/client-messages";
import { updateCustomerAction } from "../../actions";
import { loadCustomerPage } from "../load-customer-page";

export default async function EditCustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor, card } = await loadCustomerPage(id, { subpath: "/edit", ability: "editCustomers", input: { ordersLimit: 1 } });
  const [t, options, messages] = await Promise.all([getTranslations("crmCustomers"), listCustomerFilterOptions(actor), clientMessages(["crmCustomers"])]);
  return (
    <>
      <Link href={`/admin/customers/${card.customer.id}`} className="text-sm text-slate-500 hover:text-slate-800">
        ← {card.customer.name ?? t("card.noName")}
      </Link>
      <PageHeader title={t("form.editTitle", { name: card.customer.name ?? t("card.noName") })} />
      <NextIntlClientProvider messages={messages}>
        <CustomerForm action={updateCustomerAction} initial={customerFormValues(card.customer)} segments={options.segments} employees={options.employees} />
      </NextIntlClientProvider>
    </>
  );
}
