"use server";
// The registration form's Server Action. Public on purpose (anyone may apply); the domain
// operation validates, rate-limits per IP and writes everything in one transaction. Refusals
// come back as localised messages; success goes to the "check your email" page.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { registerPartner } from "@/lib/affiliates/register-partner";
import { clientIpFrom } from "@/lib/client-ip";
import { actionError } from "@/lib/forms/action-error";
import type { ActionState } from "@/lib/forms/action-state";

const TEXT_FIELDS = ["name", "email", "login", "contact"] as const;

export async function registerPartnerAction(_state: ActionState<Record<string, string>>, formData: FormData): Promise<ActionState<Record<string, string>>> {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const values = Object.fromEntries(TEXT_FIELDS.map((name) => [name, (text(name) ?? "").slice(0, 300)]));
  try {
    await registerPartner({ ...values, terms: formData.get("terms") === "on", ref: text("ref"), locale: await getLocale() }, { ip: clientIpFrom(await headers()) });
  } catch (error) {
    return actionError(error, { namespace: "partnerJoin.errors", values, log: "partner registration" });
  }
  redirect("/partners/join/sent");
}
