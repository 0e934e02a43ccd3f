"use server";
// Create / replace / delete a partner's commission override. Authorise first, then the domain
// operation (which validates, re-checks the role, locks the partner and writes the audit entry).
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import type { OverrideActionState } from "@/components/admin/partners/detail/override-action-state";
import { EXPLAINED_POSTBACK_ERRORS, type PostbackActionState } from "@/components/postbacks/postback-action-state";
import { deleteCommissionOverride } from "@/lib/affiliates/overrides/delete-commission-override";
import { setCommissionOverride } from "@/lib/affiliates/overrides/set-commission-override";
import { replayPostback } from "@/lib/affiliates/postbacks/replay-postback";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { clientIpFrom } from "@/lib/client-ip";
import { toAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

const FIELDS = ["partnerId", "productId", "level", "kind", "value"] as const;
const EXPLAINED = new Set(["NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED", "VALIDATION", "CONFLICT"]);

function formValues(formData: FormData, names: readonly string[]): Record<string, string> {
  // Only short strings reach the domain: a File or a huge value becomes something it refuses.
  return Object.fromEntries(names.map((name) => [name, String(formData.get(name) ?? "").slice(0, 200)]));
}

async function explain(error: unknown, what: string): Promise<OverrideActionState> {
  const [t, tErrors] = await Promise.all([getTranslations(), getTranslations("partnerDetail.errors")]);
  const appError = toAppError(error);
  const code = EXPLAINED.has(appError.code) ? appError.code : "INTERNAL";
  if (code === "INTERNAL") logger.error({ err: appError.cause ?? error }, `${what} failed`);
  const fieldErrors: Record<string, string> = {};
  for (const [path, keys] of Object.entries(appError.fieldErrors ?? {})) {
    const key = keys[0] ?? "";
    fieldErrors[path.split(".")[0] ?? "_"] ??= t.has(key) ? t(key) : tErrors("VALIDATION");
  }
  return { status: "error", message: tErrors(code), fieldErrors };
}

export async function setOverrideAction(_state: OverrideActionState, formData: FormData): Promise<OverrideActionState> {
  const values = formValues(formData, FIELDS);
  try {
    const actor = await assertStaff(sectionRoles("partners"));
    await setCommissionOverride(values, { id: actor.id, role: actor.role }, { ip: clientIpFrom(await headers()) });
    revalidatePath(`/admin/partners/${values.partnerId}`);
    return { status: "success", message: (await getTranslations("partnerDetail.overrides"))("saved") };
  } catch (error) {
    return { ...(await explain(error, "commission override save")), values };
  }
}

export async function deleteOverrideAction(_state: OverrideActionState, formData: FormData): Promise<OverrideActionState> {
  const values = formValues(formData, ["partnerId", "overrideId"]);
  try {
    const actor = await assertStaff(sectionRoles("partners"));
    await deleteCommissionOverride(values, { id: actor.id, role: actor.role }, { ip: clientIpFrom(await headers()) });
    revalidatePath(`/admin/partners/${values.partnerId}`);
    return { status: "success" };
  } catch (error) {
    return explain(error, "commission override delete");
  }
}

/** "Send again" on the partner's postback log; the log must belong to the partner of the page. */
export async function replayPostbackAction(_state: PostbackActionState, formData: FormData): Promise<PostbackActionState> {
  const values = formValues(formData, ["partnerId", "logId"]);
  try {
    await assertStaff(sectionRoles("partners"));
    await replayPostback({ logId: values.logId ?? "", partnerId: values.partnerId || undefined });
    revalidatePath(`/admin/partners/${values.partnerId}`);
    return { status: "success", message: "postbacks.replayQueued" };
  } catch (error) {
    const appError = toAppError(error);
    const code = EXPLAINED_POSTBACK_ERRORS.has(appError.code) ? appError.code : "INTERNAL";
    if (code === "INTERNAL") logger.error({ err: appError.cause ?? error }, "postback replay failed");
    return { status: "error", message: `postbacks.actionErrors.${code}`, fieldErrors: {} };
  }
}
