// Refusals by phone (the order-risk signal): counts per kind and the latest few, each linking to
// its order. On the customer card and on the order page.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { RefusalHistory } from "@/lib/crm/customers/get-refusal-history";
import { REFUSAL_KINDS } from "@/lib/crm/customers/get-refusal-history";

export async function RefusalHistoryPanel({ history, title, children }: { history: RefusalHistory; title?: string; children?: React.ReactNode }) {
  const [t, tStatus, format] = await Promise.all([getTranslations("crmCustomers.refusals"), getTranslations("orderStatus"), getFormatter()]);
  const risky = history.total > 0;
  return (
    <section className={`card ${risky ? "border-rose-200" : ""}`} aria-labelledby="refusals-title" data-testid="refusal-history">
      <h2 id="refusals-title" className="mb-2 text-base font-semibold">
        {title ?? t("title")}
      </h2>
      <p className={`mb-2 text-sm font-medium ${risky ? "text-rose-800" : "text-slate-600"}`} data-testid="refusal-total">
        {t("total", { count: history.total })}
      </p>
      {risky ? (
        <>
          <dl className="mb-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
            {REFUSAL_KINDS.map((kind) => (
              <div key={kind} className="contents">
                <dt className="text-slate-500">{t(`kinds.${kind}`)}</dt>
                <dd className="text-right tabular-nums" data-testid={`refusals-${kind}`}>
                  {history.counts[kind]}
                </dd>
              </div>
            ))}
          </dl>
          <h3 className="mb-1 text-xs font-medium text-slate-500 uppercase">{t("recent")}</h3>
          <ul className="flex flex-col gap-1 text-sm">
            {history.recent.map((entry) => (
              <li key={entry.id}>
                <time dateTime={entry.createdAt} className="text-slate-500 tabular-nums">
                  {format.dateTime(new Date(entry.createdAt), { dateStyle: "short" })}
                </time>{" "}
                {t(`kinds.${entry.kind}`)}
                {entry.order ? (
                  <>
                    {" · "}
                    <Link href={`/admin/orders/${entry.order.id}`} className="text-brand-700 hover:underline">
                      {t("order", { number: entry.order.number })}
                    </Link>{" "}
                    <span className="text-slate-500">({tStatus(entry.order.status)})</span>
                  </>
                ) : null}
                {entry.reason ? <span className="text-slate-500"> · {entry.reason}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="text-sm text-slate-500">{t("none")}</p>
      )}
      {history.phones.length ? <p className="mt-2 text-xs text-slate-500">{t("phones", { phones: history.phones.join(", ") })}</p> : null}
      {children}
    </section>
  );
}
