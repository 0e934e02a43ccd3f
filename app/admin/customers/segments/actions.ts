"use server";
// Server Actions of the segments page: save the settings (ABC cut-offs, RFM map) and "recompute
// now". Each one authorises, reads the form, calls the domain operation (which re-checks the role
// with configureCrm and validates with zod) and revalidates; refusals come back localised.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { clientIpFrom } from "@/lib/client-ip";
import { assertCrm } from "@/lib/crm/crm-access";
import { requestSegmentRecompute } from "@/lib/crm/segments/request-segment-recompute";
import { updateSegmentSettings } from "@/lib/crm/segments/update-segment-settings";
import { AppError } from "@/lib/errors";
import { actionError } from "@/lib/forms/action-error";
import { actionSuccess, type ActionState } from "@/lib/forms/action-state";

const PAGE = "/admin/customers/segments";
const ERRORS = "crmSegments.errors";

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};
/** A whole number as typed; anything else goes through as text so the schema names the field. */
const wholeNumber = (formData: FormData, name: string): unknown => {
  const value = text(formData, name).trim();
  return /^-?\d{1,9}$/.test(value) ? Number(value) : value;
};

/** The form field a settings path belongs to: abc.a → abcA, rfm.2.r.1 → rfm.2.r (a rule's cell), rfm → rules. */
function fieldOf(path: string): string {
  if (path === "abc.a") return "abcA";
  if (path === "abc.b") return "abcB";
  if (path.startsWith("rfm.")) return path.split(".").slice(0, 3).join(".");
  return path === "rfm" ? "rules" : path;
}

async function staff() {
  const actor = await assertStaff(sectionRoles("customers"));
  // Segment settings and runs are configureCrm (MANAGER): an OPERATOR is refused here, before the
  // form is read, not told to correct a field the domain would then refuse anyway.
  assertCrm(actor, "configureCrm");
  return { actor: { id: actor.id, role: actor.role }, context: { ip: clientIpFrom(await headers()) } };
}

export async function saveSegmentSettingsAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { actor, context } = await staff();
    let rules: unknown;
    try {
      rules = JSON.parse(text(formData, "rules"));
    } catch {
      throw new AppError("VALIDATION", "The segment map is not readable", { fieldErrors: { rules: [`${ERRORS}.rulesInvalid`] } });
    }
    await updateSegmentSettings({ abc: { a: wholeNumber(formData, "abcA"), b: wholeNumber(formData, "abcB") }, rfm: rules }, actor, context);
    revalidatePath(PAGE);
    return actionSuccess((await getTranslations("crmSegments"))("settings.saved"));
  } catch (error) {
    return actionError(error, { namespace: ERRORS, fieldOf, formData, log: "segment settings" });
  }
}

export async function recomputeSegmentsAction(_state: ActionState, _formData: FormData): Promise<ActionState> {
  try {
    const { actor, context } = await staff();
    const { started } = await requestSegmentRecompute(actor, context);
    if (!started) throw new AppError("CONFLICT", "A segmentation run is already queued or running");
    revalidatePath(PAGE);
    return actionSuccess((await getTranslations("crmSegments"))("run.queued"));
  } catch (error) {
    return actionError(error, { namespace: ERRORS, log: "segment recompute" });
  }
}
