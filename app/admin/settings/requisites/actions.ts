"use server";
// Settings → Sender and bank details (OWNER): authorise, hand the form to updateShopRequisites
// (zod with INN/BIK/account check digits, audit row), answer with localised messages.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { clientIpFrom } from "@/lib/client-ip";
import { actionError } from "@/lib/forms/action-error";
import type { ActionState } from "@/lib/forms/action-state";
import { updateShopRequisites } from "@/lib/settings/update-shop-requisites";
import { ZShopRequisites } from "@/lib/settings/shop-requisites";

const FIELDS = Object.keys(ZShopRequisites.shape) as (keyof typeof ZShopRequisites.shape)[];

export async function saveShopRequisitesAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await assertStaff(sectionRoles("settings"));
    const input = Object.fromEntries(FIELDS.map((field) => [field, String(formData.get(field) ?? "")]));
    await updateShopRequisites(input, { id: actor.id, role: actor.role }, { ip: clientIpFrom(await headers()) });
    revalidatePath("/admin/settings/requisites");
    return { status: "success", message: (await getTranslations("settings"))("saved") };
  } catch (error) {
    return actionError(error, { namespace: "settings.errors", formData, log: "shop requisites" });
  }
}
