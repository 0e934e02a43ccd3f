// GET /api/admin/crm-reports/deals?pipelineId=…&period=…|from=…&to=… — the deal history report
// (per stage, then the stage changes) as a CSV download, for those who may read CRM reports. A bad
// period answers 422.
import { type NextRequest } from "next/server";
import { getTranslations } from "next-intl/server";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { DEAL_CHANGE_CSV_COLUMNS, DEAL_STAGE_CSV_COLUMNS, dealHistoryCsv } from "@/lib/crm/deals/export-deal-history-csv";
import { getDealHistoryReport } from "@/lib/crm/deals/get-deal-history-report";
import { csvDownload, handle } from "@/lib/http";
import { periodInput, periodOrDefault } from "@/lib/reports/period-params";

export const GET = handle(async (request: NextRequest) => {
  const staff = await assertStaff(sectionRoles("crmReports"));
  const params = Object.fromEntries(request.nextUrl.searchParams);
  const report = await getDealHistoryReport({ ...periodOrDefault(periodInput(params), { period: "30d" }), pipelineId: params.pipelineId }, { id: staff.id, role: staff.role });
  const t = await getTranslations("crmDealReport.csvColumns");
  const labels = {
    stages: Object.fromEntries(DEAL_STAGE_CSV_COLUMNS.map((column) => [column, t(`stages.${column}`)])) as Record<(typeof DEAL_STAGE_CSV_COLUMNS)[number], string>,
    changes: Object.fromEntries(DEAL_CHANGE_CSV_COLUMNS.map((column) => [column, t(`changes.${column}`)])) as Record<(typeof DEAL_CHANGE_CSV_COLUMNS)[number], string>,
  };
  return csvDownload(`\uFEFF${dealHistoryCsv(report, labels)}`, `deals-${report.period.fromDay}-${report.period.toDay}.csv`);
});
