"use client";
// The pipelines settings: rename, reorder and delete pipelines; add, rename, colour, reorder and
// delete their OPEN stages (WON and LOST are fixed). Each control is a small form of its own so a
// refusal ("deals are still in this stage") shows next to it.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { control, primaryButton, secondaryButton } from "@/components/ui/styles";
import type { PipelineWithStages } from "@/lib/crm/deals/list-pipelines";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export interface PipelineActions {
  create: Action;
  rename: Action;
  remove: Action;
  reorder: Action;
  addStage: Action;
  updateStage: Action;
  deleteStage: Action;
  reorderStages: Action;
}

function ActionForm({ action, children, className = "", label }: { action: Action; children: React.ReactNode; className?: string; label?: string }) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className={className} aria-label={label} aria-busy={pending}>
      {children}
      {state.status === "error" ? (
        <p role="alert" className="basis-full text-xs text-red-700">
          {Object.values(state.fieldErrors ?? {})[0] ?? state.message}
        </p>
      ) : null}
    </form>
  );
}

/** The ids with the one at `index` swapped with its neighbour in `direction`. */
function swapped(ids: string[], index: number, direction: -1 | 1): string[] {
  const next = [...ids];
  [next[index], next[index + direction]] = [next[index + direction]!, next[index]!];
  return next;
}

export function PipelineSettings({ pipelines, actions }: { pipelines: PipelineWithStages[]; actions: PipelineActions }) {
  const t = useTranslations("crmDeals.pipelines");
  const pipelineIds = pipelines.map((pipeline) => pipeline.id);
  return (
    <div className="flex flex-col gap-6">
      {pipelines.map((pipeline, index) => {
        const open = pipeline.stages.filter((stage) => stage.kind === "OPEN");
        const openIds = open.map((stage) => stage.id);
        return (
          <section key={pipeline.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="pipeline-settings" data-pipeline-name={pipeline.name}>
            <div className="flex flex-wrap items-start gap-2">
              <ActionForm action={actions.rename} className="flex flex-wrap items-center gap-2" label={t("rename")}>
                <input type="hidden" name="pipelineId" value={pipeline.id} />
                <input name="name" defaultValue={pipeline.name} required maxLength={100} aria-label={t("name")} className={`${control} w-64 font-semibold`} />
                <button type="submit" className={secondaryButton}>
                  {t("rename")}
                </button>
              </ActionForm>
              <span className="flex h-9 items-center text-sm text-slate-500">{t("deals", { count: pipeline.dealCount })}</span>
              <div className="ml-auto flex gap-2">
                {[-1, 1].map((direction) =>
                  pipelines[index + direction] ? (
                    <ActionForm key={direction} action={actions.reorder}>
                      {swapped(pipelineIds, index, direction as -1 | 1).map((id) => (
                        <input key={id} type="hidden" name="order" value={id} />
                      ))}
                      <button type="submit" className={secondaryButton} aria-label={`${direction < 0 ? t("moveUp") : t("moveDown")}: ${pipeline.name}`}>
                        {direction < 0 ? "↑" : "↓"}
                      </button>
                    </ActionForm>
                  ) : null,
                )}
                <ActionForm action={actions.remove}>
                  <input type="hidden" name="pipelineId" value={pipeline.id} />
                  <button type="submit" className={secondaryButton} disabled={pipeline.dealCount > 0 || pipelines.length <= 1}>
                    {t("delete")}
                  </button>
                </ActionForm>
              </div>
            </div>

            <h3 className="mt-4 mb-2 text-sm font-semibold text-slate-700">{t("stages")}</h3>
            <ul className="flex flex-col gap-2">
              {pipeline.stages.map((stage) => {
                const openIndex = openIds.indexOf(stage.id);
                return (
                  <li key={stage.id} className="flex flex-wrap items-center gap-2" data-testid="stage-settings">
                    <ActionForm action={actions.updateStage} className="flex flex-wrap items-center gap-2">
                      <input type="hidden" name="stageId" value={stage.id} />
                      <input
                        type="color"
                        name="color"
                        defaultValue={stage.color ?? "#94a3b8"}
                        aria-label={`${t("color")}: ${stage.name}`}
                        className="h-9 w-10 rounded border border-slate-300"
                      />
                      <input name="name" defaultValue={stage.name} required maxLength={100} aria-label={t("stageName")} className={`${control} w-64`} />
                      <button type="submit" className={secondaryButton}>
                        {t("save")}
                      </button>
                    </ActionForm>
                    <span className="text-xs text-slate-500">
                      {stage.kind === "OPEN" ? t("deals", { count: stage.dealCount }) : `${t("fixed")} · ${t("deals", { count: stage.dealCount })}`}
                    </span>
                    {stage.kind === "OPEN" ? (
                      <div className="ml-auto flex gap-2">
                        {[-1, 1].map((direction) =>
                          openIds[openIndex + direction] ? (
                            <ActionForm key={direction} action={actions.reorderStages}>
                              <input type="hidden" name="pipelineId" value={pipeline.id} />
                              {swapped(openIds, openIndex, direction as -1 | 1).map((id) => (
                                <input key={id} type="hidden" name="order" value={id} />
                              ))}
                              <button type="submit" className={secondaryButton} aria-label={`${direction < 0 ? t("moveUp") : t("moveDown")}: ${stage.name}`}>
                                {direction < 0 ? "↑" : "↓"}
                              </button>
                            </ActionForm>
                          ) : null,
                        )}
                        <ActionForm action={actions.deleteStage}>
                          <input type="hidden" name="stageId" value={stage.id} />
                          <button type="submit" className={secondaryButton} disabled={stage.dealCount > 0 || open.length <= 1}>
                            {t("delete")}
                          </button>
                        </ActionForm>
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ul>
            <ActionForm action={actions.addStage} className="mt-3 flex flex-wrap items-center gap-2" label={t("addStage")}>
              <input type="hidden" name="pipelineId" value={pipeline.id} />
              <input type="color" name="color" defaultValue="#93c5fd" aria-label={t("color")} className="h-9 w-10 rounded border border-slate-300" />
              <input name="name" required maxLength={100} placeholder={t("stageName")} aria-label={t("stageName")} className={`${control} w-64`} />
              <button type="submit" className={secondaryButton}>
                {t("addStage")}
              </button>
            </ActionForm>
          </section>
        );
      })}

      <section className="rounded-lg border border-dashed border-slate-300 bg-white p-4">
        <h2 className="mb-3 text-base font-semibold">{t("newTitle")}</h2>
        <ActionForm action={actions.create} className="flex max-w-md flex-col gap-3" label={t("newTitle")}>
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t("name")}
            <input name="name" required maxLength={100} className={control} />
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t("firstStages")}
            <textarea name="stages" rows={4} required className={`${control} h-auto py-2`} />
          </label>
          <div>
            <button type="submit" className={primaryButton}>
              {t("create")}
            </button>
          </div>
        </ActionForm>
      </section>
    </div>
  );
}
