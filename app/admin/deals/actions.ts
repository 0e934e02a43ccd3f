"use server";
// Server Actions of the deals section: each authorises (the section's roles), calls the domain
// operation (which re-checks the CRM ability and validates) and maps the result. Refusals come
// back as localised form state; the kanban's move answers ok or a sentence to show on rollback.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { searchDealCustomers, type DealCustomerOption } from "@/lib/crm/deals/deal-form-options";
import { createPipeline, deletePipeline, renamePipeline, reorderPipelines } from "@/lib/crm/deals/manage-pipelines";
import { addStage, deleteStage, reorderStages, updateStage } from "@/lib/crm/deals/manage-stages";
import { moveDeal } from "@/lib/crm/deals/move-deal";
import { createDeal, updateDeal } from "@/lib/crm/deals/save-deal";
import { toAppError } from "@/lib/errors";
import { actionError } from "@/lib/forms/action-error";
import { actionSuccess, type ActionState } from "@/lib/forms/action-state";

const NAMESPACE = "crmDeals.errors";

async function staff() {
  const actor = await assertStaff(sectionRoles("deals"));
  return { id: actor.id, role: actor.role };
}

/** actionError, but a refusal whose message is one of our own keys (a CONFLICT's reason) says that. */
async function dealActionError(error: unknown, formData?: FormData, log = "deal action"): Promise<ActionState> {
  const state = await actionError(error, { namespace: NAMESPACE, formData, log });
  const { code, message } = toAppError(error);
  if (code !== "INTERNAL" && code !== "VALIDATION" && message.startsWith(`${NAMESPACE}.`)) {
    const t = await getTranslations();
    if (t.has(message as never)) state.message = t(message as never);
  }
  return state;
}

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

function dealInput(formData: FormData) {
  return Object.fromEntries(
    [
      "title",
      "pipelineId",
      "stageId",
      "customerId",
      "contactPersonId",
      "responsibleId",
      "orderNumber",
      "budget",
      "currency",
      "expectedCloseAt",
      "probability",
      "tags",
      "notes",
      "lostReason",
    ].map((name) => [name, text(formData, name)]),
  );
}

export async function createDealAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  let id: string;
  try {
    ({ id } = await createDeal(dealInput(formData), await staff()));
  } catch (error) {
    return dealActionError(error, formData, "deal create");
  }
  revalidatePath("/admin/deals");
  redirect(`/admin/deals/${id}`);
}

export async function updateDealAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { id } = await updateDeal(text(formData, "dealId"), dealInput(formData), await staff());
    revalidatePath("/admin/deals");
    revalidatePath(`/admin/deals/${id}`);
    return actionSuccess((await getTranslations("crmDeals.form"))("saved"));
  } catch (error) {
    return dealActionError(error, formData, "deal update");
  }
}

export type MoveDealActionResult = { ok: true } | { ok: false; message: string; field?: string };

/** The kanban's drop. The client has already moved the card; on a refusal it rolls back and shows `message`. */
export async function moveDealAction(input: {
  dealId: string;
  stageId: string;
  afterDealId: string | null;
  beforeDealId: string | null;
  lostReason?: string | null;
}): Promise<MoveDealActionResult> {
  try {
    await moveDeal(input, await staff());
    revalidatePath("/admin/deals");
    return { ok: true };
  } catch (error) {
    const state = await dealActionError(error, undefined, "deal move");
    const [field, fieldMessage] = Object.entries(state.fieldErrors ?? {})[0] ?? [];
    return { ok: false, message: fieldMessage ?? state.message ?? "", ...(field ? { field } : {}) };
  }
}

export async function searchDealCustomersAction(query: string): Promise<DealCustomerOption[]> {
  try {
    return await searchDealCustomers({ q: String(query).slice(0, 100) }, await staff());
  } catch {
    return [];
  }
}

// Pipelines and stages (/admin/deals/pipelines).

async function configure(run: (actor: Awaited<ReturnType<typeof staff>>) => Promise<unknown>, formData: FormData, log: string): Promise<ActionState> {
  try {
    await run(await staff());
    revalidatePath("/admin/deals", "layout");
    return actionSuccess((await getTranslations("crmDeals.pipelines"))("done"));
  } catch (error) {
    return dealActionError(error, formData, log);
  }
}

export async function createPipelineAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const t = await getTranslations("crmDeals.pipelines");
  const stages = text(formData, "stages")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((name) => ({ name }));
  return configure((actor) => createPipeline({ name: text(formData, "name"), stages, wonName: t("defaultWon"), lostName: t("defaultLost") }, actor), formData, "pipeline create");
}

export async function renamePipelineAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  return configure((actor) => renamePipeline({ pipelineId: text(formData, "pipelineId"), name: text(formData, "name") }, actor), formData, "pipeline rename");
}

export async function deletePipelineAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  return configure((actor) => deletePipeline({ pipelineId: text(formData, "pipelineId") }, actor), formData, "pipeline delete");
}

/** Moves one pipeline up or down: the form sends the whole order with that swap made. */
export async function reorderPipelinesAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  return configure((actor) => reorderPipelines({ pipelineIds: formData.getAll("order").map(String) }, actor), formData, "pipeline reorder");
}

export async function addStageAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  return configure(
    (actor) => addStage({ pipelineId: text(formData, "pipelineId"), name: text(formData, "name"), color: text(formData, "color") || undefined }, actor),
    formData,
    "stage add",
  );
}

export async function updateStageAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  return configure((actor) => updateStage({ stageId: text(formData, "stageId"), name: text(formData, "name"), color: text(formData, "color") }, actor), formData, "stage update");
}

export async function deleteStageAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  return configure((actor) => deleteStage({ stageId: text(formData, "stageId") }, actor), formData, "stage delete");
}

export async function reorderStagesAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  return configure((actor) => reorderStages({ pipelineId: text(formData, "pipelineId"), stageIds: formData.getAll("order").map(String) }, actor), formData, "stage reorder");
}
