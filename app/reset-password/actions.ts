"use server";
// The password-reset forms' Server Actions. Public on purpose: asking for a link needs no
// session (the answer is the same for every address), and setting the password is authorised
// by the 256-bit token in the form, exactly as the emailed link itself is.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requestPasswordReset, type AccountKind } from "@/lib/auth/request-password-reset";
import { resetPassword } from "@/lib/auth/reset-password";
import { clientIpFrom } from "@/lib/client-ip";
import { actionError } from "@/lib/forms/action-error";
import { actionSuccess, type ActionState } from "@/lib/forms/action-state";

type State = ActionState<Record<string, string>>;

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value.slice(0, 300) : "";
};

async function requestFor(kind: AccountKind, formData: FormData): Promise<State> {
  const identifier = text(formData, "identifier");
  try {
    await requestPasswordReset(kind, { identifier }, { ip: clientIpFrom(await headers()) });
  } catch (error) {
    return actionError(error, { namespace: "passwordReset.errors", values: { identifier }, log: "password reset request" });
  }
  return actionSuccess();
}

export async function requestStaffPasswordResetAction(_state: State, formData: FormData): Promise<State> {
  return requestFor("staff", formData);
}

export async function requestPartnerPasswordResetAction(_state: State, formData: FormData): Promise<State> {
  return requestFor("partner", formData);
}

export async function resetPasswordAction(_state: State, formData: FormData): Promise<State> {
  let kind: AccountKind;
  try {
    ({ kind } = await resetPassword(text(formData, "token"), { password: text(formData, "password"), confirm: text(formData, "confirm") }, { ip: clientIpFrom(await headers()) }));
  } catch (error) {
    // Passwords are never handed back into the form.
    return actionError(error, { namespace: "passwordReset.errors", log: "password reset" });
  }
  redirect(kind === "staff" ? "/signin?reset=done" : "/partners/signin?reset=done");
}
