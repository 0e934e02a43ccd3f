"use server";
// Server Actions of Settings → Co-owners (OWNER only). Each one authorises, reads the form and
// calls the domain operation (which re-checks the role, validates, keeps the 100 % limit under its
// lock, and audits); failures come back as localised messages under the form's own fields.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { clientIpFrom } from "@/lib/client-ip";
import { createCoOwner } from "@/lib/coowners/create-coowner";
import { deleteCoOwner } from "@/lib/coowners/delete-coowner";
import { deleteCoOwnerShare } from "@/lib/coowners/delete-coowner-share";
import { setCoOwnerActive } from "@/lib/coowners/set-coowner-active";
import { setCoOwnerShare } from "@/lib/coowners/set-coowner-share";
import { updateCoOwner } from "@/lib/coowners/update-coowner";
import { actionError } from "@/lib/forms/action-error";
import type { ActionState } from "@/lib/forms/action-state";
import { parsePercentToBasisPoints } from "@/lib/products/parse-product-form";

const PATH = "/admin/settings/coowners";

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value.slice(0, 2000) : undefined;
};

/** "12.5" → 1250 basis points; what does not parse goes through as typed, for the schema to name. */
const basisPoints = (formData: FormData): unknown => {
  const typed = text(formData, "percent")?.trim() ?? "";
  return parsePercentToBasisPoints(typed) ?? typed;
};

const coOwnerFields = (formData: FormData) => ({ name: text(formData, "name"), email: text(formData, "email"), userId: text(formData, "userId"), note: text(formData, "note") });
const shareFields = (formData: FormData) => ({ productId: text(formData, "productId"), basisPoints: basisPoints(formData) });

async function owner() {
  const actor = await assertStaff(sectionRoles("settings"));
  return { actor: { id: actor.id, role: actor.role }, context: { ip: clientIpFrom(await headers()) } };
}

async function done(key: "created" | "saved"): Promise<ActionState> {
  revalidatePath(PATH);
  revalidatePath("/admin/finance");
  return { status: "success", message: (await getTranslations("settings.coowners"))(key) };
}

/** Domain paths ("share.basisPoints", "basisPoints") to the form's fields. */
const fieldOf = (path: string) => (path.endsWith("basisPoints") ? "percent" : path.endsWith("productId") ? "productId" : path.split(".")[0] || "_");
const refused = (error: unknown, formData: FormData) => actionError(error, { namespace: "settings.coowners.errors", fieldOf, formData, log: "co-owners action" });

export async function createCoOwnerAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { actor, context } = await owner();
    const withShare = (text(formData, "percent")?.trim() ?? "") !== "";
    await createCoOwner({ ...coOwnerFields(formData), share: withShare ? shareFields(formData) : null }, actor, context);
  } catch (error) {
    return refused(error, formData);
  }
  return done("created");
}

export async function updateCoOwnerAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { actor, context } = await owner();
    await updateCoOwner(text(formData, "coOwnerId"), coOwnerFields(formData), actor, context);
  } catch (error) {
    return refused(error, formData);
  }
  return done("saved");
}

export async function setCoOwnerShareAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { actor, context } = await owner();
    await setCoOwnerShare(text(formData, "coOwnerId"), shareFields(formData), actor, context);
  } catch (error) {
    return refused(error, formData);
  }
  return done("saved");
}

export async function deleteCoOwnerShareAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { actor, context } = await owner();
    await deleteCoOwnerShare(text(formData, "shareId"), actor, context);
  } catch (error) {
    return refused(error, formData);
  }
  return done("saved");
}

export async function setCoOwnerActiveAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { actor, context } = await owner();
    await setCoOwnerActive(text(formData, "coOwnerId"), { isActive: text(formData, "isActive") === "true" }, actor, context);
  } catch (error) {
    return refused(error, formData);
  }
  return done("saved");
}

export async function deleteCoOwnerAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { actor, context } = await owner();
    await deleteCoOwner(text(formData, "coOwnerId"), actor, context);
  } catch (error) {
    return refused(error, formData);
  }
  return done("saved");
}
