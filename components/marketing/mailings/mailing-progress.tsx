"use client";
// A mailing's progress while it sends: polls the progress route every second (no reload), shows
// the bar, sent / to send / failed / skipped / unsubscribed and the measured rate (mails per
// second over the last polls), and refreshes the page when the status changes (so the buttons
// beside it follow).
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { MailingProgress as Progress } from "@/lib/marketing/mailings/get-mailing-progress";

const POLL_MS = 1_000;

export function MailingProgress({ mailingId, initial }: { mailingId: string; initial: Progress }) {
  const t = useTranslations("mailings.progress");
  const router = useRouter();
  const [state, setState] = useState(initial);
  const [rate, setRate] = useState<number | null>(null);
  const samples = useRef<{ at: number; sent: number }[]>([]);
  const live = state.status === "SENDING" || state.status === "PAUSED";

  useEffect(() => {
    if (!live) return;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/api/admin/mailings/${encodeURIComponent(mailingId)}/progress`, { cache: "no-store" });
        if (!response.ok || stopped) return;
        const next = (await response.json()) as Progress;
        const now = Date.now();
        samples.current = [...samples.current, { at: now, sent: next.sent + next.failed }].filter((sample) => now - sample.at <= 10_000);
        const first = samples.current[0];
        if (first && now - first.at >= 1_000) setRate(((next.sent + next.failed - first.sent) * 1_000) / (now - first.at));
        setState((previous) => {
          if (previous.status !== next.status) router.refresh();
          return next;
        });
      } catch {
        // A missed poll is retried on the next tick.
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [mailingId, live, router]);

  const done = state.sent + state.failed + state.skipped;
  const percent = state.recipients > 0 ? Math.min(100, Math.round((done / state.recipients) * 100)) : 0;
  const cells: [string, number | string][] = [
    ["recipients", state.recipients],
    ["sent", state.sent],
    ["toSend", state.toSend],
    ["failed", state.failed],
    ["skipped", state.skipped],
    ["unsubscribed", state.unsubscribed],
  ];
  return (
    <div className="grid gap-3" data-testid="mailing-progress" data-status={state.status}>
      <div
        className="h-3 w-full overflow-hidden rounded-full bg-slate-100"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={state.recipients}
        aria-valuenow={done}
        aria-label={t("done", { done, total: state.recipients })}
      >
        <div
          className={`h-full ${state.status === "PAUSED" ? "bg-amber-500" : state.status === "CANCELLED" ? "bg-slate-400" : "bg-brand-600"} transition-[width]`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="text-sm text-slate-700" data-testid="mailing-progress-line">
        {t("done", { done, total: state.recipients })} · {t(`status.${state.status}`)}
        {state.status === "PAUSED" && state.pauseReason === "failures" ? ` · ${t("pausedByFailures")}` : ""}
        {state.status === "SENDING" ? ` · ${t("rate", { rate: rate === null ? "…" : rate.toFixed(1), limit: state.ratePerSecond })}` : ""}
      </p>
      <dl className="grid grid-cols-3 gap-3 text-sm sm:grid-cols-6">
        {cells.map(([key, value]) => (
          <div key={key} className="rounded-md bg-slate-50 px-3 py-2">
            <dt className="text-slate-500">{t(key)}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid={`mailing-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
