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
import { toAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { MaterialActionState } from "./material-action-state";

const EXPLAINED = new Set(["CONFLICT", "NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED", "VALIDATION"]);
const FIELDS = { title: 201, kind: 20, productId: 100, description: 2001, url: 2001, content: 20_001 } as const;

function failure(error: unknown, what: string, values?: Record<string, string>): MaterialActionState {
  const appError = toAppError(error);
  const code = EXPLAINED.has(appError.code) ? appError.code : "INTERNAL";
  if (code === "INTERNAL") logger.error({ err: appError.cause ?? error }, `promo material ${what} failed`);
  const fieldErrors: Record<string, string> = {};
  for (const [field, keys] of Object.entries(appError.fieldErrors ?? {})) if (keys[0]) fieldErrors[field] ??= keys[0];
  return { status: "error", message: `promoMaterials.errors.${code}`, fieldErrors, values };
}

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
    return { status: "success" };
  } catch (error) {
    return failure(error, "delete");
  }
}
