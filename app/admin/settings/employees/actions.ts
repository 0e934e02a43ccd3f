"use server";
// Server Actions of Settings → Employees (OWNER only). Each one authorises, reads the form and
// calls the domain operation (which re-checks the role, validates, takes the owner lock where
// the last owner is at stake, and audits); failures come back as localised messages.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { clientIpFrom } from "@/lib/client-ip";
import { changeEmployeeRole } from "@/lib/employees/change-employee-role";
import { inviteEmployee, resendEmployeeInvite } from "@/lib/employees/invite-employee";
import { setEmployeeActive } from "@/lib/employees/set-employee-active";
import { actionError } from "@/lib/forms/action-error";
import type { ActionState } from "@/lib/forms/action-state";

const PATH = "/admin/settings/employees";

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value.slice(0, 300) : undefined;
};

async function owner() {
  const actor = await assertStaff(sectionRoles("settings"));
  return { actor: { id: actor.id, role: actor.role }, context: { ip: clientIpFrom(await headers()) } };
}

async function done(key: string): Promise<ActionState> {
  revalidatePath(PATH);
  return { status: "success", message: (await getTranslations("settings.employees"))(key as never) };
}

const refused = (error: unknown, formData: FormData) => actionError(error, { namespace: "settings.employees.errors", formData, log: "employees action" });

export async function inviteEmployeeAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { actor, context } = await owner();
    await inviteEmployee(
      { email: text(formData, "email"), name: text(formData, "name"), role: text(formData, "role"), locale: text(formData, "locale") ?? (await getLocale()) },
      actor,
      context,
    );
  } catch (error) {
    return refused(error, formData);
  }
  return done("invited");
}

export async function resendInviteAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { actor, context } = await owner();
    await resendEmployeeInvite({ userId: text(formData, "userId") }, actor, context);
  } catch (error) {
    return refused(error, formData);
  }
  return done("inviteResent");
}

export async function changeEmployeeRoleAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { actor, context } = await owner();
    await changeEmployeeRole({ userId: text(formData, "userId"), role: text(formData, "role") }, actor, context);
  } catch (error) {
    return refused(error, formData);
  }
  return done("roleChanged");
}

export async function setEmployeeActiveAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { actor, context } = await owner();
    await setEmployeeActive({ userId: text(formData, "userId"), isActive: text(formData, "isActive") === "true" }, actor, context);
  } catch (error) {
    return refused(error, formData);
  }
  return done("saved");
}
