"use client";
// The saved views of the customer list: open one (a link to its query), save the current
// filters and sort under a name (personal or shared), delete one's own.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { smallControl, smallPrimaryButton } from "@/components/ui/styles";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

export interface SavedViewLink {
  id: string;
  name: string;
  href: string;
  isShared: boolean;
  ownerName: string;
  mine: boolean;
  deletable: boolean;
}

function DeleteViewButton({ viewId, action }: { viewId: string; action: FormAction }) {
  const t = useTranslations("crmCustomers.views");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="viewId" value={viewId} />
      <button type="submit" disabled={pending} className="text-xs text-red-700 hover:underline disabled:opacity-50" data-testid="delete-view">
        {t("delete")}
      </button>
      {state.status === "error" ? <FormMessage state={state} /> : null}
    </form>
  );
}

export function SavedViewsMenu({
  views,
  currentQuery,
  canShare,
  saveAction,
  deleteAction,
}: {
  views: SavedViewLink[];
  currentQuery: string;
  canShare: boolean;
  saveAction: FormAction;
  deleteAction: FormAction;
}) {
  const t = useTranslations("crmCustomers.views");
  const [state, formAction, pending] = useActionState(saveAction, initialActionState);
  return (
    <details className="card mb-4 print:hidden" data-testid="saved-views">
      <summary className="cursor-pointer text-sm font-medium text-slate-700">
        {t("title")} ({views.length})
      </summary>
      <div className="mt-3 flex flex-col gap-3">
        {views.length ? (
          <ul className="flex flex-col gap-1 text-sm">
            {views.map((view) => (
              <li key={view.id} className="flex flex-wrap items-baseline gap-2" data-testid="saved-view">
                <a href={view.href} className="font-medium text-brand-700 hover:underline">
                  {view.name}
                </a>
                {view.isShared ? <span className="rounded bg-sky-50 px-1.5 text-xs text-sky-800">{t("shared")}</span> : null}
                {!view.mine ? <span className="text-xs text-slate-500">{t("by", { name: view.ownerName })}</span> : null}
                {view.deletable ? <DeleteViewButton viewId={view.id} action={deleteAction} /> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">{t("none")}</p>
        )}
        <form action={formAction} className="flex flex-wrap items-end gap-2 border-t border-slate-100 pt-3">
          <input type="hidden" name="query" value={currentQuery} />
          <label className="flex flex-col gap-1 text-xs text-slate-600">
            {t("name")}
            <input name="name" required maxLength={80} className={smallControl} data-testid="view-name" />
          </label>
          {canShare ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="isShared" /> {t("isShared")}
            </label>
          ) : null}
          <button type="submit" disabled={pending} className={smallPrimaryButton} data-testid="save-view">
            {t("saveButton")}
          </button>
          <FormMessage state={state} testId="view-message" />
        </form>
      </div>
    </details>
  );
}
