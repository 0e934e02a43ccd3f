"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { primaryButton, secondaryButton } from "@/components/ui/styles";
import { initialTrackingImportState, type TrackingImportState } from "./logistics-states";

interface Props {
  action: (state: TrackingImportState, formData: FormData) => Promise<TrackingImportState>;
  /** Lines to start with (the queue's selected orders: "1024 "). */
  initialText: string;
}

/** Paste or upload, check, then save: all rows, or — chosen explicitly — only the valid ones. */
export function TrackingImportForm({ action, initialText }: Props) {
  const t = useTranslations("logistics.tracking");
  const [state, formAction, pending] = useActionState(action, initialTrackingImportState);
  const text = state.text ?? initialText;
  const checked = state.rows !== undefined && !state.applied;
  return (
    <div className="flex flex-col gap-4">
      <form action={formAction} className="card flex flex-col gap-3" data-testid="tracking-import-form">
        <label htmlFor="tracking-text" className="text-sm font-medium text-slate-700">
          {t("pasteLabel")}
        </label>
        <textarea key={text} id="tracking-text" name="text" rows={10} defaultValue={text} placeholder={t("pastePlaceholder")} className="input font-mono text-sm" spellCheck={false} />
        <label className="text-sm text-slate-600">
          {t("fileLabel")} <input type="file" name="file" accept=".csv,text/csv,text/plain" className="text-sm" data-testid="tracking-file" />
        </label>
        <div className="flex flex-wrap gap-2">
          <button type="submit" name="intent" value="check" className={secondaryButton} disabled={pending} data-testid="tracking-check">
            {t("check")}
          </button>
          <button type="submit" name="intent" value="apply" className={primaryButton} disabled={pending} data-testid="tracking-apply">
            {t("apply")}
          </button>
          {checked && state.invalid && state.valid ? (
            <button type="submit" name="intent" value="applyValid" className={secondaryButton} disabled={pending} data-testid="tracking-apply-valid">
              {t("applyValid")}
            </button>
          ) : null}
        </div>
        <FormMessage state={state} testId="tracking-result" />
      </form>
      {state.rows?.length ? (
        <section className="card p-0" aria-labelledby="tracking-rows-title">
          <h2 id="tracking-rows-title" className="px-5 pt-4 text-base font-semibold">
            {t("resultsTitle")}
          </h2>
          <div className="overflow-x-auto">
            <table className="table mt-2" data-testid="tracking-rows">
              <thead>
                <tr>
                  <th className="text-right">{t("columns.line")}</th>
                  <th>{t("columns.order")}</th>
                  <th>{t("columns.trackingNumber")}</th>
                  <th>{t("columns.result")}</th>
                </tr>
              </thead>
              <tbody>
                {state.rows.map((row) => (
                  <tr key={row.line} data-testid="tracking-row" data-ok={row.ok ? "true" : "false"} className={row.ok ? "" : "bg-red-50/60"}>
                    <td className="text-right tabular-nums">{row.line}</td>
                    <td className="tabular-nums">
                      {row.orderId ? (
                        <Link href={`/admin/orders/${row.orderId}`} className="text-brand-700 hover:underline">
                          {row.order}
                        </Link>
                      ) : (
                        row.order || "—"
                      )}
                    </td>
                    <td className="font-mono text-xs">{row.trackingNumber || "—"}</td>
                    <td className={row.ok ? "text-emerald-800" : "text-red-800"}>{row.result}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
