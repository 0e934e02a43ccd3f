// The rows of the "customer's history" report (the printable page and its CSV): the timeline,
// each entry as when / what / details / who, in the reader's language.
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TimelineEntry } from "@/lib/crm/customers/get-customer-timeline";
import { formatMoney } from "@/lib/money/format";
import { timelineText } from "./timeline-text";

export interface HistoryReportRow {
  key: string;
  at: string;
  atText: string;
  kind: string;
  title: string;
  details: string;
  who: string;
  orderId: string | null;
}

export async function historyReportRows(entries: TimelineEntry[]): Promise<HistoryReportRow[]> {
  const [t, tStatus, format, locale] = await Promise.all([getTranslations("crmCustomers"), getTranslations("orderStatus"), getFormatter(), getLocale()]);
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  return entries.map((entry) => {
    const text = timelineText(
      entry,
      (key, values) => t(key as never, values as never),
      (status) => tStatus(status as never),
      date,
      (amount, currency) => formatMoney(amount, currency, locale),
    );
    return {
      key: entry.key,
      at: entry.at,
      atText: date(entry.at),
      kind: t(`historyReport.kinds.${entry.kind}`),
      title: text.title,
      details: text.details.join("\n"),
      who: text.who ?? "",
      orderId: "orderId" in entry ? entry.orderId : null,
    };
  });
}
