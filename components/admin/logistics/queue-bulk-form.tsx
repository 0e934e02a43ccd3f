"use client";

import { useTranslations } from "next-intl";
import { useActionState, useRef, useState } from "react";
import { secondaryButton, smallControl, smallPrimaryButton } from "@/components/ui/styles";
import { initialBulkState, type BulkState } from "./logistics-states";

type Action = (state: BulkState, formData: FormData) => Promise<BulkState>;

interface Props {
  moveAction: Action;
  batchAction: Action;
  /** Statuses the signed-in role may move orders of this queue to. */
  targets: { value: string; label: string }[];
  /** Order numbers by id, for the per-order messages and the tracking-number page. */
  orderNumbers: Record<string, number>;
  /** Offer "make a batch" (the to-ship and shipped queues). */
  canBatch: boolean;
  today: string;
  children: React.ReactNode;
}

const FORMS = ["f7p", "f112ep", "f116", "f103"] as const;

/**
 * The queue table wrapped in one form: its row checkboxes (name="orderIds") are the selection.
 * Printing opens the forms route for the selected orders in a new tab; setting tracking numbers
 * opens the tracking-number page with their numbers filled in; the batch and the status move are
 * Server Actions.
 */
export function QueueBulkForm({ moveAction, batchAction, targets, orderNumbers, canBatch, today, children }: Props) {
  const t = useTranslations("logistics.bulk");
  const [moveState, move, moving] = useActionState(moveAction, initialBulkState);
  const [batchState, batch, batching] = useActionState(batchAction, initialBulkState);
  const [selected, setSelected] = useState<string[]>([]);
  const [forms, setForms] = useState<string[]>(["f7p", "f112ep"]);
  const formRef = useRef<HTMLFormElement>(null);
  const recount = () => setSelected([...(formRef.current?.querySelectorAll<HTMLInputElement>('input[name="orderIds"]:checked') ?? [])].map((box) => box.value));
  const printHref = `/api/admin/logistics/forms?orders=${selected.join(",")}&forms=${forms.join(",")}`;
  const trackingHref = `/admin/logistics/tracking?orders=${selected.map((id) => orderNumbers[id]).join(",")}`;
  const state = batchState.status !== "idle" && (batchState.status === "error" || moveState.status === "idle") ? batchState : moveState;

  return (
    <form ref={formRef} onChange={recount} data-testid="logistics-bulk-form">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-slate-50/70 px-3 py-2">
        <span className="mr-auto text-sm text-slate-600" data-testid="bulk-selected">
          {t("selected", { count: selected.length })}
        </span>
        <fieldset className="flex items-center gap-2 text-sm text-slate-600">
          <legend className="sr-only">{t("printForms")}</legend>
          {FORMS.map((form) => (
            <label key={form} className="flex items-center gap-1">
              <input
                type="checkbox"
                className="size-4 rounded border-slate-300"
                checked={forms.includes(form)}
                onChange={(event) => setForms((current) => (event.target.checked ? [...current, form] : current.filter((item) => item !== form)))}
              />
              {t(`forms.${form}`)}
            </label>
          ))}
          <a
            href={selected.length && forms.length ? printHref : undefined}
            target="_blank"
            rel="noopener"
            aria-disabled={!selected.length || !forms.length}
            className={`${secondaryButton} h-8 ${selected.length && forms.length ? "" : "pointer-events-none opacity-50"}`}
            data-testid="print-forms"
          >
            {t("printForms")}
          </a>
        </fieldset>
        <a
          href={selected.length ? trackingHref : undefined}
          aria-disabled={!selected.length}
          className={`${secondaryButton} h-8 ${selected.length ? "" : "pointer-events-none opacity-50"}`}
          data-testid="set-tracking"
        >
          {t("setTracking")}
        </a>
        {canBatch ? (
          <span className="flex items-center gap-1">
            <label className="sr-only" htmlFor="batch-ship-date">
              {t("shipDate")}
            </label>
            <input id="batch-ship-date" type="date" name="shipDate" defaultValue={today} className={`${smallControl} w-36`} />
            <button type="submit" formAction={batch} className={smallPrimaryButton} disabled={batching || selected.length === 0} data-testid="make-batch">
              {batching ? t("applying") : t("makeBatch")}
            </button>
          </span>
        ) : null}
        {targets.length ? (
          <span className="flex items-center gap-1">
            <label className="sr-only" htmlFor="bulk-to">
              {t("moveTo")}
            </label>
            <select id="bulk-to" name="to" className={smallControl} defaultValue="">
              <option value="" disabled>
                {t("moveTo")}…
              </option>
              {targets.map((target) => (
                <option key={target.value} value={target.value}>
                  {target.label}
                </option>
              ))}
            </select>
            <button type="submit" formAction={move} className={smallPrimaryButton} disabled={moving || selected.length === 0} data-testid="bulk-move">
              {moving ? t("applying") : t("apply")}
            </button>
          </span>
        ) : null}
      </div>
      {state.status !== "idle" ? (
        <div
          role={state.status === "error" || state.failures?.length ? "alert" : "status"}
          data-testid="bulk-result"
          className={`border-b px-3 py-2 text-sm ${state.status === "error" ? "border-red-100 bg-red-50 text-red-800" : state.failures?.length ? "border-amber-100 bg-amber-50 text-amber-900" : "border-emerald-100 bg-emerald-50 text-emerald-900"}`}
        >
          <p>{state.message}</p>
          {state.failures?.length ? (
            <ul className="mt-1 list-inside list-disc">
              {state.failures.map((failure) => (
                <li key={failure.id}>
                  {failure.text.startsWith("#") || failure.text.startsWith("№") ? failure.text : t("failedOrder", { number: orderNumbers[failure.id] ?? "?", error: failure.text })}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {children}
    </form>
  );
}

/** The header checkbox: (un)checks every row, then lets the form recount. */
export function SelectAllOrders({ label }: { label: string }) {
  return (
    <input
      type="checkbox"
      aria-label={label}
      className="size-4 rounded border-slate-300"
      onChange={(event) => {
        const form = event.currentTarget.form;
        form?.querySelectorAll<HTMLInputElement>('input[name="orderIds"]').forEach((box) => (box.checked = event.currentTarget.checked));
      }}
    />
  );
}
