"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { initialBulkStatusState, type BulkStatusState } from "./bulk-status-state";
import { smallControl, smallPrimaryButton } from "@/components/ui/styles";

interface Props {
  action: (state: BulkStatusState, formData: FormData) => Promise<BulkStatusState>;
  /** The statuses the signed-in role may move orders to (from at least one status). */
  targets: { value: string; label: string }[];
  children: React.ReactNode;
}

/**
 * The order table wrapped in one form: its row checkboxes (name="orderIds") are the selection,
 * the toolbar picks the status. Works as a plain form post; the script only counts the selection.
 */
export function BulkStatusForm({ action, targets, children }: Props) {
  const t = useTranslations("orders.bulk");
  const [state, formAction, pending] = useActionState(action, initialBulkStatusState);
  const [selected, setSelected] = useState(0);
  const recount = (form: HTMLFormElement) => setSelected(form.querySelectorAll('input[name="orderIds"]:checked').length);

  return (
    <form action={formAction} onChange={(event) => recount(event.currentTarget)} onReset={() => setSelected(0)} data-testid="bulk-status-form">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-slate-50/70 px-3 py-2">
        <span className="mr-auto text-sm text-slate-600" data-testid="bulk-selected">
          {t("selected", { count: selected })}
        </span>
        {targets.length ? (
          <>
            <label className="sr-only" htmlFor="bulk-to">
              {t("moveTo")}
            </label>
            <select id="bulk-to" name="to" className={smallControl} defaultValue="" required>
              <option value="" disabled>
                {t("moveTo")}…
              </option>
              {targets.map((target) => (
                <option key={target.value} value={target.value}>
                  {target.label}
                </option>
              ))}
            </select>
            <label className="sr-only" htmlFor="bulk-reason">
              {t("reason")}
            </label>
            <input id="bulk-reason" name="reason" maxLength={500} className={`${smallControl} w-56`} placeholder={t("reason")} />
            <button type="submit" className={smallPrimaryButton} disabled={pending || selected === 0}>
              {pending ? t("applying") : t("apply")}
            </button>
          </>
        ) : (
          <span className="text-sm text-slate-500">{t("noTargets")}</span>
        )}
      </div>
      {state.status !== "idle" ? (
        <div
          role={state.status === "error" || state.failures?.length ? "alert" : "status"}
          data-testid="bulk-result"
          className={`border-b px-3 py-2 text-sm ${
            state.status === "error"
              ? "border-red-100 bg-red-50 text-red-800"
              : state.failures?.length
                ? "border-amber-100 bg-amber-50 text-amber-900"
                : "border-emerald-100 bg-emerald-50 text-emerald-900"
          }`}
        >
          <p>{state.message}</p>
          {state.failures?.length ? (
            <>
              <p className="mt-1 font-medium text-red-800">{t("failedTitle")}</p>
              <ul className="mt-0.5 list-inside list-disc text-red-800">
                {state.failures.map((failure) => (
                  <li key={failure.id}>{t("failedOrder", { number: failure.number ?? "?", error: failure.error })}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      {children}
    </form>
  );
}

/** The header checkbox: (un)checks every row of its form; the form's change handler recounts. */
export function SelectAllCheckbox({ label }: { label: string }) {
  return (
    <input
      type="checkbox"
      aria-label={label}
      className="size-4 rounded border-slate-300"
      onChange={(event) => {
        const form = event.currentTarget.form;
        form?.querySelectorAll<HTMLInputElement>('input[name="orderIds"]').forEach((box) => {
          box.checked = event.currentTarget.checked;
        });
      }}
    />
  );
}
