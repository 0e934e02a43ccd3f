// GET /r/<login>?to=<product slug>&sub1=…&sub5=… — a partner's referral link
// (lib/affiliates/referral-redirect). The production server (server.ts) answers these before
// Next.js does; this handler serves them under `next dev` and any other way of running the app.
import { NextResponse } from "next/server";
import { referralRedirect } from "@/lib/affiliates/referral-redirect";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ login: string }> }) {
  const { login } = await params;
  const { location, cookie } = await referralRedirect(new URL(request.url), request.headers, login);
  const response = new NextResponse(null, { status: 302, headers: { Location: location, "Cache-Control": "no-store" } });
  if (cookie) response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
}
