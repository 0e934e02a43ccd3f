import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { OrderStatusCounts } from "@/lib/orders/list-orders";
import { ORDER_STATUSES } from "@/lib/orders/transitions";
import { withQuery, type OrderQuery } from "./orders-url";

/** "All" and one tab per status, each with its count under the current filters ("1,000+" past a filtered view's limit). */
export async function OrderStatusTabs({ counts, active, query }: { counts: OrderStatusCounts; active: string; query: OrderQuery }) {
  const [t, tStatus] = await Promise.all([getTranslations("orders"), getTranslations("orderStatus")]);
  const tabs = [{ value: "all", label: t("all"), count: counts.all }, ...ORDER_STATUSES.map((status) => ({ value: status, label: tStatus(status), count: counts[status] }))];
  return (
    <nav aria-label={t("tabsLabel")} className="mb-4 flex flex-wrap gap-1.5" data-testid="status-tabs">
      {tabs.map((tab) => {
        const isActive = tab.value === active;
        return (
          <Link
            key={tab.value}
            href={withQuery("/admin/orders", query, { tab: tab.value === "all" ? undefined : tab.value, cursor: undefined })}
            aria-current={isActive ? "page" : undefined}
            data-tab={tab.value}
            className={`flex shrink-0 items-center gap-1.5 rounded-full border px-3 py-1 text-sm font-medium whitespace-nowrap ${
              isActive ? "border-slate-900 bg-slate-900 text-white" : "border-slate-200 bg-white text-slate-700 hover:border-slate-300 hover:bg-slate-50"
            }`}
          >
            {tab.label}
            <span
              className={`text-xs tabular-nums ${isActive ? "text-slate-300" : tab.count ? "text-slate-500" : "text-slate-300"}`}
              data-testid={`tab-count-${tab.value}`}
              {...(counts.limit !== null && tab.count > counts.limit ? { title: t("countMoreHint", { limit: counts.limit }), "data-more": "" } : {})}
            >
              {counts.limit !== null && tab.count > counts.limit ? t("countMore", { limit: counts.limit }) : tab.count}
            </span>
          </Link>
        );
      })}
    </nav>
  );
}
