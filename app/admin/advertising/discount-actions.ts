"use server";
// Advertising → coupons, automatic discounts and promotions (MANAGER, OWNER): authorise, hand the
// form to the domain operation (which re-checks the role and validates), answer with localised
// messages, and after a save go back to the list.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { GenerateCouponCodesState } from "@/components/admin/advertising/generate-coupon-codes-form";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { actionError } from "@/lib/forms/action-error";
import { formValues, type ActionState } from "@/lib/forms/action-state";
import { generateCouponCodes } from "@/lib/marketing/discounts/generate-coupon-codes";
import { saveAutomaticDiscount } from "@/lib/marketing/discounts/save-automatic-discount";
import { saveCoupon } from "@/lib/marketing/discounts/save-coupon";
import { savePromotion } from "@/lib/marketing/discounts/save-promotion";
import { setDiscountActive } from "@/lib/marketing/discounts/set-discount-active";
import type { DiscountEditorKind } from "@/lib/marketing/discounts/get-discount-for-edit";

const LIST_FIELDS = new Set(["productIds", "rfmSegments", "abcClasses"]);

function formInput(formData: FormData): Record<string, unknown> {
  const values = formValues(formData, 1000);
  for (const name of LIST_FIELDS) if (typeof values[name] === "string") values[name] = [values[name] as string];
  return values;
}

export async function saveDiscountAction(kind: DiscountEditorKind, _state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await assertStaff(sectionRoles("advertising"));
    const staff = { id: actor.id, role: actor.role };
    const input = formInput(formData);
    if (kind === "coupon") await saveCoupon(input, staff);
    else if (kind === "automatic") await saveAutomaticDiscount(input, staff);
    else await savePromotion(input, staff);
    // Checkout pages show promotions and ask for quotes when discounts may apply.
    revalidatePath("/checkout/[product]/[locale]/[countries]", "page");
    revalidatePath("/admin/advertising");
  } catch (error) {
    return actionError(error, { namespace: "discounts.admin.errors", formData, log: `saving a ${kind}` });
  }
  redirect("/admin/advertising");
}

/** Generates codes from the coupon `templateId`; the codes come back for the CSV download. */
export async function generateCouponCodesAction(templateId: string, _state: GenerateCouponCodesState, formData: FormData): Promise<GenerateCouponCodesState> {
  try {
    const actor = await assertStaff(sectionRoles("advertising"));
    const result = await generateCouponCodes({ ...formValues(formData), templateId }, { id: actor.id, role: actor.role });
    revalidatePath("/admin/advertising");
    const t = await getTranslations("discounts.admin.generate");
    return { status: "success", message: t("done", { count: result.codes.length }), codes: result.codes, templateCode: result.templateCode };
  } catch (error) {
    return actionError(error, { namespace: "discounts.admin.errors", formData, log: "generating coupon codes" });
  }
}

export async function setDiscountActiveAction(formData: FormData): Promise<void> {
  const actor = await assertStaff(sectionRoles("advertising"));
  const kind = String(formData.get("kind") ?? "");
  await setDiscountActive({ kind: kind as DiscountEditorKind, id: String(formData.get("id") ?? ""), active: formData.get("active") === "true" }, { id: actor.id, role: actor.role });
  revalidatePath("/checkout/[product]/[locale]/[countries]", "page");
  revalidatePath("/admin/advertising");
}
