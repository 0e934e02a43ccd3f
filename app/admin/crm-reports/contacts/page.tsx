// /admin/crm-reports/contacts — "Contacts for a period": interactions by employee and kind with
// results and next steps, a chart, the table, the period's interactions, a CSV download; printable
// (the admin's navigation and the controls stay off paper).
import { forbidden } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CustomPeriodForm, InvalidPeriodNotice, PeriodPresetNav } from "@/components/admin/custom-period-form";
import { PageHeader } from "@/components/admin/page-header";
import { ContactsChart } from "@/components/crm/interactions/contacts-chart";
import { PrintButton } from "@/components/crm/interactions/print-button";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { canCrm } from "@/lib/crm/crm-access";
import { getContactsReport, INTERACTION_KINDS } from "@/lib/crm/interactions/get-contacts-report";
import { periodInput, withPeriodFallback, type SearchParams } from "@/lib/reports/period-params";
import { PERIOD_PRESETS, zonedDayStart } from "@/lib/reports/resolve-period";

const DEFAULT_PERIOD = { period: "30d" } as const;

export default async function ContactsReportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaffPage(sectionRoles("crmReports"), "/admin/crm-reports/contacts");
  if (!canCrm(staff.role, "viewReports")) forbidden();
  const params = await searchParams;
  const actor = { id: staff.id, role: staff.role };
  const [t, tPeriod, format, { result: report, invalidFields }] = await Promise.all([
    getTranslations("crmContactsReport"),
    getTranslations("dashboard"),
    getFormatter(),
    withPeriodFallback((input) => getContactsReport(input, actor), periodInput(params), DEFAULT_PERIOD),
  ]);
  const { period } = report;
  const day = (value: string) => format.dateTime(zonedDayStart(value, period.timeZone), { dateStyle: "medium", timeZone: period.timeZone });
  const query = new URLSearchParams(period.kind === "custom" ? { period: "custom", from: period.fromDay, to: period.toDay } : { period: period.kind });
  const employeeName = (name: string | null) => name ?? t("noEmployee");
  const chartData = report.rows.map((row) => ({ employee: employeeName(row.userName), ...row.byKind }));
  const kindLabels = Object.fromEntries(INTERACTION_KINDS.map((kind) => [kind, t(`kinds.${kind}`)])) as Record<(typeof INTERACTION_KINDS)[number], string>;

  return (
    <>
      {/* On paper: the report only, without the admin's navigation. */}
      <style media="print">{"aside, header { display: none !important; } main { padding: 0 !important; } .card { break-inside: avoid; box-shadow: none; }"}</style>
      <PageHeader title={t("title")}>
        <div className="flex flex-wrap items-center gap-3 print:hidden">
          <PeriodPresetNav
            label={tPeriod("period")}
            current={period.kind}
            items={PERIOD_PRESETS.map((preset) => ({ preset, href: `/admin/crm-reports/contacts?period=${preset}`, text: tPeriod(`periods.${preset}`) }))}
          />
          <a href={`/api/admin/crm-reports/contacts?${query}`} className="btn-secondary h-8 py-0 text-sm" data-testid="contacts-csv" download>
            {t("csv")}
          </a>
          <PrintButton label={t("print")} />
        </div>
      </PageHeader>
      <div className="-mt-3 mb-5 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-500" data-testid="period-range">
          {t("description")} {t("range", { from: day(period.fromDay), to: day(period.toDay) })}
        </p>
        <div className="print:hidden">
          <CustomPeriodForm
            action="/admin/crm-reports/contacts"
            period={period}
            labels={{ from: tPeriod("from"), to: tPeriod("to"), show: tPeriod("show"), form: tPeriod("periods.custom") }}
          />
        </div>
      </div>
      <InvalidPeriodNotice
        message={
          invalidFields.length ? t("invalidPeriod", { fields: invalidFields.map((field) => (field === "from" || field === "to" ? tPeriod(field) : tPeriod("period"))).join(", ") }) : null
        }
      />

      <section className="card mb-6" aria-labelledby="contacts-chart-title">
        <h2 id="contacts-chart-title" className="mb-3 text-base font-semibold">
          {t("chartTitle")}
        </h2>
        {report.totals.total ? <ContactsChart data={chartData} labels={kindLabels} /> : <p className="flex h-40 items-center justify-center text-sm text-slate-400">{t("chartEmpty")}</p>}
      </section>

      <section className="card mb-6 overflow-x-auto" aria-labelledby="contacts-table-title">
        <h2 id="contacts-table-title" className="mb-3 text-base font-semibold">
          {t("tableTitle")}
        </h2>
        <table className="table" data-testid="contacts-table">
          <thead>
            <tr>
              <th>{t("employee")}</th>
              {INTERACTION_KINDS.map((kind) => (
                <th key={kind} className="text-right">
                  {kindLabels[kind]}
                </th>
              ))}
              <th className="text-right">{t("total")}</th>
              <th className="text-right">{t("withResult")}</th>
              <th className="text-right">{t("withNextStep")}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.userId ?? "none"} data-testid="contacts-row" data-user-id={row.userId ?? ""}>
                <td>{employeeName(row.userName)}</td>
                {INTERACTION_KINDS.map((kind) => (
                  <td key={kind} className="text-right tabular-nums" data-kind={kind}>
                    {row.byKind[kind]}
                  </td>
                ))}
                <td className="text-right font-semibold tabular-nums" data-testid="row-total">
                  {row.total}
                </td>
                <td className="text-right tabular-nums">{row.withResult}</td>
                <td className="text-right tabular-nums">{row.withNextStep}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-semibold" data-testid="contacts-totals">
              <td>{t("totalRow")}</td>
              {INTERACTION_KINDS.map((kind) => (
                <td key={kind} className="text-right tabular-nums" data-kind={kind}>
                  {report.totals.byKind[kind]}
                </td>
              ))}
              <td className="text-right tabular-nums" data-testid="total-all">
                {report.totals.total}
              </td>
              <td className="text-right tabular-nums">{report.totals.withResult}</td>
              <td className="text-right tabular-nums">{report.totals.withNextStep}</td>
            </tr>
          </tfoot>
        </table>
      </section>

      <section className="card overflow-x-auto" aria-labelledby="contacts-entries-title">
        <h2 id="contacts-entries-title" className="mb-3 text-base font-semibold">
          {t("entriesTitle")}
        </h2>
        {report.entriesTruncated ? <p className="mb-2 text-sm text-slate-500">{t("entriesTruncated", { count: report.entries.length })}</p> : null}
        <table className="table" data-testid="contacts-entries">
          <thead>
            <tr>
              <th>{t("columns.time")}</th>
              <th>{t("employee")}</th>
              <th>{t("columns.kind")}</th>
              <th>{t("columns.customer")}</th>
              <th>{t("columns.subject")}</th>
              <th>{t("columns.result")}</th>
              <th>{t("columns.nextStep")}</th>
            </tr>
          </thead>
          <tbody>
            {report.entries.map((entry) => (
              <tr key={entry.id}>
                <td className="whitespace-nowrap tabular-nums">{format.dateTime(entry.occurredAt, { dateStyle: "short", timeStyle: "short" })}</td>
                <td>{employeeName(entry.userName)}</td>
                <td>{kindLabels[entry.kind]}</td>
                <td>
                  <a href={`/admin/customers/${entry.customer.id}`} className="text-brand-700 hover:underline">
                    {entry.customer.name ?? t("noName")}
                  </a>
                </td>
                <td>{entry.subject}</td>
                <td>{entry.result}</td>
                <td>{entry.nextStep}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
