// The referral cookie `lavka_ref` (DESIGN.md: "a first-party cookie attributes orders by last
// click within the program's cookie lifetime"). It holds the click id and the click time, signed
// with an HMAC so that nobody can attribute orders to a partner by writing the cookie by hand.
// Each click overwrites it, so the last click wins. Format: `v1.<clickId>.<unix seconds>.<mac>`.
import { createHmac, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { cookieLifetimeDays } from "./program-settings";

export const ATTRIBUTION_COOKIE = "lavka_ref";
const VERSION = "v1";
const DAY_SECONDS = 24 * 60 * 60;

// The cookie lifetime, cached by the program settings module (read on every click).
export { cookieLifetimeDays } from "./program-settings";

let cachedKey: { secret: string; key: Buffer } | undefined;

function cookieKey(secret: string): Buffer {
  if (cachedKey?.secret !== secret) cachedKey = { secret, key: createHmac("sha256", secret).update("lavka:referral-cookie:v1").digest() };
  return cachedKey.key;
}

function mac(payload: string, secret: string): string {
  return createHmac("sha256", cookieKey(secret)).update(payload).digest("base64url");
}

export interface AttributionCookie {
  clickId: bigint;
  clickedAt: Date;
}

/** The signed cookie value for a click. */
export function signAttributionCookie({ clickId, clickedAt }: AttributionCookie, secret = getEnv().NEXTAUTH_SECRET): string {
  const payload = `${VERSION}.${clickId.toString()}.${Math.floor(clickedAt.getTime() / 1000)}`;
  return `${payload}.${mac(payload, secret)}`;
}

export interface VerifyOptions {
  now?: Date;
  /** The program's cookie lifetime (cookieLifetimeDays()). */
  lifetimeDays: number;
  secret?: string;
}

/** The click of a cookie value: null when it is malformed, forged, or older than the lifetime. */
export function verifyAttributionCookie(value: string | null | undefined, options: VerifyOptions): AttributionCookie | null {
  if (!value || value.length > 200) return null;
  const match = /^(v1)\.(\d{1,19})\.(\d{1,12})\.([\w-]{43})$/.exec(value);
  if (!match) return null;
  const [, version, id, seconds, signature] = match as unknown as [string, string, string, string, string];
  const expected = Buffer.from(mac(`${version}.${id}.${seconds}`, options.secret ?? getEnv().NEXTAUTH_SECRET));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;

  const clickedAtSeconds = Number(seconds);
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const lifetime = options.lifetimeDays * DAY_SECONDS;
  // A little slack for clocks of replicas; a cookie from the far future is forged or broken.
  if (clickedAtSeconds > nowSeconds + 300 || nowSeconds - clickedAtSeconds > lifetime) return null;
  return { clickId: BigInt(id), clickedAt: new Date(clickedAtSeconds * 1000) };
}

/** Options for setting the cookie: first-party, not readable by scripts, sent on top-level navigations. */
export function attributionCookieOptions(lifetimeDays: number) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: getEnv().APP_URL.startsWith("https:"),
    path: "/",
    maxAge: lifetimeDays * DAY_SECONDS,
  };
}

/** The cookie's raw value from a request's Cookie header (route handlers get plain Requests in tests). */
export function attributionCookieFrom(headers: { get(name: string): string | null }): string | undefined {
  const header = headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const separator = part.indexOf("=");
    if (separator > 0 && part.slice(0, separator).trim() === ATTRIBUTION_COOKIE) return part.slice(separator + 1).trim();
  }
  return undefined;
}

export interface OrderAttribution {
  partnerId: string;
  clickId: bigint;
  sub1?: string;
  sub2?: string;
  sub3?: string;
  sub4?: string;
  sub5?: string;
}

/**
 * What an order is attributed to, from the cookie's value: the click's partner and sub-ids, or
 * undefined when the cookie is missing, forged or expired, the click is gone, it was a bot's, or
 * its partner is no longer active (banned since). placeOrder checks the partner again, with the
 * customer's contacts, in its own checkAttribution.
 */
export async function resolveAttribution(cookieValue: string | null | undefined, options: Partial<VerifyOptions> = {}): Promise<OrderAttribution | undefined> {
  if (!cookieValue) return undefined;
  const cookie = verifyAttributionCookie(cookieValue, { ...options, lifetimeDays: options.lifetimeDays ?? (await cookieLifetimeDays()) });
  if (!cookie) return undefined;
  const click = await db.click.findFirst({
    where: { id: cookie.clickId, isBot: false, partner: { status: "ACTIVE" } },
    select: { id: true, partnerId: true, sub1: true, sub2: true, sub3: true, sub4: true, sub5: true },
  });
  if (!click) return undefined;
  return {
    partnerId: click.partnerId,
    clickId: click.id,
    sub1: click.sub1 ?? undefined,
    sub2: click.sub2 ?? undefined,
    sub3: click.sub3 ?? undefined,
    sub4: click.sub4 ?? undefined,
    sub5: click.sub5 ?? undefined,
  };
}
