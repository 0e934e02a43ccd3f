"use server";
// Create / replace / delete a partner's commission override. Authorise first, then the domain
// operation (which validates, re-checks the role, locks the partner and writes the audit entry).
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { deleteCommissionOverride } from "@/lib/affiliates/overrides/delete-commission-override";
import { setCommissionOverride } from "@/lib/affiliates/overrides/set-commission-override";
import { replayPostback } from "@/lib/affiliates/postbacks/replay-postback";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { clientIpFrom } from "@/lib/client-ip";
import { actionError, actionErrorKeys } from "@/lib/forms/action-error";
import { actionSuccess, type ActionState } from "@/lib/forms/action-state";

const FIELDS = ["partnerId", "productId", "level", "kind", "value"] as const;

function formValues(formData: FormData, names: readonly string[]): Record<string, string> {
  // Only short strings reach the domain: a File or a huge value becomes something it refuses.
  return Object.fromEntries(names.map((name) => [name, String(formData.get(name) ?? "").slice(0, 200)]));
}

export async function setOverrideAction(_state: ActionState<Record<string, string>>, formData: FormData): Promise<ActionState<Record<string, string>>> {
  const values = formValues(formData, FIELDS);
  try {
    const actor = await assertStaff(sectionRoles("partners"));
    await setCommissionOverride(values, { id: actor.id, role: actor.role }, { ip: clientIpFrom(await headers()) });
    revalidatePath(`/admin/partners/${values.partnerId}`);
    return actionSuccess((await getTranslations("partnerDetail.overrides"))("saved"));
  } catch (error) {
    return actionError(error, { namespace: "partnerDetail.errors", values, log: "commission override save" });
  }
}

export async function deleteOverrideAction(_state: ActionState<Record<string, string>>, formData: FormData): Promise<ActionState<Record<string, string>>> {
  const values = formValues(formData, ["partnerId", "overrideId"]);
  try {
    const actor = await assertStaff(sectionRoles("partners"));
    await deleteCommissionOverride(values, { id: actor.id, role: actor.role }, { ip: clientIpFrom(await headers()) });
    revalidatePath(`/admin/partners/${values.partnerId}`);
    return actionSuccess();
  } catch (error) {
    return actionError(error, { namespace: "partnerDetail.errors", log: "commission override delete" });
  }
}

/** "Send again" on the partner's postback log; the log must belong to the partner of the page. */
export async function replayPostbackAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["partnerId", "logId"]);
  try {
    await assertStaff(sectionRoles("partners"));
    await replayPostback({ logId: values.logId ?? "", partnerId: values.partnerId || undefined });
    revalidatePath(`/admin/partners/${values.partnerId}`);
    return actionSuccess("postbacks.replayQueued");
  } catch (error) {
    return actionErrorKeys(error, { namespace: "postbacks.actionErrors", log: "postback replay" });
  }
}
