"use server";
// Server Actions of /admin/advertising/upsells: authorise (the advertising section's roles; the
// domain checks again), turn the form into the domain input, call lib/marketing/upsells,
// revalidate; refusals come back as localised messages per field.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { actionError } from "@/lib/forms/action-error";
import type { ActionState } from "@/lib/forms/action-state";
import { saveUpsell } from "@/lib/marketing/upsells/save-upsell";
import { setUpsellActive } from "@/lib/marketing/upsells/set-upsell-active";

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

const upsellError = (error: unknown, formData: FormData) => actionError(error, { namespace: "adminUpsells.errors", formData, log: "upsell action" });

export async function saveUpsellAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  let createdId: string | null = null;
  try {
    const actor = await assertStaff(sectionRoles("advertising"));
    const id = text(formData, "id") || undefined;
    const prices = [...formData.keys()].filter((key) => /^price\.[A-Z]{3}$/.test(key)).map((key) => ({ currency: key.slice("price.".length), amount: text(formData, key) }));
    const saved = await saveUpsell(
      {
        id,
        kind: text(formData, "kind") as "BUMP",
        offerProductId: text(formData, "offerProductId"),
        triggerProductIds: formData.getAll("triggerProductIds").filter((value): value is string => typeof value === "string"),
        title: text(formData, "title"),
        titleEn: text(formData, "titleEn"),
        description: text(formData, "description"),
        descriptionEn: text(formData, "descriptionEn"),
        quantity: text(formData, "quantity") as unknown as number,
        position: (text(formData, "position") || "0") as unknown as number,
        isActive: formData.get("isActive") === "on",
        prices,
      },
      actor,
    );
    revalidatePath("/admin/advertising/upsells");
    revalidatePath("/checkout/[product]/[locale]/[countries]", "page");
    if (id) return { status: "success", message: (await getTranslations("adminUpsells"))("saved") };
    createdId = saved.id;
  } catch (error) {
    return upsellError(error, formData);
  }
  redirect(`/admin/advertising/upsells?created=${encodeURIComponent(createdId)}`);
}

export async function setUpsellActiveAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await assertStaff(sectionRoles("advertising"));
    await setUpsellActive({ id: text(formData, "id"), isActive: formData.get("isActive") === "true" }, actor);
    revalidatePath("/admin/advertising/upsells");
    revalidatePath("/checkout/[product]/[locale]/[countries]", "page");
    return { status: "success" };
  } catch (error) {
    return upsellError(error, formData);
  }
}
