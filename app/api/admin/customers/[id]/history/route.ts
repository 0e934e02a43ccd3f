// GET /api/admin/customers/<id>/history — the "customer's history" report as CSV: the same rows
// as the printable page (the latest HISTORY_LIMIT timeline events), in the reader's language.
import { getTranslations } from "next-intl/server";
import { historyReportRows } from "@/components/crm/customers/history-report-rows";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { assertCrm } from "@/lib/crm/crm-access";
import { getCustomerTimeline, HISTORY_LIMIT } from "@/lib/crm/customers/get-customer-timeline";
import { resolveSurvivorId } from "@/lib/crm/customers/get-customer";
import { csvDownload, handle } from "@/lib/http";
import { csvLine, safeText } from "@/lib/orders/export-orders-csv";

export const GET = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await assertStaff(sectionRoles("customers"));
  assertCrm(actor, "viewCustomers");
  const { id } = await params;
  const customerId = (await resolveSurvivorId(id.slice(0, 64))) ?? id.slice(0, 64);
  const timeline = await getCustomerTimeline({ customerId, limit: HISTORY_LIMIT }, { id: actor.id, role: actor.role });
  const [t, rows] = await Promise.all([getTranslations("crmCustomers.historyReport.columns"), historyReportRows(timeline.entries)]);
  const body =
    "\uFEFF" +
    csvLine([t("at"), t("kind"), t("details"), t("who")]) +
    rows.map((row) => csvLine([row.at, row.kind, safeText([row.title, row.details].filter(Boolean).join("\n")) ?? "", safeText(row.who) ?? ""])).join("");
  return csvDownload(body, `customer-history-${customerId}.csv`);
});
