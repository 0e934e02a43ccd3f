// /admin/crm-reports/contacts — "Contacts for a period": interactions by employee and kind with
// results and next steps, a chart, the table, the period's interactions, a CSV download; printable
// (the admin's navigation and the controls stay off paper).
import { getFormatter, getTranslations } from "next-intl/server";
import { ContactsChart } from "@/components/crm/interactions/contacts-chart";
import { PeriodReportHeader, periodQuery, ReportSection } from "@/components/crm/reports/period-report-header";
import { Table, Td, Th, THead } from "@/components/ui/table";
import { getContactsReport, INTERACTION_KINDS } from "@/lib/crm/interactions/get-contacts-report";
import { periodInput, withPeriodFallback, type SearchParams } from "@/lib/reports/period-params";
import { zonedDayStart } from "@/lib/reports/resolve-period";
import { requireCrmPage } from "../../crm-page-guard";

const DEFAULT_PERIOD = { period: "30d" } as const;

export default async function ContactsReportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireCrmPage("crmReports", "/admin/crm-reports/contacts", "viewReports");
  const params = await searchParams;
  const actor = { id: staff.id, role: staff.role };
  const [t, format, { result: report, invalidFields }] = await Promise.all([
    getTranslations("crmContactsReport"),
    getFormatter(),
    withPeriodFallback((input) => getContactsReport(input, actor), periodInput(params), DEFAULT_PERIOD),
  ]);
  const { period } = report;
  const day = (value: string) => format.dateTime(zonedDayStart(value, period.timeZone), { dateStyle: "medium", timeZone: period.timeZone });
  const employeeName = (name: string | null) => name ?? t("noEmployee");
  const chartData = report.rows.map((row) => ({ employee: employeeName(row.userName), ...row.byKind }));
  const kindLabels = Object.fromEntries(INTERACTION_KINDS.map((kind) => [kind, t(`kinds.${kind}`)])) as Record<(typeof INTERACTION_KINDS)[number], string>;

  return (
    <>
      <PeriodReportHeader
        title={t("title")}
        action="/admin/crm-reports/contacts"
        period={period}
        presetHref={(preset) => `/admin/crm-reports/contacts?period=${preset}`}
        csv={{ href: `/api/admin/crm-reports/contacts?${new URLSearchParams(periodQuery(period))}`, label: t("csv"), testId: "contacts-csv" }}
        printLabel={t("print")}
        range={`${t("description")} ${t("range", { from: day(period.fromDay), to: day(period.toDay) })}`}
        invalidFields={invalidFields}
        invalidMessage={(fields) => t("invalidPeriod", { fields })}
      />

      <ReportSection id="contacts-chart-title" title={t("chartTitle")}>
        {report.totals.total ? <ContactsChart data={chartData} labels={kindLabels} /> : <p className="flex h-40 items-center justify-center text-sm text-slate-500">{t("chartEmpty")}</p>}
      </ReportSection>

      <ReportSection id="contacts-table-title" title={t("tableTitle")} className="card mb-6 overflow-x-auto">
        <Table testId="contacts-table" wrapperClassName={false}>
          <THead>
            <Th>{t("employee")}</Th>
            {INTERACTION_KINDS.map((kind) => (
              <Th key={kind} numeric>
                {kindLabels[kind]}
              </Th>
            ))}
            <Th numeric>{t("total")}</Th>
            <Th numeric>{t("withResult")}</Th>
            <Th numeric>{t("withNextStep")}</Th>
          </THead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.userId ?? "none"} data-testid="contacts-row" data-user-id={row.userId ?? ""}>
                <Td>{employeeName(row.userName)}</Td>
                {INTERACTION_KINDS.map((kind) => (
                  <Td key={kind} numeric data-kind={kind}>
                    {row.byKind[kind]}
                  </Td>
                ))}
                <Td numeric className="font-semibold" data-testid="row-total">
                  {row.total}
                </Td>
                <Td numeric>{row.withResult}</Td>
                <Td numeric>{row.withNextStep}</Td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-semibold" data-testid="contacts-totals">
              <Td>{t("totalRow")}</Td>
              {INTERACTION_KINDS.map((kind) => (
                <Td key={kind} numeric data-kind={kind}>
                  {report.totals.byKind[kind]}
                </Td>
              ))}
              <Td numeric data-testid="total-all">
                {report.totals.total}
              </Td>
              <Td numeric>{report.totals.withResult}</Td>
              <Td numeric>{report.totals.withNextStep}</Td>
            </tr>
          </tfoot>
        </Table>
      </ReportSection>

      <ReportSection id="contacts-entries-title" title={t("entriesTitle")} className="card overflow-x-auto">
        {report.entriesTruncated ? <p className="mb-2 text-sm text-slate-500">{t("entriesTruncated", { count: report.entries.length })}</p> : null}
        <Table testId="contacts-entries" wrapperClassName={false}>
          <THead>
            <Th>{t("columns.time")}</Th>
            <Th>{t("employee")}</Th>
            <Th>{t("columns.kind")}</Th>
            <Th>{t("columns.customer")}</Th>
            <Th>{t("columns.subject")}</Th>
            <Th>{t("columns.result")}</Th>
            <Th>{t("columns.nextStep")}</Th>
          </THead>
          <tbody>
            {report.entries.map((entry) => (
              <tr key={entry.id}>
                <Td className="whitespace-nowrap tabular-nums">{format.dateTime(entry.occurredAt, { dateStyle: "short", timeStyle: "short" })}</Td>
                <Td>{employeeName(entry.userName)}</Td>
                <Td>{kindLabels[entry.kind]}</Td>
                <Td>
                  <a href={`/admin/customers/${entry.customer.id}`} className="text-brand-700 hover:underline">
                    {entry.customer.name ?? t("noName")}
                  </a>
                </Td>
                <Td>{entry.subject}</Td>
                <Td>{entry.result}</Td>
                <Td>{entry.nextStep}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </ReportSection>
    </>
  );
}
