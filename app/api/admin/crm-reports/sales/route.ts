// GET /api/admin/crm-reports/sales?year=YYYY — the "sales by month" report as CSV: a row per month
// and currency with this year's and last year's figures and the change in %. Amounts are decimal
// numbers in the row's currency (no conversion); a bad year answers 422.
import { getTranslations } from "next-intl/server";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { salesReportCsv } from "@/lib/crm/reports/sales-report-csv";
import { getSalesByMonth } from "@/lib/crm/reports/get-sales-by-month";
import { csvDownload, handle } from "@/lib/http";

export const GET = handle(async (request: Request) => {
  const actor = await assertStaff(sectionRoles("crmReports"));
  const year = new URL(request.url).searchParams.get("year") ?? undefined;
  const report = await getSalesByMonth({ id: actor.id, role: actor.role }, { year });
  const t = await getTranslations("crmReports.sales.csv");
  const csv = salesReportCsv(report, (column) => t(column));
  return csvDownload(csv, `sales-by-month-${report.year}.csv`);
});
