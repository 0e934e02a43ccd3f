"use client";
// The running import's progress bar: polls the import's JSON route every second and, when the
// job is over, refreshes the page (which then shows the result and the problems).
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

export interface ImportProgressState {
  status: "PENDING" | "RUNNING" | "DONE" | "FAILED";
  totalRows: number;
  processedRows: number;
  createdCount: number;
  updatedCount: number;
  skippedCount: number;
}

const POLL_MS = 1_000;

export function ImportProgress({ importId, initial }: { importId: string; initial: ImportProgressState }) {
  const t = useTranslations("crmImport.progress");
  const router = useRouter();
  const [state, setState] = useState(initial);
  const running = state.status === "RUNNING" || state.status === "PENDING";

  useEffect(() => {
    if (!running) return;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/api/admin/customers/imports/${importId}`, { cache: "no-store" });
        if (!response.ok || stopped) return;
        const next = (await response.json()) as ImportProgressState;
        setState(next);
        if (next.status === "DONE" || next.status === "FAILED") router.refresh();
      } catch {
        // A missed poll is retried on the next tick.
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [importId, running, router]);

  const percent = state.totalRows > 0 ? Math.round((state.processedRows / state.totalRows) * 100) : 0;
  return (
    <div className="grid gap-3" data-testid="import-progress" data-status={state.status}>
      <div
        className="h-3 w-full overflow-hidden rounded-full bg-slate-100"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={state.totalRows}
        aria-valuenow={state.processedRows}
        aria-label={t("processed", { processed: state.processedRows, total: state.totalRows })}
      >
        <div className={`h-full ${state.status === "FAILED" ? "bg-red-500" : "bg-brand-600"} transition-[width]`} style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-slate-700" data-testid="import-processed">
        {t("processed", { processed: state.processedRows, total: state.totalRows })} · {running ? t("running") : state.status === "DONE" ? t("done") : t("failed")}
      </p>
      <dl className="grid grid-cols-3 gap-3 text-sm">
        {(
          [
            ["created", state.createdCount],
            ["updated", state.updatedCount],
            ["skipped", state.skippedCount],
          ] as const
        ).map(([key, value]) => (
          <div key={key} className="rounded-md bg-slate-50 px-3 py-2">
            <dt className="text-slate-500">{t(key)}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid={`import-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
