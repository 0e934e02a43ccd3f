// A referral link's answer: `/r/<login>?to=<product slug>&sub1=…&sub5=…` records the click
// (record-click.ts) and sends the visitor on to the target with the signed attribution cookie.
// Never an error: a bad login, an unknown product or even a database failure still takes the
// visitor to the shop, just without a click or a cookie. Shared by the route handler
// (app/r/[login]/route.ts) and the production server's fast path (server.ts).
import { logger } from "@/lib/logger";
import { attributionCookieOptions, ATTRIBUTION_COOKIE, cookieLifetimeDays, signAttributionCookie } from "./attribution";
import { clickInputFrom, recordClick, type HeaderSource } from "./record-click";

export interface ReferralRedirect {
  /** Relative (RFC 9110): keeps the visitor on the host they came to, behind any proxy. */
  location: string;
  cookie?: { name: string; value: string; options: ReturnType<typeof attributionCookieOptions> };
}

export async function referralRedirect(url: URL, headers: HeaderSource, login: string): Promise<ReferralRedirect> {
  const productSlug = url.searchParams.get("to") ?? url.searchParams.get("target");
  try {
    const [click, lifetimeDays] = await Promise.all([recordClick(clickInputFrom(url, headers, login, { productSlug })), cookieLifetimeDays()]);
    // Bots (link previewers above all) must not carry attribution anywhere.
    if (click.clickId === null || click.isBot) return { location: click.redirectTo };
    return {
      location: click.redirectTo,
      cookie: { name: ATTRIBUTION_COOKIE, value: signAttributionCookie({ clickId: click.clickId, clickedAt: click.clickedAt }), options: attributionCookieOptions(lifetimeDays) },
    };
  } catch (error) {
    logger.error({ err: error, login }, "recording a click failed; redirecting without it");
    return { location: "/" };
  }
}
