"use server";
// The promo material editor. Authorise first (the partners section), then the domain operation,
// which validates and re-checks the role. Errors go back as i18n keys for the form.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createPromoMaterial } from "@/lib/affiliates/materials/create-promo-material";
import { deletePromoMaterial } from "@/lib/affiliates/materials/delete-promo-material";
import { updatePromoMaterial } from "@/lib/affiliates/materials/update-promo-material";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { actionErrorKeys } from "@/lib/forms/action-error";
import { actionSuccess, type ActionState } from "@/lib/forms/action-state";

type MaterialActionState = ActionState<Record<string, string>>;
const FIELDS = { title: 201, kind: 20, productId: 100, description: 2001, url: 2001, content: 20_001 } as const;

const failure = (error: unknown, what: string, values?: Record<string, string>): MaterialActionState =>
  actionErrorKeys(error, { namespace: "promoMaterials.errors", values, log: `promo material ${what}` });

function refresh() {
  revalidatePath("/admin/partners/materials");
  revalidatePath("/partner/materials");
}

/** Creates when the form has no id, edits otherwise; back to the list when saved. */
export async function savePromoMaterialAction(_state: MaterialActionState, formData: FormData): Promise<MaterialActionState> {
  const values: Record<string, string> = {};
  for (const [name, max] of Object.entries(FIELDS)) {
    const value = formData.get(name);
    values[name] = typeof value === "string" ? value.slice(0, max) : "";
  }
  const idValue = formData.get("id");
  const id = typeof idValue === "string" ? idValue.slice(0, 100) : "";
  const input = { ...values, isActive: formData.get("isActive") === "on" };
  try {
    const actor = await assertStaff(sectionRoles("partners"));
    if (id) await updatePromoMaterial(id, input, { id: actor.id, role: actor.role });
    else await createPromoMaterial(input, { id: actor.id, role: actor.role });
    refresh();
  } catch (error) {
    return failure(error, "save", { ...values, isActive: input.isActive ? "on" : "" });
  }
  redirect("/admin/partners/materials");
}

export async function deletePromoMaterialAction(_state: MaterialActionState, formData: FormData): Promise<MaterialActionState> {
  try {
    const actor = await assertStaff(sectionRoles("partners"));
    const id = formData.get("id");
    await deletePromoMaterial(typeof id === "string" ? id.slice(0, 100) : "", { id: actor.id, role: actor.role });
    refresh();
    return actionSuccess();
  } catch (error) {
    return failure(error, "delete");
  }
}
