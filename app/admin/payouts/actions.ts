"use server";
// Approve / mark paid / reject from the payouts queue. Authorise first, then the domain operation
// (which validates, re-checks the role, locks the payout and writes the ledger and the audit entry).
import { revalidatePath } from "next/cache";
import { approvePayout } from "@/lib/affiliates/payouts/approve-payout";
import { markPayoutPaid } from "@/lib/affiliates/payouts/mark-payout-paid";
import { rejectPayout } from "@/lib/affiliates/payouts/reject-payout";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { actionError } from "@/lib/forms/action-error";
import { actionSuccess, type ActionState } from "@/lib/forms/action-state";

export async function payoutAction(_state: ActionState, formData: FormData): Promise<ActionState> {
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
    return actionSuccess();
  } catch (error) {
    const state = await actionError(error, { namespace: "adminPayouts.errors", log: "payout action" });
    // The forms have no fields to mark: a field's own message (an i18n key of affiliatePayouts) says more than the error code.
    return { status: "error", message: Object.values(state.fieldErrors ?? {})[0] ?? state.message };
  }
}
