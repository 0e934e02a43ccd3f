import { getTranslations } from "next-intl/server";
import type { OrderStatusCounts } from "@/lib/orders/list-orders";
import { ORDER_STATUSES } from "@/lib/orders/transitions";
import { withQuery, type OrderQuery } from "./orders-url";
import { StatusTabLinks, type StatusTabView } from "./status-tab-links";

/** "All" and one tab per status, each with its count under the current filters ("1,000+" past a filtered view's limit). */
export async function OrderStatusTabs({ counts, active, query }: { counts: OrderStatusCounts; active: string; query: OrderQuery }) {
  const [t, tStatus] = await Promise.all([getTranslations("orders"), getTranslations("orderStatus")]);
  const tab = (value: string, label: string, count: number): StatusTabView => {
    const capped = counts.limit !== null && count > counts.limit;
    return {
      value,
      label,
      href: withQuery("/admin/orders", query, { tab: value === "all" ? undefined : value, cursor: undefined }),
      count: capped ? t("countMore", { limit: counts.limit! }) : count,
      ...(capped ? { hint: t("countMoreHint", { limit: counts.limit! }) } : {}),
    };
  };
  const tabs = [tab("all", t("all"), counts.all), ...ORDER_STATUSES.map((status) => tab(status, tStatus(status), counts[status]))];
  return <StatusTabLinks tabs={tabs} active={active} label={t("tabsLabel")} />;
}
