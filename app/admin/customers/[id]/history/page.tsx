// The printable "customer's history" report: everything on the card's timeline (the latest
// HISTORY_LIMIT events), with the card's totals at the top, and a CSV of the same rows.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { historyReportRows } from "@/components/crm/customers/history-report-rows";
import { PrintButton } from "@/components/crm/reports/print-button";
import { secondaryButton } from "@/components/ui/styles";
import { Table, Td, Th, THead } from "@/components/ui/table";
import { getCustomerTimeline, HISTORY_LIMIT } from "@/lib/crm/customers/get-customer-timeline";
import { formatMoney } from "@/lib/money/format";
import { formatRate } from "@/lib/reports/compute-rates";
import { loadCustomerPage } from "../load-customer-page";

// The admin shell (navigation, header) stays off paper.
const PRINT_CSS = "@media print { body aside, body header { display: none !important; } main { padding: 0 !important; } a { color: inherit; text-decoration: none; } }";

export default async function CustomerHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor, card } = await loadCustomerPage(id, { subpath: "/history", ability: "viewCustomers", input: { ordersLimit: 1 } });
  const timeline = await getCustomerTimeline({ customerId: card.customer.id, limit: HISTORY_LIMIT }, actor);
  const [t, format, locale, rows] = await Promise.all([getTranslations("crmCustomers"), getFormatter(), getLocale(), historyReportRows(timeline.entries)]);
  const { customer, totals } = card;
  const name = customer.name ?? t("card.noName");

  return (
    <article className="mx-auto max-w-5xl" data-testid="customer-history-report">
      <style>{PRINT_CSS}</style>
      <div className="mb-4 flex flex-wrap items-center gap-3 print:hidden">
        <Link href={`/admin/customers/${customer.id}`} className="text-sm text-slate-500 hover:text-slate-800">
          ← {name}
        </Link>
        <div className="ml-auto flex gap-2">
          <a href={`/api/admin/customers/${customer.id}/history`} className={secondaryButton} download data-testid="history-csv">
            {t("historyReport.csv")}
          </a>
          <PrintButton label={t("historyReport.print")} className={secondaryButton} testId="print-history" />
        </div>
      </div>
      <h1 className="text-2xl font-semibold tracking-tight">{t("historyReport.title", { name })}</h1>
      <p className="mb-4 text-sm text-slate-500">{t("historyReport.generated", { date: format.dateTime(new Date(), { dateStyle: "long", timeStyle: "short" }) })}</p>
      <dl className="mb-6 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        <dt className="text-slate-500">{t("card.ordersCount")}</dt>
        <dd className="tabular-nums">{totals.outcomes.total}</dd>
        <dt className="text-slate-500">{t("card.paidRevenue")}</dt>
        <dd className="tabular-nums">
          {totals.paidByCurrency.length ? totals.paidByCurrency.map((paid) => formatMoney(BigInt(paid.amountMinor), paid.currency, locale)).join(" + ") : t("card.noPaid")}
        </dd>
        <dt className="text-slate-500">{t("card.approveRate")}</dt>
        <dd className="tabular-nums">{formatRate(totals.rates.approveRate, locale)}</dd>
        <dt className="text-slate-500">{t("card.buyoutRate")}</dt>
        <dd className="tabular-nums">{formatRate(totals.rates.buyoutRate, locale)}</dd>
        <dt className="text-slate-500">{t("refusals.title")}</dt>
        <dd className="tabular-nums">{card.refusals.total}</dd>
        <dt className="text-slate-500">{t("card.phones")}</dt>
        <dd>{customer.phones.map((phone) => phone.phone).join(", ") || customer.phone || t("card.none")}</dd>
        <dt className="text-slate-500">{t("card.emails")}</dt>
        <dd className="break-all">{customer.emails.map((email) => email.email).join(", ") || customer.email || t("card.none")}</dd>
      </dl>
      {timeline.nextCursor ? <p className="mb-2 text-sm text-amber-800">{t("historyReport.truncated", { count: HISTORY_LIMIT })}</p> : null}
      {rows.length ? (
        <Table className="break-inside-auto" testId="history-rows" wrapperClassName={false}>
          <THead>
            <Th>{t("historyReport.columns.at")}</Th>
            <Th>{t("historyReport.columns.kind")}</Th>
            <Th>{t("historyReport.columns.details")}</Th>
            <Th>{t("historyReport.columns.who")}</Th>
          </THead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className="break-inside-avoid">
                <Td className="whitespace-nowrap tabular-nums">{row.atText}</Td>
                <Td className="whitespace-nowrap">{row.kind}</Td>
                <Td>
                  <div className="font-medium">{row.orderId ? <Link href={`/admin/orders/${row.orderId}`}>{row.title}</Link> : row.title}</div>
                  {row.details ? <div className="whitespace-pre-line text-slate-600">{row.details}</div> : null}
                </Td>
                <Td>{row.who}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p className="text-sm text-slate-500">{t("timeline.empty")}</p>
      )}
    </article>
  );
}
