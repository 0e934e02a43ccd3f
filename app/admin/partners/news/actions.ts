"use server";
// The partner news editor. Authorise first (the partners section), then the domain operation,
// which validates and re-checks the role. Errors go back as i18n keys for the form.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { NewsActionState } from "@/components/admin/partners/news/news-action-state";
import { createPartnerNews } from "@/lib/affiliates/news/create-partner-news";
import { deletePartnerNews } from "@/lib/affiliates/news/delete-partner-news";
import { setPartnerNewsPublished } from "@/lib/affiliates/news/set-partner-news-published";
import { updatePartnerNews } from "@/lib/affiliates/news/update-partner-news";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { toAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

const EXPLAINED = new Set(["CONFLICT", "NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED", "VALIDATION"]);

const text = (formData: FormData, name: string, max: number) => {
  const value = formData.get(name);
  return typeof value === "string" ? value.slice(0, max) : "";
};

function failure(error: unknown, what: string, values?: { title: string; body: string }): NewsActionState {
  const appError = toAppError(error);
  const code = EXPLAINED.has(appError.code) ? appError.code : "INTERNAL";
  if (code === "INTERNAL") logger.error({ err: appError.cause ?? error }, `partner news ${what} failed`);
  const fieldErrors: Record<string, string> = {};
  for (const [field, keys] of Object.entries(appError.fieldErrors ?? {})) if (keys[0]) fieldErrors[field] ??= keys[0];
  return { status: "error", message: `partnerNews.errors.${code}`, fieldErrors, values };
}

function refresh() {
  revalidatePath("/admin/partners/news");
  revalidatePath("/partner/news");
}

/** Creates when the form has no id, edits otherwise; back to the list when saved. */
export async function savePartnerNewsAction(_state: NewsActionState, formData: FormData): Promise<NewsActionState> {
  // One character over the limit still reaches the schema, which names the field.
  const values = { title: text(formData, "title", 201), body: text(formData, "body", 20_001) };
  const id = text(formData, "id", 100);
  try {
    const actor = await assertStaff(sectionRoles("partners"));
    if (id) await updatePartnerNews(id, values, { id: actor.id, role: actor.role });
    else await createPartnerNews(values, { id: actor.id, role: actor.role });
    refresh();
  } catch (error) {
    return failure(error, "save", values);
  }
  redirect("/admin/partners/news");
}

export async function setPartnerNewsPublishedAction(_state: NewsActionState, formData: FormData): Promise<NewsActionState> {
  try {
    const actor = await assertStaff(sectionRoles("partners"));
    await setPartnerNewsPublished(text(formData, "id", 100), text(formData, "publish", 10) === "true", { id: actor.id, role: actor.role });
    refresh();
    return { status: "success" };
  } catch (error) {
    return failure(error, "publish");
  }
}

export async function deletePartnerNewsAction(_state: NewsActionState, formData: FormData): Promise<NewsActionState> {
  try {
    const actor = await assertStaff(sectionRoles("partners"));
    await deletePartnerNews(text(formData, "id", 100), { id: actor.id, role: actor.role });
    refresh();
    return { status: "success" };
  } catch (error) {
    return failure(error, "delete");
  }
}
