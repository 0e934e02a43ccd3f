// GET /api/admin/customers/imports/<id> — an import's progress (MANAGER and OWNER), polled by its
// page every second while the job runs.
import { NextResponse } from "next/server";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { getCustomerImport } from "@/lib/crm/import/get-customer-import";
import { handle } from "@/lib/http";

type Context = { params: Promise<{ id: string }> };

export const GET = handle(async (_request: Request, { params }: Context) => {
  const actor = await assertStaff(sectionRoles("customers"));
  const { id } = await params;
  const state = await getCustomerImport(id, actor);
  return NextResponse.json(
    {
      status: state.status,
      totalRows: state.totalRows,
      processedRows: state.processedRows,
      createdCount: state.createdCount,
      updatedCount: state.updatedCount,
      skippedCount: state.skippedCount,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
});
