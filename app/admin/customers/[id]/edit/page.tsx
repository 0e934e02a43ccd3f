// Editing a customer card. A merged card's edit page goes to the survivor's.
import Link from "next/link";
import { forbidden, notFound, redirect } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { CustomerForm } from "@/components/crm/customers/customer-form";
import { customerFormValues } from "@/components/crm/customers/customer-form-values";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { canCrm } from "@/lib/crm/crm-access";
import { getCustomerOrThrow } from "@/lib/crm/customers/get-customer";
import { listCustomerFilterOptions } from "@/lib/crm/customers/list-customers";
import { AppError } from "@/lib/errors";
import { clientMessages } from "@/lib/i18n/client-messages";
import { updateCustomerAction } from "../../actions";

export default async function EditCustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await requireStaffPage(sectionRoles("customers"), `/admin/customers/${encodeURIComponent(id)}/edit`);
  if (!canCrm(staff.role, "editCustomers")) forbidden();
  const actor = { id: staff.id, role: staff.role };
  let card;
  try {
    card = await getCustomerOrThrow({ id, ordersLimit: 1 }, actor);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  if (card.kind === "merged") redirect(`/admin/customers/${card.survivorId}/edit`);
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
