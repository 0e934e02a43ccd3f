"use server";
// Server Action of the customer import: start the job with the settings the dry run showed.
// The session's role is checked here and again by the domain operation (importCustomers).
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { clientIpFrom } from "@/lib/client-ip";
import { startCustomerImport } from "@/lib/crm/import/start-customer-import";
import { actionError } from "@/lib/forms/action-error";
import type { ActionState } from "@/lib/forms/action-state";
import { delimiterOfName } from "@/components/crm/import/import-format";

const text = (formData: FormData, name: string, max = 2_000) => {
  const value = formData.get(name);
  return typeof value === "string" ? value.slice(0, max) : "";
};

export async function startImportAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const importId = text(formData, "importId", 100);
  try {
    const staff = await assertStaff(sectionRoles("customers"));
    await startCustomerImport(
      {
        importId,
        mapping: text(formData, "map").split(",") as never,
        encoding: text(formData, "encoding", 40) as never,
        delimiter: delimiterOfName(text(formData, "delimiter", 20)) ?? (text(formData, "delimiter", 20) as never),
        hasHeader: text(formData, "header", 2) !== "0",
      },
      { id: staff.id, role: staff.role },
      { ip: clientIpFrom(await headers()) },
    );
  } catch (error) {
    return actionError(error, { namespace: "crmImport.errors", log: "customer import start" });
  }
  redirect(`/admin/customers/import/${encodeURIComponent(importId)}`);
}
