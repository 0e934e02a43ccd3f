"use server";
// Server Actions of the mailings section. Each checks the session's role here and again in the
// domain operation (lib/marketing/mailings), which also scopes the change to the mailing's state.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { clientIpFrom } from "@/lib/client-ip";
import { actionError } from "@/lib/forms/action-error";
import { actionSuccess, type ActionState } from "@/lib/forms/action-state";
import { cancelMailing } from "@/lib/marketing/mailings/cancel-mailing";
import { deleteMailing } from "@/lib/marketing/mailings/delete-mailing";
import { pauseMailing } from "@/lib/marketing/mailings/pause-mailing";
import { resumeMailing } from "@/lib/marketing/mailings/resume-mailing";
import { saveMailing } from "@/lib/marketing/mailings/save-mailing";
import { sendTestMailing } from "@/lib/marketing/mailings/send-test-mailing";
import { startMailing } from "@/lib/marketing/mailings/start-mailing";

const text = (formData: FormData, name: string, max = 2_000) => {
  const value = formData.get(name);
  return typeof value === "string" ? value.slice(0, max) : "";
};

async function staffActor() {
  const staff = await assertStaff(sectionRoles("mailings"));
  return { id: staff.id, role: staff.role };
}

/** The editor's form → the domain's input; "audience.tag" and the like become the audience object. */
function mailingInput(formData: FormData) {
  const kind = text(formData, "audienceKind", 20);
  const audience =
    kind === "partners"
      ? { kind: "partners" as const }
      : {
          kind: "customers" as const,
          rfmSegment: text(formData, "rfmSegment", 100),
          abcClass: text(formData, "abcClass", 5) as never,
          tag: text(formData, "tag", 100),
          region: text(formData, "region", 10) as never,
          productId: text(formData, "productId", 100),
          orderStatus: text(formData, "orderStatus", 20) as never,
        };
  return {
    name: text(formData, "name", 300),
    audience,
    subject: text(formData, "subject", 400),
    body: text(formData, "body", 60_000),
    subjectEn: text(formData, "subjectEn", 400),
    bodyEn: text(formData, "bodyEn", 60_000),
    ratePerSecond: text(formData, "ratePerSecond", 10),
    maxConsecutiveFailures: text(formData, "maxConsecutiveFailures", 10),
  };
}

export async function saveMailingAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const mailingId = text(formData, "mailingId", 100) || undefined;
  let saved: { id: string };
  try {
    saved = await saveMailing(mailingInput(formData) as never, await staffActor(), mailingId);
  } catch (error) {
    return actionError(error, { namespace: "mailings.errors", formData, log: "mailing save", fieldOf: (path) => (path.startsWith("audience.") ? path.slice(9) : path.split(".")[0]!) });
  }
  if (!mailingId) redirect(`/admin/mailings/${encodeURIComponent(saved.id)}`);
  return actionSuccess((await getTranslations("mailings"))("saved"));
}

export async function startMailingAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    await startMailing(text(formData, "mailingId", 100), await staffActor(), { ip: clientIpFrom(await headers()) });
  } catch (error) {
    return actionError(error, { namespace: "mailings.errors", log: "mailing start" });
  }
  return actionSuccess((await getTranslations("mailings"))("started"));
}

export async function pauseMailingAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    await pauseMailing(text(formData, "mailingId", 100), await staffActor());
  } catch (error) {
    return actionError(error, { namespace: "mailings.errors", log: "mailing pause" });
  }
  return actionSuccess((await getTranslations("mailings"))("pausedNow"));
}

export async function resumeMailingAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    await resumeMailing(text(formData, "mailingId", 100), await staffActor());
  } catch (error) {
    return actionError(error, { namespace: "mailings.errors", log: "mailing resume" });
  }
  return actionSuccess((await getTranslations("mailings"))("resumed"));
}

export async function cancelMailingAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    await cancelMailing(text(formData, "mailingId", 100), await staffActor());
  } catch (error) {
    return actionError(error, { namespace: "mailings.errors", log: "mailing cancel" });
  }
  return actionSuccess((await getTranslations("mailings"))("cancelledNow"));
}

export async function deleteMailingAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    await deleteMailing(text(formData, "mailingId", 100), await staffActor());
  } catch (error) {
    return actionError(error, { namespace: "mailings.errors", log: "mailing delete" });
  }
  redirect("/admin/mailings");
}

export async function testSendMailingAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const to = text(formData, "to", 300).trim();
  try {
    await sendTestMailing(text(formData, "mailingId", 100), { to, locale: text(formData, "locale", 5) as never }, await staffActor());
  } catch (error) {
    return actionError(error, { namespace: "mailings.errors", formData, log: "mailing test send" });
  }
  return actionSuccess((await getTranslations("mailings"))("testSent", { to }));
}
