"use server";
// The first-run form's Server Action. Public on purpose (nobody can sign in yet); the domain
// operation allows it only while there is no owner, from the machine itself or with the setup
// token, rate-limited per address. Success goes to the sign-in page.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { completeFirstOwnerSetup } from "@/lib/auth/first-owner-setup";
import { clientIpFrom } from "@/lib/client-ip";
import { actionError } from "@/lib/forms/action-error";
import type { ActionState } from "@/lib/forms/action-state";

export async function setupOwnerAction(_state: ActionState<Record<string, string>>, formData: FormData): Promise<ActionState<Record<string, string>>> {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value.slice(0, 300) : "";
  };
  const values = { email: text("email"), name: text("name") };
  try {
    await completeFirstOwnerSetup({ ...values, password: text("password"), confirm: text("confirm") }, { ip: clientIpFrom(await headers()), token: text("token") || undefined });
  } catch (error) {
    return actionError(error, { namespace: "setup.errors", values, log: "first owner setup" });
  }
  redirect("/signin?setup=done");
}
