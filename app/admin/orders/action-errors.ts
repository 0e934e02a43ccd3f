// The order pages' error messaging on top of the shared form error state (lib/forms/action-error):
// a refused status move names the statuses in the reader's language, and zod issues of the
// order forms get the orders' own field messages (too long, choose a status).
import { getTranslations } from "next-intl/server";
import { ZodError } from "zod";
import type { OrderStatus } from "@/lib/db/generated/enums";
import { AppError, ERROR_STATUS, toAppError, type ErrorCode } from "@/lib/errors";
import { actionError } from "@/lib/forms/action-error";
import type { ActionState } from "@/lib/forms/action-state";
import { ORDER_STATUSES } from "@/lib/orders/transitions";

const NAMESPACE = "orders.errors";
const isStatus = (value: string | undefined): value is OrderStatus => (ORDER_STATUSES as readonly string[]).includes(value ?? "");

/** changeOrderStatus names a refused move ("… from SHIPPED to CONFIRMED"): say it with the status the order really had (it may have moved meanwhile). */
async function moveMessage(appError: AppError): Promise<string | undefined> {
  if (appError.code !== "CONFLICT" && appError.code !== "FORBIDDEN") return undefined;
  const [t, tStatus] = await Promise.all([getTranslations(NAMESPACE), getTranslations("orderStatus")]);
  const [, from, to] = /from ([A-Z_]+) to ([A-Z_]+)/.exec(appError.message) ?? [];
  const named = isStatus(from) && isStatus(to);
  if (appError.code === "CONFLICT") return named ? t("CONFLICT", { from: tStatus(from), to: tStatus(to) }) : t("CONFLICT_GENERIC");
  return named ? t("FORBIDDEN_MOVE", { from: tStatus(from), to: tStatus(to) }) : t("FORBIDDEN");
}

/** The order forms' own field messages: zod issues by kind, a domain field error as "invalid". */
function withOrderFieldKeys(error: unknown): unknown {
  const fieldErrors: Record<string, string[]> = {};
  if (error instanceof ZodError) {
    for (const issue of error.issues) {
      const field = String(issue.path[0] ?? "_");
      fieldErrors[field] ??= [issue.code === "too_big" ? `${NAMESPACE}.tooLong` : field === "to" ? `${NAMESPACE}.statusRequired` : `${NAMESPACE}.invalid`];
    }
    return new AppError("VALIDATION", "Some fields are invalid", { fieldErrors });
  }
  if (error instanceof AppError && error.fieldErrors) {
    for (const path of Object.keys(error.fieldErrors)) fieldErrors[path] = [`${NAMESPACE}.invalid`];
    return new AppError(error.code, error.message, { fieldErrors, cause: error.cause });
  }
  return error;
}

/**
 * The error state of an order form. `fieldOf` names the form field of a domain path and keeps the
 * domain's own (i18n key) field messages; without it, fields get the order forms' messages.
 */
export async function actionErrorState(error: unknown, fieldOf?: (path: string) => string): Promise<ActionState> {
  const state = await actionError(fieldOf ? error : withOrderFieldKeys(error), { namespace: NAMESPACE, fieldOf, log: "order action" });
  const move = await moveMessage(toAppError(error));
  return move ? { ...state, message: move } : state;
}

/** A failure reported as data (bulkChangeOrderStatus: code + message per order), in the reader's language. */
export async function describeReportedError(code: string | undefined, message: string | undefined): Promise<string> {
  const known = code && code in ERROR_STATUS ? (code as ErrorCode) : "INTERNAL";
  return (await actionErrorState(new AppError(known, message ?? ""))).message ?? "";
}
