"use server";
// Approve / mark paid / reject from the payouts queue. Authorise first, then the domain operation
// (which validates, re-checks the role, locks the payout and writes the ledger and the audit entry).
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { PayoutActionState } from "@/components/admin/payouts/payout-action-state";
import { approvePayout } from "@/lib/affiliates/payouts/approve-payout";
import { markPayoutPaid } from "@/lib/affiliates/payouts/mark-payout-paid";
import { rejectPayout } from "@/lib/affiliates/payouts/reject-payout";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { AppError, toAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

const EXPLAINED = new Set(["CONFLICT", "NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED", "VALIDATION"]);

export async function payoutAction(_state: PayoutActionState, formData: FormData): Promise<PayoutActionState> {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value.slice(0, 2000) : "";
  };
  try {
    const staff = await assertStaff(sectionRoles("payouts"));
    const actor = { id: staff.id, role: staff.role };
    const payoutId = text("payoutId");
    const kind = text("kind");
    if (kind === "approve") await approvePayout({ payoutId }, actor);
    else if (kind === "pay") await markPayoutPaid({ payoutId, reference: text("reference") }, actor);
    else if (kind === "reject") await rejectPayout({ payoutId, reason: text("reason") }, actor);
    else throw new AppError("VALIDATION", "Unknown payout action");
    revalidatePath("/admin/payouts");
    return { status: "success" };
  } catch (error) {
    const appError = toAppError(error);
    const code = EXPLAINED.has(appError.code) ? appError.code : "INTERNAL";
    if (code === "INTERNAL") logger.error({ err: appError.cause ?? error }, "payout action failed");
    // A field's own message (an i18n key of affiliatePayouts) says more than the error code.
    const fieldKey = Object.values(appError.fieldErrors ?? {}).flat()[0];
    const t = await getTranslations();
    return { status: "error", message: fieldKey?.startsWith("affiliatePayouts.") ? t(fieldKey as never) : t(`adminPayouts.errors.${code}` as never) };
  }
}
