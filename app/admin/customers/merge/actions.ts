"use server";
// Server Action of the merge page: merge the listed cards into the chosen main one with the
// chosen values, then open the survivor's card. Checked here and by the domain (mergeCustomers).
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { clientIpFrom } from "@/lib/client-ip";
import { mergeCustomers } from "@/lib/crm/merge/merge-customers";
import { MERGE_FIELDS } from "@/lib/crm/merge/plan-merge";
import { actionError } from "@/lib/forms/action-error";
import type { ActionState } from "@/lib/forms/action-state";

const strings = (formData: FormData, name: string) =>
  formData
    .getAll(name)
    .filter((value): value is string => typeof value === "string")
    .slice(0, 50)
    .map((value) => value.slice(0, 100));

export async function mergeCustomersAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  let survivorId: string;
  try {
    const staff = await assertStaff(sectionRoles("customers"));
    const picks = Object.fromEntries(
      MERGE_FIELDS.flatMap((field) =>
        strings(formData, `pick_${field}`)
          .filter(Boolean)
          .slice(0, 1)
          .map((value) => [field, value] as const),
      ),
    );
    ({ survivorId } = await mergeCustomers(
      { customerIds: strings(formData, "ids"), mainId: strings(formData, "main")[0] ?? "", picks },
      { id: staff.id, role: staff.role },
      { ip: clientIpFrom(await headers()) },
    ));
  } catch (error) {
    return actionError(error, { namespace: "crmMerge.errors", log: "customer merge" });
  }
  revalidatePath("/admin/customers", "layout");
  redirect(`/admin/customers/${survivorId}`);
}
