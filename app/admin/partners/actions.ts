"use server";
// Approve / ban / unban from the partner list. Authorise first, then the domain operation
// (which validates, re-checks the role, locks the row and writes the audit entry).
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { MAX_PROGRAM_LEVELS, parseCommissionDefaultInputs } from "@/lib/affiliates/commission-defaults";
import { updateProgramSettings } from "@/lib/affiliates/program-settings";
import { setPartnerStatus } from "@/lib/affiliates/set-partner-status";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { clientIpFrom } from "@/lib/client-ip";
import { AppError, toAppError } from "@/lib/errors";
import { actionError } from "@/lib/forms/action-error";
import { actionSuccess, type ActionState } from "@/lib/forms/action-state";
import { currencyMinorDigits } from "@/lib/money/format";
import { parseMoneyInput } from "@/lib/money/parse-money-input";

export async function setPartnerStatusAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await assertStaff(sectionRoles("partners"));
    await setPartnerStatus({ partnerId: formData.get("partnerId"), action: formData.get("action") }, { id: actor.id, role: actor.role }, { ip: clientIpFrom(await headers()) });
    revalidatePath("/admin/partners");
    return actionSuccess();
  } catch (error) {
    return actionError(error, { namespace: "adminPartners.errors", log: "partner status change" });
  }
}

/** A whole number as typed; anything else goes through as text so the schema names the field. */
function wholeNumber(formData: FormData, name: string): unknown {
  const value = formData.get(name);
  const text = typeof value === "string" ? value.trim() : "";
  return /^-?\d{1,9}$/.test(text) ? Number(text) : text;
}

/** The commission default controls of one level: `defaultKind.<level>`, `defaultValue.<level>`, `defaultCurrency.<level>`. */
const DEFAULT_FIELDS = Array.from({ length: MAX_PROGRAM_LEVELS }, (_, level) => [`defaultKind.${level}`, `defaultValue.${level}`, `defaultCurrency.${level}`]).flat();

export async function updateProgramSettingsAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = Object.fromEntries(
    ["levels", "cookieLifetimeDays", "holdDays", "minimumPayoutAmount", "minimumPayoutCurrency", "approvalMode", ...DEFAULT_FIELDS].map((name) => {
      const value = formData.get(name);
      return [name, typeof value === "string" ? value.slice(0, 100) : ""];
    }),
  );
  const tProgram = await getTranslations("adminPartners.program");
  // The level of each submitted default, to name the row of a domain error keyed by list index.
  let commissionLevels: number[] = [];
  try {
    const actor = await assertStaff(sectionRoles("partners"));
    const currency = values.minimumPayoutCurrency ?? "";
    // Typed in major units ("1000,50"), stored as integer minor units of the chosen currency. An
    // amount that does not parse goes through as text, so every field's error shows at once.
    const amount = (/^[A-Z]{3}$/.test(currency) ? parseMoneyInput(values.minimumPayoutAmount ?? "", currencyMinorDigits(currency)) : null) ?? values.minimumPayoutAmount;
    // Rates typed as people read them ("10 %", "150.00"); a row that does not parse is refused
    // with the others' errors, before anything is saved.
    const defaults = parseCommissionDefaultInputs(
      Array.from({ length: MAX_PROGRAM_LEVELS }, (_, level) => ({
        kind: values[`defaultKind.${level}`] ?? "",
        value: values[`defaultValue.${level}`] ?? "",
        currency: values[`defaultCurrency.${level}`] ?? "",
      })),
    );
    if (Object.keys(defaults.fieldErrors).length) throw new AppError("VALIDATION", "Invalid commission defaults", { fieldErrors: defaults.fieldErrors });
    commissionLevels = defaults.rates.map((rate) => rate.level);
    await updateProgramSettings(
      {
        levels: wholeNumber(formData, "levels"),
        cookieLifetimeDays: wholeNumber(formData, "cookieLifetimeDays"),
        holdDays: wholeNumber(formData, "holdDays"),
        minimumPayout: { amount, currency },
        approvalMode: values.approvalMode,
        commissionDefaults: defaults.rates,
      },
      { id: actor.id, role: actor.role },
      { ip: clientIpFrom(await headers()) },
    );
    revalidatePath("/admin/partners");
    return actionSuccess(tProgram("saved"));
  } catch (error) {
    const appError = toAppError(error);
    // The amount is typed in major units: its own message says how, whatever the schema's was.
    const amountExplained = appError.fieldErrors?.["minimumPayout.amount"]
      ? new AppError(appError.code, appError.message, { fieldErrors: { ...appError.fieldErrors, "minimumPayout.amount": ["adminPartners.program.amountInvalid"] }, cause: appError.cause })
      : appError;
    const state = await actionError(amountExplained, {
      namespace: "adminPartners.errors",
      values,
      // minimumPayout.amount / minimumPayout.currency are one control pair in the form; a default's
      // kind, value and currency are one row, shown under its value (`defaultValue.<level>`).
      fieldOf: (path) =>
        path.startsWith("minimumPayout") ? "minimumPayoutAmount" : path.startsWith("commissionDefaults.") ? defaultField(path, commissionLevels) : (path.split(".")[0] ?? "_"),
      log: "program settings update",
    });
    return appError.code === "VALIDATION" ? { ...state, message: tProgram("invalid") } : state;
  }
}

/** "commissionDefaults.<level>" (the form's parser) or "commissionDefaults.<index>.<field>" (the domain schema) → the row's value control. */
function defaultField(path: string, levels: number[]): string {
  const [, position = "", detail] = path.split(".");
  const level = detail === undefined ? Number(position) : (levels[Number(position)] ?? 0);
  return `defaultValue.${level}`;
}
