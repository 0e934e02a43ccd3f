import { getFormatter, getTranslations } from "next-intl/server";
import type { OrderHistoryEntry } from "@/lib/orders/get-order";
import { OrderStatusBadge } from "./order-status-badge";

const EDIT_PARTS = ["items", "address", "notes"] as const;

/**
 * updateOrderBeforeShipping notes an edit as a "change" to the same status with the reason
 * "order edited: items, notes": shown as an edit, in the reader's language.
 */
function editedParts(entry: OrderHistoryEntry): (typeof EDIT_PARTS)[number][] | null {
  if (entry.fromStatus !== entry.toStatus) return null;
  const parts = /^order edited: (.+)$/.exec(entry.reason ?? "")?.[1]?.split(", ");
  return parts?.every((part): part is (typeof EDIT_PARTS)[number] => (EDIT_PARTS as readonly string[]).includes(part)) ? parts : null;
}

/** The order's status changes (and edits), newest first: who, when, from → to, and why. */
export async function OrderHistory({ history }: { history: OrderHistoryEntry[] }) {
  const [t, tStatus, format] = await Promise.all([getTranslations("orders.detail"), getTranslations("orderStatus"), getFormatter()]);
  const who = (entry: OrderHistoryEntry) => {
    const { type, name } = entry.actor;
    if (type === "SYSTEM") return t("by.SYSTEM");
    if (type === "CUSTOMER") return name ? t("by.CUSTOMER", { name }) : t("by.CUSTOMER_ANONYMOUS");
    if (!name) return t("by.UNKNOWN");
    if (type === "API_KEY") return t("by.API_KEY", { name });
    return type === "PARTNER" ? t("by.PARTNER", { name }) : t("by.USER", { name });
  };
  return (
    <ol className="relative flex flex-col gap-4 border-l border-slate-200 pl-5" data-testid="order-history">
      {[...history].reverse().map((entry) => {
        const edit = editedParts(entry);
        return (
          <li key={entry.id} className="relative" data-testid="history-entry" data-to={entry.toStatus} data-from={entry.fromStatus ?? ""}>
            <span className="absolute top-1.5 -left-[25px] size-2.5 rounded-full border-2 border-white bg-slate-400 ring-1 ring-slate-300" aria-hidden />
            <div className="flex flex-wrap items-center gap-1.5 text-sm">
              {edit ? (
                <span className="text-slate-700">{t("edited", { parts: edit.map((part) => t(`editedParts.${part}`)).join(", ") })}</span>
              ) : entry.fromStatus ? (
                <>
                  <OrderStatusBadge status={entry.fromStatus} label={tStatus(entry.fromStatus)} />
                  <span className="text-slate-500" aria-hidden>
                    →
                  </span>
                </>
              ) : (
                <span className="text-slate-600">{t("created")}:</span>
              )}
              {edit ? null : <OrderStatusBadge status={entry.toStatus} label={tStatus(entry.toStatus)} />}
            </div>
            <div className="mt-1 text-xs text-slate-500">
              <span className="font-medium text-slate-700">{who(entry)}</span> ·{" "}
              <time dateTime={entry.createdAt.toISOString()}>{format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
            </div>
            {entry.reason && !edit ? <p className="mt-1 text-sm whitespace-pre-line text-slate-700">{entry.reason}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
