// Turns whatever a settings Server Action caught into what the form shows: field errors are i18n
// keys from the domain schemas ("settings.errors.rateInvalid", "checkoutErrors.outOfRange"),
// translated here; anything unknown is logged and shown as a generic failure, never a 500.
import { getTranslations } from "next-intl/server";
import { ZodError } from "zod";
import type { SettingsActionState } from "@/components/admin/settings/settings-action-state";
import { AppError, toAppError, type ErrorCode } from "@/lib/errors";
import { logger } from "@/lib/logger";

const EXPLAINED = new Set<ErrorCode>(["VALIDATION", "FORBIDDEN", "UNAUTHENTICATED", "NOT_FOUND", "CONFLICT"]);

export async function settingsErrorState(error: unknown, formData?: FormData): Promise<SettingsActionState> {
  const [t, tErrors] = await Promise.all([getTranslations(), getTranslations("settings.errors")]);
  const appError = toAppError(error);
  const messages: Record<string, string[]> =
    error instanceof ZodError ? Object.fromEntries(error.issues.map((issue) => [String(issue.path[0] ?? "_"), [issue.message]])) : error instanceof AppError ? (error.fieldErrors ?? {}) : {};

  const fieldErrors: Record<string, string> = {};
  for (const [path, keys] of Object.entries(messages)) {
    const key = keys[0] ?? "";
    fieldErrors[path.split(".")[0] ?? "_"] ??= t.has(key) ? t(key) : tErrors("invalid");
  }

  // Anything but these is a fault, not a refusal: logged, and shown as a generic failure.
  const code = EXPLAINED.has(appError.code) ? appError.code : "INTERNAL";
  if (code === "INTERNAL") logger.error({ err: appError.cause ?? error }, "settings action failed");
  return {
    status: "error",
    message: tErrors(code),
    ...(Object.keys(fieldErrors).length ? { fieldErrors } : {}),
    ...(formData ? { values: typedValues(formData) } : {}),
  };
}

/** The form's text fields as typed (repeated names, like checkboxes, as lists), without React's own entries. */
function typedValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const name of new Set(formData.keys())) {
    if (name.startsWith("$ACTION")) continue;
    const all = formData.getAll(name).filter((value): value is string => typeof value === "string").map((value) => value.slice(0, 500));
    values[name] = all.length === 1 && !["checkoutCurrenciesShown", "paymentMethodsEnabled"].includes(name) ? all[0]! : all;
  }
  return values;
}
