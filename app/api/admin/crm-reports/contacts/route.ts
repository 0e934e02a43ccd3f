// GET /api/admin/crm-reports/contacts?period=…|from=…&to=… — the contacts report of the period as a
// CSV download, for those who may read CRM reports. A bad period answers 422.
import { type NextRequest } from "next/server";
import { getTranslations } from "next-intl/server";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { type CONTACTS_CSV_COLUMNS, contactsReportCsv } from "@/lib/crm/interactions/contacts-report-csv";
import { getContactsReport, INTERACTION_KINDS } from "@/lib/crm/interactions/get-contacts-report";
import { csvDownload, handle } from "@/lib/http";
import { periodInput, periodOrDefault } from "@/lib/reports/period-params";

export const GET = handle(async (request: NextRequest) => {
  const staff = await assertStaff(sectionRoles("crmReports"));
  const report = await getContactsReport(periodOrDefault(periodInput(Object.fromEntries(request.nextUrl.searchParams)), { period: "30d" }), { id: staff.id, role: staff.role });
  const t = await getTranslations("crmContactsReport");
  const labels = {
    employee: t("employee"),
    ...Object.fromEntries(INTERACTION_KINDS.map((kind) => [kind, t(`kinds.${kind}`)])),
    total: t("total"),
    withResult: t("withResult"),
    withNextStep: t("withNextStep"),
    noEmployee: t("noEmployee"),
    totalRow: t("totalRow"),
  } as Record<(typeof CONTACTS_CSV_COLUMNS)[number] | "noEmployee" | "totalRow", string>;
  return csvDownload(`\uFEFF${contactsReportCsv(report, labels)}`, `contacts-${report.period.fromDay}-${report.period.toDay}.csv`);
});
