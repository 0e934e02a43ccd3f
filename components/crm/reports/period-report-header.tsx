// The top of a CRM report over a period (contacts, deal history): the title with the preset
// periods, the CSV download and the print button, the period's range beside the custom-period
// form, and the notice about period parameters that were ignored. Printed without the admin's
// navigation and the controls.
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { CustomPeriodForm, InvalidPeriodNotice, PeriodPresetNav } from "@/components/admin/custom-period-form";
import { PageHeader } from "@/components/admin/page-header";
import { PrintButton } from "@/components/crm/reports/print-button";
import { PERIOD_PRESETS, type PeriodPreset } from "@/lib/reports/resolve-period";

const PRINT_CSS = "aside, header { display: none !important; } main { padding: 0 !important; } .card { break-inside: avoid; box-shadow: none; }";

export async function PeriodReportHeader(props: {
  title: string;
  /** The report's own path, the custom-period form's action. */
  action: string;
  period: { kind: string; fromDay: string; toDay: string };
  presetHref: (preset: PeriodPreset) => string;
  /** Other query parameters the custom-period form keeps. */
  keep?: Record<string, string>;
  csv: { href: string; label: string; testId: string };
  printLabel: string;
  range: ReactNode;
  /** The period fields of the URL that were ignored, and the report's sentence naming them. */
  invalidFields: readonly string[];
  invalidMessage: (fields: string) => string;
  /** Shown between the range and the invalid-period notice (e.g. the pipeline switcher). */
  children?: ReactNode;
}) {
  const { period, csv } = props;
  const tPeriod = await getTranslations("dashboard");
  const fieldName = (field: string) => (field === "from" || field === "to" ? tPeriod(field) : tPeriod("period"));
  return (
    <>
      {/* On paper: the report only, without the admin's navigation. */}
      <style media="print">{PRINT_CSS}</style>
      <PageHeader title={props.title}>
        <div className="flex flex-wrap items-center gap-3 print:hidden">
          <PeriodPresetNav
            label={tPeriod("period")}
            current={period.kind}
            items={PERIOD_PRESETS.map((preset) => ({ preset, href: props.presetHref(preset), text: tPeriod(`periods.${preset}`) }))}
          />
          <a href={csv.href} className="btn-secondary h-8 py-0 text-sm" data-testid={csv.testId} download>
            {csv.label}
          </a>
          <PrintButton label={props.printLabel} className="btn-secondary h-8 py-0 text-sm print:hidden" />
        </div>
      </PageHeader>
      <div className="-mt-3 mb-5 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-500" data-testid="period-range">
          {props.range}
        </p>
        <div className="print:hidden">
          <CustomPeriodForm
            action={props.action}
            period={period}
            keep={props.keep}
            labels={{ from: tPeriod("from"), to: tPeriod("to"), show: tPeriod("show"), form: tPeriod("periods.custom") }}
          />
        </div>
      </div>
      {props.children}
      <InvalidPeriodNotice message={props.invalidFields.length ? props.invalidMessage(props.invalidFields.map(fieldName).join(", ")) : null} />
    </>
  );
}

/** A titled card of a report (a chart, a table). */
export function ReportSection({ id, title, className = "card mb-6", children }: { id: string; title: string; className?: string; children: ReactNode }) {
  return (
    <section className={className} aria-labelledby={id}>
      <h2 id={id} className="mb-3 text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The query that names a resolved period (a preset, or a custom range). */
export function periodQuery(period: { kind: string; fromDay: string; toDay: string }): Record<string, string> {
  return period.kind === "custom" ? { period: "custom", from: period.fromDay, to: period.toDay } : { period: period.kind };
}
