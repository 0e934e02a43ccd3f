// GET /api/admin/finance/coowners?period=…|from=…&to=… — Finance → Co-owners as a CSV download
// (lib/reports/export-coowner-shares-csv): whoever may open Finance; the export is audited; a bad
// period answers 422.
import { type NextRequest } from "next/server";
import { getTranslations } from "next-intl/server";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { clientIpFrom } from "@/lib/client-ip";
import { csvDownload, handle } from "@/lib/http";
import { periodInput, periodOrDefault } from "@/lib/reports/period-params";
import { exportCoOwnerSharesCsv } from "@/lib/reports/export-coowner-shares-csv";

export const GET = handle(async (request: NextRequest) => {
  const actor = await assertStaff(sectionRoles("finance"));
  const t = await getTranslations("finance.coowners.csv");
  const input = periodInput(Object.fromEntries(request.nextUrl.searchParams));
  const { csv, fromDay, toDay } = await exportCoOwnerSharesCsv(
    periodOrDefault(input, { period: "month" }),
    { id: actor.id, role: actor.role },
    { ip: clientIpFrom(request.headers), header: (column) => t(column) },
  );
  return csvDownload(csv, `coowners-${fromDay}-${toDay}.csv`);
});
