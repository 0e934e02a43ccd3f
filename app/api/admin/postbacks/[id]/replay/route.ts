// POST /api/admin/postbacks/<PostbackLog id>/replay — re-sends a logged postback as a new job
// (staff with access to the partners section). 202: the job is queued, the log shows the result.
import { NextResponse } from "next/server";
import { replayPostback } from "@/lib/affiliates/postbacks/replay-postback";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { handle } from "@/lib/http";

export const POST = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  await assertStaff(sectionRoles("partners"));
  const { id } = await params;
  const { jobId } = await replayPostback({ logId: id });
  return NextResponse.json({ jobId }, { status: 202 });
});
