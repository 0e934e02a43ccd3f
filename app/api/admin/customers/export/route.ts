// GET /api/admin/customers/export — the customers matching the list's filters, in its order, as
// a CSV download streamed in keyset batches (lib/crm/customers/export-customers-csv). MANAGER and
// OWNER only; audited. Bad filters answer 422 before the download starts.
import { type NextRequest } from "next/server";
import { getTranslations } from "next-intl/server";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { clientIpFrom } from "@/lib/client-ip";
import { assertCrm } from "@/lib/crm/crm-access";
import { customerQueryFromSearchParams } from "@/lib/crm/customers/customer-query";
import { CUSTOMER_CSV_COLUMNS, exportCustomersCsv } from "@/lib/crm/customers/export-customers-csv";
import { csvDownload, handle } from "@/lib/http";
import { zonedDay } from "@/lib/reports/resolve-period";

export const GET = handle(async (request: NextRequest) => {
  const actor = await assertStaff(sectionRoles("customers"));
  assertCrm(actor, "exportCustomers");
  const t = await getTranslations("crmCustomers.csv");
  const headers = Object.fromEntries(CUSTOMER_CSV_COLUMNS.map((column) => [column, t(column)]));
  const { after: _after, before: _before, limit: _limit, ...query } = customerQueryFromSearchParams(request.nextUrl.searchParams);
  const stream = await exportCustomersCsv(query, { id: actor.id, role: actor.role }, { headers, ip: clientIpFrom(request.headers) });
  return csvDownload(stream, `customers-${zonedDay(new Date())}.csv`);
});
