"use server";
// The partner news editor. Authorise first (the partners section), then the domain operation,
// which validates and re-checks the role. Errors go back as i18n keys for the form.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createPartnerNews } from "@/lib/affiliates/news/create-partner-news";
import { deletePartnerNews } from "@/lib/affiliates/news/delete-partner-news";
import { setPartnerNewsPublished } from "@/lib/affiliates/news/set-partner-news-published";
import { updatePartnerNews } from "@/lib/affiliates/news/update-partner-news";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { actionErrorKeys } from "@/lib/forms/action-error";
import { actionSuccess, type ActionState } from "@/lib/forms/action-state";

type NewsActionState = ActionState<{ title: string; body: string }>;

const text = (formData: FormData, name: string, max: number) => {
  const value = formData.get(name);
  return typeof value === "string" ? value.slice(0, max) : "";
};

const failure = (error: unknown, what: string, values?: { title: string; body: string }): NewsActionState =>
  actionErrorKeys(error, { namespace: "partnerNews.errors", values, log: `partner news ${what}` });

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
    return actionSuccess();
  } catch (error) {
    return failure(error, "publish");
  }
}

export async function deletePartnerNewsAction(_state: NewsActionState, formData: FormData): Promise<NewsActionState> {
  try {
    const actor = await assertStaff(sectionRoles("partners"));
    await deletePartnerNews(text(formData, "id", 100), { id: actor.id, role: actor.role });
    refresh();
    return actionSuccess();
  } catch (error) {
    return failure(error, "delete");
  }
}
