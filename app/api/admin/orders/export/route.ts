// GET /api/admin/orders/export — the orders matching the list's filters as a CSV download,
// streamed in keyset batches (see lib/orders/export-orders-csv). Bad filters answer 422 before
// the download starts.
import { type NextRequest } from "next/server";
import { getTranslations } from "next-intl/server";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertStaff } from "@/lib/auth/guard";
import { clientIpFrom } from "@/lib/client-ip";
import { db } from "@/lib/db";
import { sectionRoles } from "@/lib/auth/permissions";
import { csvDownload, handle } from "@/lib/http";
import { exportOrdersCsv, ORDER_CSV_COLUMNS } from "@/lib/orders/export-orders-csv";
import { orderQueryFromSearchParams } from "@/lib/orders/list-orders";
import { zonedDay } from "@/lib/reports/resolve-period";

export const GET = handle(async (request: NextRequest) => {
  const actor = await assertStaff(sectionRoles("orders"));
  const t = await getTranslations("orders.csv");
  const headers = Object.fromEntries(ORDER_CSV_COLUMNS.map((column) => [column, t(column)]));
  const query = orderQueryFromSearchParams(request.nextUrl.searchParams);
  const stream = exportOrdersCsv(query, { headers });
  await recordAudit(db, { actor: { type: "USER", id: actor.id }, action: "order.export", entity: { type: "Order" }, data: { query }, ip: clientIpFrom(request.headers) });
  return csvDownload(stream, `orders-${zonedDay(new Date())}.csv`);
});
