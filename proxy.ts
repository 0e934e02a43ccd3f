// Next.js proxy (formerly middleware). It does NOT authorise anything — pages and handlers do,
// through lib/auth/guard. It passes the requested path on to layouts, which Next.js does not
// otherwise tell them, so a sign-in redirect from a layout can come back to the same page; and on
// public pages opened with `?ref=<login>` it records the referral click and sets the attribution
// cookie (lib/affiliates), then lets the page render. The matcher's `has` keeps every other
// public request from running this at all.
import { NextResponse, type NextRequest } from "next/server";
import { attributionCookieOptions, ATTRIBUTION_COOKIE, cookieLifetimeDays, signAttributionCookie } from "@/lib/affiliates/attribution";
import { clickInputFromRequest, recordClick } from "@/lib/affiliates/record-click";
import { logger } from "@/lib/logger";
import { REQUEST_PATH_HEADER } from "@/lib/request-path";

export async function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });

  const ref = searchParams.get("ref");
  // Router prefetches are not visits: they would count clicks nobody made.
  const isPrefetch = request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch";
  if (ref && !isPrefetch && !pathname.startsWith("/admin") && !pathname.startsWith("/partner")) await recordRefClick(request, ref, response);
  return response;
}

async function recordRefClick(request: NextRequest, login: string, response: NextResponse) {
  const target = new URL(request.nextUrl);
  target.searchParams.delete("ref");
  const productSlug = /^\/checkout\/([\w-]+)\/?$/.exec(target.pathname)?.[1] ?? null;
  try {
    const [click, lifetimeDays] = await Promise.all([
      recordClick(clickInputFromRequest(request, login, { productSlug, targetPath: target.pathname + target.search })),
      cookieLifetimeDays(),
    ]);
    if (click.clickId !== null && !click.isBot) {
      response.cookies.set(ATTRIBUTION_COOKIE, signAttributionCookie({ clickId: click.clickId, clickedAt: click.clickedAt }), attributionCookieOptions(lifetimeDays));
    }
  } catch (error) {
    // The page matters more than the click: render it anyway.
    logger.error({ err: error, login }, "recording a ?ref= click failed");
  }
}

export const config = {
  matcher: [
    "/admin/:path*",
    "/partner/:path*",
    // Public pages with ?ref=<login>; not the API, Next.js assets or /r/ (it records its own).
    { source: "/((?!api/|_next/|r/|favicon.ico).*)", has: [{ type: "query", key: "ref" }] },
  ],
};
