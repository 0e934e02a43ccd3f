// Turns whatever a Server Action caught into the form's error state: an AppError's code (or a
// ZodError, as VALIDATION) becomes the sentence `<namespace>.<CODE>`, its field errors (i18n keys,
// by dotted path) become a message per form field. A code the namespace has no sentence for is a
// fault, not a refusal: logged, and shown as `<namespace>.INTERNAL` (never a 500 page in the
// middle of someone's work). Server-only (next-intl/server, the logger).
import { getTranslations } from "next-intl/server";
import { toAppError, type AppError, type ErrorCode } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { formValues, type ActionState, type FormValues } from "./action-state";

export interface ActionErrorOptions<V> {
  /** Where the messages live, e.g. "settings.errors": one per explained ErrorCode, INTERNAL, and "invalid" (else VALIDATION) for a field whose message is not a key. */
  namespace: string;
  /** The form field a domain path names ("fields.1.key" → "fields"); by default the path's first segment. */
  fieldOf?: (path: string) => string;
  /** Hands back what was typed (formValues). */
  formData?: FormData;
  /** Hands back these values instead. */
  values?: V;
  /** What failed, for the log line of an unexpected error ("payout request"). */
  log?: string;
}

const topLevel = (path: string) => path.split(".")[0] || "_";

/** The codes a form explains when its messages are translated on the client (actionErrorKeys). */
const EXPLAINED_KEYS = new Set<ErrorCode>(["VALIDATION", "FORBIDDEN", "UNAUTHENTICATED", "NOT_FOUND", "CONFLICT"]);

function logIfInternal(code: ErrorCode, appError: AppError, error: unknown, what = "server action") {
  if (code === "INTERNAL") logger.error({ err: appError.cause ?? error }, `${what} failed`);
}

function fieldMessages(appError: AppError, fieldOf: (path: string) => string, message: (key: string) => string | undefined): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const [path, keys] of Object.entries(appError.fieldErrors ?? {})) {
    const text = message(keys[0] ?? "");
    if (text !== undefined) fieldErrors[fieldOf(path)] ??= text;
  }
  return fieldErrors;
}

function errorState<V>(message: string, fieldErrors: Record<string, string>, options: ActionErrorOptions<V>): ActionState<V> {
  const values = options.values ?? (options.formData ? (formValues(options.formData) as V) : undefined);
  return { status: "error", message, ...(Object.keys(fieldErrors).length ? { fieldErrors } : {}), ...(values ? { values } : {}) };
}

/** The error state with localised messages (the request's locale). */
export async function actionError<V = FormValues>(error: unknown, options: ActionErrorOptions<V>): Promise<ActionState<V>> {
  const t = await getTranslations();
  const has = (key: string) => t.has(key as never);
  const text = (key: string) => t(key as never);
  const { namespace } = options;
  const appError = toAppError(error);
  const code = appError.code !== "INTERNAL" && has(`${namespace}.${appError.code}`) ? appError.code : "INTERNAL";
  logIfInternal(code, appError, error, options.log);
  const fallback = has(`${namespace}.invalid`) ? `${namespace}.invalid` : `${namespace}.VALIDATION`;
  const fieldErrors = fieldMessages(appError, options.fieldOf ?? topLevel, (key) => text(key && has(key) ? key : fallback));
  return errorState(text(`${namespace}.${code}`), fieldErrors, options);
}

/**
 * The error state with i18n keys instead of text, for forms that translate on the client (so the
 * action needs no request-bound translator): `<namespace>.<CODE>` for the common refusals
 * (VALIDATION, FORBIDDEN, UNAUTHENTICATED, NOT_FOUND, CONFLICT), else `<namespace>.INTERNAL`.
 */
export function actionErrorKeys<V = FormValues>(error: unknown, options: ActionErrorOptions<V>): ActionState<V> {
  const appError = toAppError(error);
  const code = EXPLAINED_KEYS.has(appError.code) ? appError.code : "INTERNAL";
  logIfInternal(code, appError, error, options.log);
  const fieldErrors = fieldMessages(appError, options.fieldOf ?? topLevel, (key) => key || undefined);
  return errorState(`${options.namespace}.${code}`, fieldErrors, options);
}
