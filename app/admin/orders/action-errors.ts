// Turns whatever a Server Action of the order pages caught into a message for the person who
// clicked: AppError codes and zod issues become localised text; anything unknown is logged and
// shown as a generic failure (never a 500 page in the middle of someone's work).
import { getTranslations } from "next-intl/server";
import { ZodError } from "zod";
import type { ActionState } from "@/components/admin/orders/action-state";
import type { OrderStatus } from "@/lib/db/generated/enums";
import { AppError, ERROR_STATUS, toAppError, type ErrorCode } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { ORDER_STATUSES } from "@/lib/orders/transitions";

const isStatus = (value: string | undefined): value is OrderStatus => (ORDER_STATUSES as readonly string[]).includes(value ?? "");

/** A localised sentence for a failed order action. */
export async function describeOrderError(error: unknown): Promise<string> {
  const [t, tStatus] = await Promise.all([getTranslations("orders.errors"), getTranslations("orderStatus")]);
  const appError = toAppError(error);
  switch (appError.code) {
    case "CONFLICT": {
      // changeOrderStatus names the refused move ("… from SHIPPED to CONFIRMED"): show it in the
      // reader's language, with the status the order really had (it may have moved meanwhile).
      const [, from, to] = /from ([A-Z_]+) to ([A-Z_]+)/.exec(appError.message) ?? [];
      return isStatus(from) && isStatus(to) ? t("CONFLICT", { from: tStatus(from), to: tStatus(to) }) : t("CONFLICT_GENERIC");
    }
    case "FORBIDDEN": {
      const [, from, to] = /from ([A-Z_]+) to ([A-Z_]+)/.exec(appError.message) ?? [];
      return isStatus(from) && isStatus(to) ? t("FORBIDDEN_MOVE", { from: tStatus(from), to: tStatus(to) }) : t("FORBIDDEN");
    }
    case "NOT_FOUND":
    case "UNAUTHENTICATED":
    case "VALIDATION":
    case "RATE_LIMITED":
      return t(appError.code);
    default:
      logger.error({ err: appError.cause ?? error }, "order action failed");
      return t("INTERNAL");
  }
}

/** A failure reported as data (bulkChangeOrderStatus: code + message per order), in the reader's language. */
export function describeReportedError(code: string | undefined, message: string | undefined): Promise<string> {
  const known = code && code in ERROR_STATUS ? (code as ErrorCode) : "INTERNAL";
  return describeOrderError(new AppError(known, message ?? ""));
}

/** The error state of a form: the message, and per-field messages for invalid fields. */
export async function actionErrorState(error: unknown): Promise<ActionState> {
  const t = await getTranslations("orders.errors");
  const fieldErrors: Record<string, string> = {};
  if (error instanceof ZodError) {
    for (const issue of error.issues) {
      const field = String(issue.path[0] ?? "_");
      fieldErrors[field] ??= issue.code === "too_big" ? t("tooLong") : field === "to" ? t("statusRequired") : t("invalid");
    }
  } else if (error instanceof AppError && error.fieldErrors) {
    // The domain's own validation (dotted paths): name the top-level field.
    for (const path of Object.keys(error.fieldErrors)) fieldErrors[path.split(".")[0] ?? "_"] ??= t("invalid");
  }
  return { status: "error", message: await describeOrderError(error), ...(Object.keys(fieldErrors).length ? { fieldErrors } : {}) };
}
