// Records one click of a referral link (`/r/<login>` or `?ref=<login>` on a public page) and says
// where the visitor goes next. DESIGN.md: a click records partner, target, sub-ids, referrer,
// time and a privacy-preserving fingerprint; bots are filtered by user agent; unique and raw
// clicks are distinguished.
//
// Cost: a share of ONE statement. The click path has a 2,000 clicks/s budget, so the partner
// lookup by login, the product lookup by slug, the uniqueness probe and the insert are a single
// INSERT … SELECT, shared by the clicks that arrive together (click-writer.ts, group commit); an
// unknown, pending or banned login simply inserts nothing, and the product still comes back for
// the redirect.
import { z } from "zod";
import { clientIpFrom } from "@/lib/client-ip";
import { logger } from "@/lib/logger";
import { isBotUserAgent } from "./bot-filter";
import { MAX_SUB_ID_LENGTH, SUB_ID_KEYS } from "./cabinet/build-referral-link";
import { writeClick } from "./click-writer";
import { visitorFingerprint } from "./fingerprint";

const MAX_REFERRER = 1000;
const MAX_USER_AGENT = 500;

/** Sub-ids are free text from the partner: trimmed, clipped, and empty means none. */
const subId = z
  .string()
  .optional()
  .transform((value) => value?.trim().slice(0, MAX_SUB_ID_LENGTH) || null);

export const ZClickInput = z.object({
  // Logins are stored lowercased (partner-login.ts); anything else cannot name a partner.
  login: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9_]{1,64}$/),
  /** A product slug; anything that is not one means "no target" (the home page). */
  productSlug: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value && /^[\w-]{1,200}$/.test(value) ? value : null)),
  /** A public path of this site, for `?ref=` on any page; ignored when a product is found. */
  targetPath: z
    .string()
    .optional()
    .transform((value) => (value && value.startsWith("/") && !value.startsWith("//") && value.length <= 1000 ? value : null)),
  sub1: subId,
  sub2: subId,
  sub3: subId,
  sub4: subId,
  sub5: subId,
  referrer: z
    .string()
    .optional()
    .transform((value) => value?.trim().slice(0, MAX_REFERRER) || null),
  country: z
    .string()
    .optional()
    .transform((value) => (value && /^[A-Z]{2}$/.test(value) ? value : null)),
  userAgent: z
    .string()
    .optional()
    .transform((value) => value?.trim().slice(0, MAX_USER_AGENT) || null),
  ip: z.string().max(200),
});
export type TClickInput = z.input<typeof ZClickInput>;

export interface RecordClickResult {
  /** The new click, or null when the login names no active partner (nothing was recorded). */
  clickId: bigint | null;
  clickedAt: Date;
  isBot: boolean;
  /** Where the visitor goes: the product's checkout page, the given public path, or "/". */
  redirectTo: string;
}

export async function recordClick(input: TClickInput, now = new Date()): Promise<RecordClickResult> {
  const parsed = ZClickInput.safeParse(input);
  // A malformed login (or other field) is a visitor with a bad link: they still reach the
  // target, and nothing is written. A product slug not checked against the database may 404 on
  // the checkout page, which says more to the visitor than the home page would.
  if (!parsed.success) {
    const target = ZClickInput.pick({ productSlug: true, targetPath: true }).safeParse(input);
    const redirectTo = (target.success && (productTarget(target.data.productSlug) ?? target.data.targetPath)) || "/";
    return { clickId: null, clickedAt: now, isBot: false, redirectTo };
  }
  const click = parsed.data;
  const isBot = isBotUserAgent(click.userAgent);
  const fingerprint = visitorFingerprint({ ip: click.ip, userAgent: click.userAgent, partnerLogin: click.login, at: now });

  const row = await writeClick({
    login: click.login,
    productSlug: click.productSlug,
    targetPath: click.targetPath,
    sub1: click.sub1,
    sub2: click.sub2,
    sub3: click.sub3,
    sub4: click.sub4,
    sub5: click.sub5,
    referrer: click.referrer,
    country: click.country,
    userAgent: click.userAgent,
    fingerprint,
    isBot,
    at: now,
  });
  const redirectTo = productTarget(row?.productSlug ?? null) ?? click.targetPath ?? "/";
  if (!row?.clickId) logger.debug({ login: click.login }, "click for an unknown or inactive partner: not recorded");
  return { clickId: row?.clickId ?? null, clickedAt: now, isBot, redirectTo };
}

function productTarget(slug: string | null): string | null {
  return slug ? `/checkout/${encodeURIComponent(slug)}` : null;
}

/** What click recording reads of request headers (a Fetch Headers, or an adapter of node's). */
export interface HeaderSource {
  get(name: string): string | null;
}

/** The click's fields from a request: sub-ids from the query, country from CDN headers or the language. */
export function clickInputFromRequest(request: Request, login: string, target: { productSlug?: string | null; targetPath?: string }): TClickInput {
  return clickInputFrom(new URL(request.url), request.headers, login, target);
}

export function clickInputFrom(url: URL, headers: HeaderSource, login: string, target: { productSlug?: string | null; targetPath?: string }): TClickInput {
  const subs = Object.fromEntries(SUB_ID_KEYS.map((key) => [key, url.searchParams.get(key) ?? undefined]));
  return {
    login,
    productSlug: target.productSlug ?? undefined,
    targetPath: target.targetPath,
    ...subs,
    referrer: headers.get("referer") ?? undefined,
    country: countryFromHeaders(headers) ?? undefined,
    userAgent: headers.get("user-agent") ?? undefined,
    ip: clientIpFrom(headers).slice(0, 200),
  };
}

// CDNs put the visitor's country in a header; "XX" and "T1" (Tor) are Cloudflare's "unknown".
const COUNTRY_HEADERS = ["cf-ipcountry", "x-vercel-ip-country", "cloudfront-viewer-country", "x-country-code"];

/** The visitor's country: a CDN's answer, else the region of the first Accept-Language tag, else null. */
export function countryFromHeaders(headers: HeaderSource): string | null {
  for (const name of COUNTRY_HEADERS) {
    const value = headers.get(name)?.trim().toUpperCase();
    if (value && /^[A-Z]{2}$/.test(value) && value !== "XX" && value !== "T1") return value;
  }
  // "ru-RU,ru;q=0.9" → RU. Only a guess (a language's region is not where the visitor is), but
  // better than nothing for a report; a bare language ("ru") says nothing about the country.
  const first = headers.get("accept-language")?.split(",")[0]?.trim();
  const region = first ? /^[a-z]{2,3}[-_]([a-z]{2})\b/i.exec(first)?.[1] : undefined;
  return region ? region.toUpperCase() : null;
}
