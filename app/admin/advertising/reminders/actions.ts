"use server";
// Server Action of /admin/advertising/reminders: authorise (advertising section: manager, owner),
// turn the form into lib/marketing/reminders/save-reminder-rule's input, revalidate.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { actionError } from "@/lib/forms/action-error";
import type { ActionState } from "@/lib/forms/action-state";
import { saveReminderRule } from "@/lib/marketing/reminders/save-reminder-rule";

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

export async function saveReminderRuleAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await assertStaff(sectionRoles("advertising"));
    const id = text(formData, "id") || undefined;
    await saveReminderRule(
      {
        id,
        kind: text(formData, "kind") as "UNCONFIRMED",
        name: text(formData, "name"),
        productId: text(formData, "productId"),
        delayMinutes: text(formData, "delayHours"),
        repeatCount: text(formData, "repeatCount") || "0",
        repeatIntervalMinutes: text(formData, "repeatIntervalHours") || "24",
        subject: text(formData, "subject"),
        body: text(formData, "body"),
        subjectEn: text(formData, "subjectEn"),
        bodyEn: text(formData, "bodyEn"),
        isActive: formData.get("isActive") === "on",
      },
      actor,
    );
    revalidatePath("/admin/advertising/reminders");
    return { status: "success", message: (await getTranslations("adminReminders"))(id ? "saved" : "created") };
  } catch (error) {
    const fields: Record<string, string> = { delayMinutes: "delayHours", repeatIntervalMinutes: "repeatIntervalHours" };
    return actionError(error, { namespace: "adminReminders.errors", formData, fieldOf: (path) => fields[path.split(".")[0]!] ?? path.split(".")[0]!, log: "reminder rule" });
  }
}
