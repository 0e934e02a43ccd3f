// The card's timeline: everything that happened with the customer, newest first, paged.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TimelinePage } from "@/lib/crm/customers/get-customer-timeline";
import { formatMoney } from "@/lib/money/format";
import { timelineText } from "./timeline-text";

const KIND_DOT = {
  order: "bg-brand-600",
  status: "bg-sky-500",
  mail: "bg-violet-500",
  interaction: "bg-amber-500",
  taskCreated: "bg-slate-400",
  taskCompleted: "bg-emerald-500",
  dealStage: "bg-rose-500",
} as const;

export async function CustomerTimeline({ page, olderHref, newestHref }: { page: TimelinePage; olderHref: string | null; newestHref: string | null }) {
  const [t, tStatus, format, locale] = await Promise.all([getTranslations("crmCustomers"), getTranslations("orderStatus"), getFormatter(), getLocale()]);
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  return (
    <section className="card" aria-labelledby="customer-timeline-title" data-testid="customer-timeline">
      <h2 id="customer-timeline-title" className="mb-3 text-base font-semibold">
        {t("card.timeline")}
      </h2>
      {page.entries.length ? (
        <ol className="flex flex-col gap-3">
          {page.entries.map((entry) => {
            const text = timelineText(
              entry,
              (key, values) => t(key as never, values as never),
              (status) => tStatus(status as never),
              date,
              (amount, currency) => formatMoney(amount, currency, locale),
            );
            return (
              <li key={entry.key} className="flex gap-3 text-sm" data-testid="timeline-entry" data-kind={entry.kind}>
                <span className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${KIND_DOT[entry.kind]}`} aria-hidden />
                <div className="min-w-0">
                  <div className="flex flex-wrap items-baseline gap-x-2">
                    {"orderId" in entry && entry.orderId ? (
                      <Link href={`/admin/orders/${entry.orderId}`} className="font-medium text-brand-700 hover:underline">
                        {text.title}
                      </Link>
                    ) : (
                      <span className="font-medium">{text.title}</span>
                    )}
                    <time dateTime={entry.at} className="text-xs text-slate-500 tabular-nums">
                      {date(entry.at)}
                    </time>
                    {text.who ? <span className="text-xs text-slate-500">{t("timeline.by", { name: text.who })}</span> : null}
                  </div>
                  {text.details.map((line, index) => (
                    <p key={index} className="whitespace-pre-line text-slate-600">
                      {line}
                    </p>
                  ))}
                </div>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="text-sm text-slate-500">{t("timeline.empty")}</p>
      )}
      {olderHref || newestHref ? (
        <div className="mt-3 flex gap-3 text-sm print:hidden">
          {newestHref ? (
            <Link href={newestHref} className="text-brand-700 hover:underline">
              {t("card.timelineNewest")}
            </Link>
          ) : null}
          {olderHref ? (
            <Link href={olderHref} className="text-brand-700 hover:underline" data-testid="timeline-older">
              {t("card.timelineMore")} →
            </Link>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
