"use server";
// The customer forms' Server Actions: authorise (the customers section + the CRM ability), call
// the domain operation (which validates, re-checks the actor and writes the audit entry), map
// the result to the form's state.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { CustomerFormState } from "@/components/crm/customers/customer-form";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { clientIpFrom } from "@/lib/client-ip";
import { assertCrm } from "@/lib/crm/crm-access";
import { createCustomer } from "@/lib/crm/customers/create-customer";
import { ContactTakenError, customerFormField, customerInputFromForm } from "@/lib/crm/customers/customer-input";
import { updateCustomer } from "@/lib/crm/customers/update-customer";
import { deleteView } from "@/lib/crm/views/delete-view";
import { saveView } from "@/lib/crm/views/save-view";
import { actionError } from "@/lib/forms/action-error";
import { actionSuccess, formValues, type ActionState } from "@/lib/forms/action-state";

const ERRORS = "crmCustomers.errors";

async function editor(ability: "editCustomers" | "viewCustomers") {
  const actor = await assertStaff(sectionRoles("customers"));
  assertCrm(actor, ability);
  return actor;
}

async function contactTakenState(error: ContactTakenError, formData: FormData): Promise<CustomerFormState> {
  const t = await getTranslations("crmCustomers");
  const unnamed = t("errors.unnamed");
  const names = [...new Set(error.conflicts.map((conflict) => conflict.customerName ?? unnamed))].join(", ");
  return {
    status: "error",
    message: t("errors.CONTACT_TAKEN", { names }),
    fieldErrors: Object.fromEntries(error.conflicts.map((conflict) => [customerFormField(formData, conflict.field), t("form.takenBy", { name: conflict.customerName ?? unnamed })])),
    conflicts: error.conflicts.map(({ customerId, customerName, value }) => ({ customerId, customerName, value })),
    values: formValues(formData, 5000),
  };
}

export async function createCustomerAction(_state: CustomerFormState, formData: FormData): Promise<CustomerFormState> {
  let id: string;
  try {
    const actor = await editor("editCustomers");
    ({ id } = await createCustomer(customerInputFromForm(formData), { id: actor.id, role: actor.role }, { ip: clientIpFrom(await headers()) }));
  } catch (error) {
    if (error instanceof ContactTakenError) return contactTakenState(error, formData);
    return actionError(error, { namespace: ERRORS, fieldOf: (path) => customerFormField(formData, path), formData, log: "customer create" });
  }
  revalidatePath("/admin/customers");
  redirect(`/admin/customers/${id}`);
}

export async function updateCustomerAction(_state: CustomerFormState, formData: FormData): Promise<CustomerFormState> {
  const id = formData.get("id");
  try {
    const actor = await editor("editCustomers");
    await updateCustomer(id, customerInputFromForm(formData), { id: actor.id, role: actor.role }, { ip: clientIpFrom(await headers()) });
  } catch (error) {
    if (error instanceof ContactTakenError) return contactTakenState(error, formData);
    return actionError(error, { namespace: ERRORS, fieldOf: (path) => customerFormField(formData, path), formData, log: "customer update" });
  }
  revalidatePath("/admin/customers");
  redirect(`/admin/customers/${encodeURIComponent(String(id))}`);
}

export async function saveViewAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await editor("viewCustomers");
    const raw = formData.get("query");
    const query = Object.fromEntries(new URLSearchParams(typeof raw === "string" ? raw.slice(0, 4000) : ""));
    await saveView({ list: "customers", name: String(formData.get("name") ?? ""), isShared: formData.get("isShared") === "on", query }, { id: actor.id, role: actor.role });
    revalidatePath("/admin/customers");
    return actionSuccess((await getTranslations("crmCustomers.views"))("saved"));
  } catch (error) {
    return actionError(error, { namespace: ERRORS, formData, log: "saved view" });
  }
}

export async function deleteViewAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await editor("viewCustomers");
    await deleteView(formData.get("viewId"), { id: actor.id, role: actor.role });
    revalidatePath("/admin/customers");
    return actionSuccess((await getTranslations("crmCustomers.views"))("deleted"));
  } catch (error) {
    return actionError(error, { namespace: ERRORS, log: "saved view delete" });
  }
}
