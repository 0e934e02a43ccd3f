// Next.js proxy (formerly middleware). It does NOT authorise anything — pages and handlers do,
// through lib/auth/guard. It only passes the requested path on to layouts, which Next.js does
// not otherwise tell them, so a sign-in redirect from a layout can come back to the same page.
import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER } from "@/lib/request-path";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/admin/:path*", "/partner/:path*"],
};
