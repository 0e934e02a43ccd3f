"use server";
// The invitation form's Server Action. Public on purpose: the 256-bit token in the form is the
// authorisation, exactly as the emailed link itself is.
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { clientIpFrom } from "@/lib/client-ip";
import { acceptEmployeeInvite } from "@/lib/employees/accept-employee-invite";
import { actionError } from "@/lib/forms/action-error";
import type { ActionState } from "@/lib/forms/action-state";

type State = ActionState<Record<string, string>>;

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value.slice(0, 300) : "";
};

export async function acceptInviteAction(_state: State, formData: FormData): Promise<State> {
  try {
    await acceptEmployeeInvite(text(formData, "token"), { password: text(formData, "password"), confirm: text(formData, "confirm") }, { ip: clientIpFrom(await headers()) });
  } catch (error) {
    return actionError(error, { namespace: "passwordReset.errors", log: "employee invitation" });
  }
  const t = await getTranslations("invite");
  return { status: "success", message: t("done"), values: { signIn: t("signIn") } };
}
