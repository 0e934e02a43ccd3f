// GET /api/admin/audit/export — the audit log entries matching the page's filters as a CSV
// download, streamed in keyset batches (lib/audit/export-audit-log-csv). OWNER only; the export
// is itself audited. Bad filters answer 422 before the download starts.
import { type NextRequest } from "next/server";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { exportAuditLogCsv } from "@/lib/audit/export-audit-log-csv";
import { clientIpFrom } from "@/lib/client-ip";
import { csvDownload, handle } from "@/lib/http";
import { zonedDay } from "@/lib/reports/resolve-period";

export const GET = handle(async (request: NextRequest) => {
  const actor = await assertStaff(sectionRoles("settings"));
  const stream = await exportAuditLogCsv(Object.fromEntries(request.nextUrl.searchParams), { id: actor.id, role: actor.role }, { ip: clientIpFrom(request.headers) });
  return csvDownload(stream, `audit-log-${zonedDay(new Date())}.csv`);
});
