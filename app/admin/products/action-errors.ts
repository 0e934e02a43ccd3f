// Turns whatever a Server Action of the products section caught into what the form shows: a
// localised sentence, and per-field messages. Domain messages are i18n keys
// ("products.errors.slugTaken"); unknown errors are logged and reported as "nothing was saved".
import { getTranslations } from "next-intl/server";
import type { ActionState } from "@/components/admin/orders/action-state";
import { toAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

const KNOWN = ["VALIDATION", "NOT_FOUND", "UNAUTHENTICATED", "FORBIDDEN"] as const;

/** `fieldOf` maps a domain path ("fields.1.key") to the form's field name. */
export async function productActionError(error: unknown, fieldOf: (path: string) => string = (path) => path): Promise<ActionState> {
  const appError = toAppError(error);
  const [t, tErrors] = await Promise.all([getTranslations(), getTranslations("products.errors")]);
  const code = (KNOWN as readonly string[]).includes(appError.code) ? (appError.code as (typeof KNOWN)[number]) : "INTERNAL";
  if (code === "INTERNAL") logger.error({ err: appError.cause ?? error }, "product action failed");
  const fieldErrors: Record<string, string> = {};
  for (const [path, messages] of Object.entries(appError.fieldErrors ?? {})) {
    const key = messages[0] ?? "";
    fieldErrors[fieldOf(path)] ??= key.startsWith("products.") && t.has(key) ? t(key) : tErrors("invalid");
  }
  return { status: "error", message: tErrors(code), ...(Object.keys(fieldErrors).length ? { fieldErrors } : {}) };
}
