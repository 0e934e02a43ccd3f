// The forms routes' refusal in the reader's language: a VALIDATION AppError whose field errors are
// i18n keys per order (`orders.<number>` → logisticsForms.problems.*) becomes one whose field
// errors are sentences and whose message lists them ("Order 1001: no postcode; …"). Shared by
// GET /api/admin/logistics/forms and the batch PDF route. Server-only (next-intl/server).
import { getTranslations } from "next-intl/server";
import { AppError } from "@/lib/errors";

/** `error` with its per-order reasons translated; anything else is handed back as it is. */
export async function localisePostalFormError(error: unknown): Promise<unknown> {
  if (!(error instanceof AppError) || error.code !== "VALIDATION" || !error.fieldErrors) return error;
  const t = await getTranslations();
  const text = (key: string) => (t.has(key as never) ? t(key as never) : key);
  const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors).map(([path, keys]) => [path, keys.map(text)]));
  const lines = Object.entries(fieldErrors).map(([path, reasons]) => {
    const number = path.startsWith("orders.") ? path.slice("orders.".length) : null;
    return `${number ? t("logisticsForms.orderLabel" as never, { number } as never) : text("logisticsForms.generalLabel")}: ${reasons.join(", ")}`;
  });
  return new AppError("VALIDATION", `${text("logisticsForms.cannotPrint")} ${lines.join("; ")}`, { fieldErrors });
}
