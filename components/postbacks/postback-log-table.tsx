// A partner's postback log (cabinet and the owner's partner page): order, event, the URL as it
// went out, response code, duration, time, attempt and the start of the response, each row with
// a replay button. Times come formatted from the page, so nothing here needs a Date.
import { getTranslations } from "next-intl/server";
import type { PostbackLogRow } from "@/lib/affiliates/postbacks/list-postback-logs";
import type { ActionState } from "@/lib/forms/action-state";
import { ReplayPostbackButton } from "./replay-postback-button";

export interface PostbackLogTableProps {
  rows: (PostbackLogRow & { createdAtText: string })[];
  replayAction: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** Sent with a replay from the owner's page (the partner the page is about). */
  partnerId?: string;
}

const EVENT_KEYS: Record<string, string> = { "order.created": "created", "order.status": "status" };

export async function PostbackLogTable({ rows, replayAction, partnerId }: PostbackLogTableProps) {
  const t = await getTranslations("postbacks");
  if (rows.length === 0)
    return (
      <p className="text-sm text-slate-500" data-testid="postback-log-empty">
        {t("logEmpty")}
      </p>
    );
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="postback-log">
        <thead className="border-b border-slate-200 text-left text-xs text-slate-500 uppercase">
          <tr>
            <th className="px-3 py-2 font-medium">{t("columns.time")}</th>
            <th className="px-3 py-2 font-medium">{t("columns.order")}</th>
            <th className="px-3 py-2 font-medium">{t("columns.event")}</th>
            <th className="px-3 py-2 font-medium">{t("columns.url")}</th>
            <th className="px-3 py-2 text-right font-medium">{t("columns.code")}</th>
            <th className="px-3 py-2 text-right font-medium">{t("columns.duration")}</th>
            <th className="px-3 py-2 text-right font-medium">{t("columns.attempt")}</th>
            <th className="px-3 py-2 font-medium">{t("columns.response")}</th>
            <th className="px-3 py-2" />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const ok = row.statusCode !== null && row.statusCode >= 200 && row.statusCode < 300;
            const eventKey = EVENT_KEYS[row.event];
            return (
              <tr key={row.id} className="align-top" data-testid="postback-log-row" data-log-id={row.id} data-status-code={row.statusCode ?? ""}>
                <td className="px-3 py-2 whitespace-nowrap">{row.createdAtText}</td>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">{row.orderNumber ? `#${row.orderNumber}` : "—"}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {eventKey ? t(`events.${eventKey}`) : row.event}
                  {row.orderStatus ? <span className="block text-xs text-slate-500">{row.orderStatus}</span> : null}
                  {row.isReplay ? <span className="mt-0.5 inline-block rounded bg-sky-50 px-1.5 text-xs text-sky-800">{t("replayBadge")}</span> : null}
                </td>
                <td className="max-w-xs min-w-56 px-3 py-2 font-mono text-xs break-all">{row.url}</td>
                <td className="px-3 py-2 text-right tabular-nums">
                  <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}>
                    {row.statusCode ?? t("noResponse")}
                  </span>
                </td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{row.responseTimeMs === null ? "—" : t("durationMs", { ms: row.responseTimeMs })}</td>
                <td className="px-3 py-2 text-right tabular-nums">{row.attempt}</td>
                <td className="max-w-xs px-3 py-2 text-xs break-all text-slate-600">
                  {row.error ? <span className="block text-red-700">{row.error}</span> : null}
                  {row.responseExcerpt ? <span className="line-clamp-3 font-mono">{row.responseExcerpt}</span> : null}
                </td>
                <td className="px-3 py-2 text-right">
                  <ReplayPostbackButton action={replayAction} logId={row.id} partnerId={partnerId} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
