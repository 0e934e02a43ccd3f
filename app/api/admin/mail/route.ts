// GET /api/admin/mail — the mail log as JSON (staff with access to the mail section).
import { NextResponse, type NextRequest } from "next/server";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { handle } from "@/lib/http";
import { listMailMessages } from "@/lib/mail/list-mail";

export const GET = handle(async (request: NextRequest) => {
  await assertStaff(sectionRoles("mail"));
  const query = Object.fromEntries(request.nextUrl.searchParams);
  const page = await listMailMessages(query);
  return NextResponse.json(page);
});
