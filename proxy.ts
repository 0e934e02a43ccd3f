// Next.js proxy (formerly middleware). It does NOT authorise anything — pages and handlers do,
// through lib/auth/guard. It passes the requested path on to layouts, which Next.js does not
// otherwise tell them, so a sign-in redirect from a layout can come back to the same page; and on
// public pages opened with `?ref=<login>` it records the referral click and sets the attribution
// cookie (lib/affiliates), then lets the page render. The matcher's `has` keeps every other
// public request from running this at all.
//
// The checkout (/checkout/<product>) is a static page cached per product, locale and country: it
// reads no cookie or header itself, so this rewrites it to its internal path with the visitor's
// locale (cookie, else Accept-Language) and countries (?country=, else Accept-Language) in it
// (lib/checkout/checkout-route.ts). The address in the browser stays /checkout/<product>. The
// production server does the same rewrite itself before Next.js (lib/server/fast-routes.ts).
//
// The admin and the partner cabinet get a Content-Security-Policy with a fresh nonce per request
// (lib/security/headers.ts): Next.js reads it from the request's header and puts it on its scripts.
import { NextResponse, type NextRequest } from "next/server";
import { attributionCookieOptions, ATTRIBUTION_COOKIE, cookieLifetimeDays, signAttributionCookie } from "@/lib/affiliates/attribution";
import { clickInputFromRequest, recordClick } from "@/lib/affiliates/record-click";
import { publicCheckoutProduct, resolveCheckoutPagePath } from "@/lib/checkout/checkout-route";
import { getEnabledCountryCodes } from "@/lib/checkout/load-checkout-context";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { logger } from "@/lib/logger";
import { REQUEST_PATH_HEADER } from "@/lib/request-path";
import { commonSecurityHeaders, createNonce, nonceContentSecurityPolicy, strictTransportSecurity, usesNoncePolicy } from "@/lib/security/headers";
import { getEnv } from "@/lib/env";

export async function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const response = pathname.startsWith("/checkout/")
    ? await checkoutResponse(request)
    : usesNoncePolicy(pathname)
      ? withNoncePolicy(request)
      : NextResponse.next({ request: { headers: withRequestPath(request) } });

  const ref = searchParams.get("ref");
  // Router prefetches are not visits: they would count clicks nobody made.
  const isPrefetch = request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch";
  if (ref && !isPrefetch && !pathname.startsWith("/admin") && !pathname.startsWith("/partner")) await recordRefClick(request, ref, response);
  return response;
}

/** The request's headers with the requested path added (REQUEST_PATH_HEADER). */
function withRequestPath(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return headers;
}

/** The admin's and cabinet's pages: a nonce policy on the request (for Next.js) and the response. */
function withNoncePolicy(request: NextRequest) {
  const https = getEnv().APP_URL.startsWith("https:");
  const policy = nonceContentSecurityPolicy(createNonce(), { dev: process.env.NODE_ENV === "development", https });
  const headers = withRequestPath(request);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  for (const { key, value } of commonSecurityHeaders()) response.headers.set(key, value);
  const hsts = strictTransportSecurity(https);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

/** The public checkout, rewritten to its static page; its internal paths are not public. */
async function checkoutResponse(request: NextRequest) {
  const product = publicCheckoutProduct(request.nextUrl.pathname);
  const target = new URL(request.nextUrl);
  if (product === null) {
    // /checkout/<product>/<locale>/<countries> asked for directly: a path no page has, so a 404.
    target.pathname = "/checkout/-/-/-/-";
    return NextResponse.rewrite(target);
  }
  target.pathname = resolveCheckoutPagePath(
    request.nextUrl.pathname,
    { country: request.nextUrl.searchParams.get("country"), localeCookie: request.cookies.get(LOCALE_COOKIE)?.value, acceptLanguage: request.headers.get("accept-language") },
    await getEnabledCountryCodes(),
  )!;
  // The page reads no header; only the form's Server Action (a POST) reads REQUEST_PATH_HEADER.
  // Passing changed request headers on costs every view a round of header copying.
  return request.method === "POST" ? NextResponse.rewrite(target, { request: { headers: withRequestPath(request) } }) : NextResponse.rewrite(target);
}

async function recordRefClick(request: NextRequest, login: string, response: NextResponse) {
  const target = new URL(request.nextUrl);
  target.searchParams.delete("ref");
  const productSlug = /^\/checkout\/([\w-]+)\/?$/.exec(target.pathname)?.[1] ?? null;
  try {
    const [click, lifetimeDays] = await Promise.all([recordClick(clickInputFromRequest(request, login, { productSlug, targetPath: target.pathname + target.search })), cookieLifetimeDays()]);
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
    // The checkout, on every visit (see checkoutResponse) — except the views the production server
    // (server.ts) has already rewritten the same way: running the proxy costs a cached page
    // ~40 % of its throughput.
    // (The header is CHECKOUT_REWRITTEN_HEADER: the matcher must be written out literally.)
    { source: "/checkout/:path*", missing: [{ type: "header", key: "x-lavka-checkout-rewritten" }] },
    // Public pages with ?ref=<login>; not the API, Next.js assets or /r/ (it records its own).
    { source: "/((?!api/|_next/|r/|favicon.ico).*)", has: [{ type: "query", key: "ref" }] },
  ],
};
