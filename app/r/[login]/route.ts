// GET /r/<login>?to=<product slug>&sub1=…&sub5=… — a partner's referral link. Records the click
// (lib/affiliates/record-click: one statement) and redirects to the target with the signed
// attribution cookie. Public and never an error page: a bad login, an unknown product or even a
// database failure still takes the visitor to the shop, just without a click or a cookie.
import { NextResponse } from "next/server";
import { attributionCookieOptions, ATTRIBUTION_COOKIE, cookieLifetimeDays, signAttributionCookie } from "@/lib/affiliates/attribution";
import { clickInputFromRequest, recordClick } from "@/lib/affiliates/record-click";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ login: string }> }) {
  const { login } = await params;
  const url = new URL(request.url);
  const productSlug = url.searchParams.get("to") ?? url.searchParams.get("target");
  let redirectTo = "/";
  let cookie: { value: string; lifetimeDays: number } | undefined;
  try {
    const [click, lifetimeDays] = await Promise.all([recordClick(clickInputFromRequest(request, login, { productSlug })), cookieLifetimeDays()]);
    redirectTo = click.redirectTo;
    // Bots (link previewers above all) must not carry attribution anywhere.
    if (click.clickId !== null && !click.isBot) cookie = { value: signAttributionCookie({ clickId: click.clickId, clickedAt: click.clickedAt }), lifetimeDays };
  } catch (error) {
    logger.error({ err: error, login }, "recording a click failed; redirecting without it");
  }
  // A relative Location (RFC 9110) keeps the visitor on the host they came to, behind any proxy.
  const response = new NextResponse(null, { status: 302, headers: { Location: redirectTo, "Cache-Control": "no-store" } });
  if (cookie) response.cookies.set(ATTRIBUTION_COOKIE, cookie.value, attributionCookieOptions(cookie.lifetimeDays));
  return response;
}
