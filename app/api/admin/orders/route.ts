// GET /api/admin/orders — the order list as JSON: the same filters, tab and keyset cursor as the
// admin page (?status=…&q=…&cursor=…), plus the per-status counts under those filters.
import { NextResponse, type NextRequest } from "next/server";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { handle } from "@/lib/http";
import { countOrdersByStatus, listOrders, orderQueryFromSearchParams, ZListOrdersInput } from "@/lib/orders/list-orders";

export const GET = handle(async (request: NextRequest) => {
  await assertStaff(sectionRoles("orders"));
  const { tab, cursor, limit, ...filters } = ZListOrdersInput.parse(orderQueryFromSearchParams(request.nextUrl.searchParams));
  const [page, counts] = await Promise.all([listOrders({ ...filters, tab, cursor, limit }), countOrdersByStatus(filters)]);
  return NextResponse.json({ ...page, counts });
});
