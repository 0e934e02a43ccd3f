"use server";
// The registration form's Server Action. Public on purpose (anyone may apply); the domain
// operation validates, rate-limits per IP and writes everything in one transaction. Refusals
// come back as localised messages; success goes to the "check your email" page.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { JoinFormState } from "@/components/partners/join-state";
import { registerPartner } from "@/lib/affiliates/register-partner";
import { clientIpFrom } from "@/lib/client-ip";
import { toAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

const TEXT_FIELDS = ["name", "email", "login", "contact"] as const;
const EXPLAINED = new Set(["VALIDATION", "RATE_LIMITED"]);

export async function registerPartnerAction(_state: JoinFormState, formData: FormData): Promise<JoinFormState> {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const values = Object.fromEntries(TEXT_FIELDS.map((name) => [name, (text(name) ?? "").slice(0, 300)]));
  try {
    await registerPartner(
      { ...values, terms: formData.get("terms") === "on", ref: text("ref"), locale: await getLocale() },
      { ip: clientIpFrom(await headers()) },
    );
  } catch (error) {
    const appError = toAppError(error);
    const [t, tErrors] = await Promise.all([getTranslations(), getTranslations("partnerJoin.errors")]);
    const code = EXPLAINED.has(appError.code) ? appError.code : "INTERNAL";
    if (code === "INTERNAL") logger.error({ err: appError.cause ?? error }, "partner registration failed");
    const fieldErrors: Record<string, string> = {};
    for (const [path, keys] of Object.entries(appError.fieldErrors ?? {})) {
      const key = keys[0] ?? "";
      fieldErrors[path.split(".")[0] ?? "_"] ??= t.has(key) ? t(key) : tErrors("invalid");
    }
    return { status: "error", message: tErrors(code), fieldErrors, values };
  }
  redirect("/partners/join/sent");
}
