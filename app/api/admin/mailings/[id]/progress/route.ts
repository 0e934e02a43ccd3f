// GET /api/admin/mailings/<id>/progress — the mailing's progress and statistics as JSON, polled
// by the admin's progress bar (MANAGER and OWNER).
import { NextResponse } from "next/server";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { handle } from "@/lib/http";
import { getMailingProgress } from "@/lib/marketing/mailings/get-mailing-progress";

export const GET = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await assertStaff(sectionRoles("mailings"));
  const { id } = await params;
  const progress = await getMailingProgress(id.slice(0, 64), { id: actor.id, role: actor.role });
  return NextResponse.json(progress, { headers: { "cache-control": "private, no-store" } });
});
