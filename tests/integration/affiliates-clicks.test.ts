// Referral clicks: GET /r/<login> and `?ref=<login>` through the proxy, with real Request objects
// against the migrated database. Each test file makes its own partners and products.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getClickReport } from "@/lib/reports/get-click-report";
import { GET } from "@/app/r/[login]/route";
import { ATTRIBUTION_COOKIE, verifyAttributionCookie } from "@/lib/affiliates/attribution";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import { proxy } from "@/proxy";

const fixtures = checkoutFixtures("aff-clicks");
const run = randomUUID().slice(0, 8);
const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
const partners = { active: `hbc_${run}`, banned: `hbc_${run}_banned`, pending: `hbc_${run}_pending` };
const partnerIds: Record<keyof typeof partners, string> = { active: "", banned: "", pending: "" };
let slug = "";
let productId = "";
let ipCounter = 0;
const nextIp = () => `198.51.100.${++ipCounter}-${run}`;

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  const product = await fixtures.createProduct();
  slug = product.slug;
  productId = product.id;
  for (const [key, status] of [
    ["active", "ACTIVE"],
    ["banned", "BANNED"],
    ["pending", "PENDING"],
  ] as const) {
    const login = partners[key];
    partnerIds[key] = (await db.partner.create({ data: { login, email: `${login}@partners.test`, name: `Partner ${key}`, passwordHash: "x", status }, select: { id: true } })).id;
  }
});

afterAll(async () => {
  await fixtures.cleanup();
  // Clicks go with their partner (onDelete: Cascade).
  await db.partner.deleteMany({ where: { id: { in: Object.values(partnerIds).filter(Boolean) } } });
  await disconnectDb();
});

function click(login: string, query = "", headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost/r/${encodeURIComponent(login)}${query}`, {
    headers: { "user-agent": CHROME, "x-forwarded-for": nextIp(), ...headers },
  });
  return GET(request, { params: Promise.resolve({ login }) });
}

const clicksOf = (partnerId: string) =>
  db.click.findMany({
    where: { partnerId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      productId: true,
      targetUrl: true,
      sub1: true,
      sub2: true,
      sub3: true,
      sub4: true,
      sub5: true,
      referrer: true,
      country: true,
      userAgent: true,
      fingerprintHash: true,
      isUnique: true,
      isBot: true,
    },
  });
const lastClick = async (partnerId: string) => (await clicksOf(partnerId)).at(-1);
const refCookie = (response: Response) => response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${ATTRIBUTION_COOKIE}=`));
const cookieValue = (setCookie: string) => setCookie.split(";")[0]!.slice(ATTRIBUTION_COOKIE.length + 1);

describe("GET /r/<login>", () => {
  it("records a person's click with its sub-ids and redirects to the checkout with a signed cookie", async () => {
    const ip = nextIp();
    const response = await click(partners.active, `?to=${slug}&sub1=%20fb-campaign%20&sub2=adset-7&sub5=x`, {
      "x-forwarded-for": ip,
      referer: "https://t.me/some_channel",
      "cf-ipcountry": "KZ",
      "accept-language": "ru-RU,ru;q=0.9",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/checkout/${slug}`);

    const row = await lastClick(partnerIds.active);
    expect(row).toMatchObject({
      productId,
      targetUrl: `/checkout/${slug}`,
      sub1: "fb-campaign",
      sub2: "adset-7",
      sub3: null,
      sub4: null,
      sub5: "x",
      referrer: "https://t.me/some_channel",
      country: "KZ",
      userAgent: CHROME,
      isUnique: true,
      isBot: false,
    });
    expect(row!.fingerprintHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value))).not.toContain(ip.split("-")[0]);

    const setCookie = refCookie(response);
    expect(setCookie).toBeDefined();
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).toMatch(/Max-Age=2592000/); // 30 days, the program default
    expect(setCookie).not.toMatch(/Secure/i); // APP_URL is http in tests
    expect(verifyAttributionCookie(cookieValue(setCookie!), { lifetimeDays: 30 })?.clickId).toBe(row!.id);
  });

  it("counts a repeat from the same visitor as raw but not unique; another visitor is unique", async () => {
    const headers = { "x-forwarded-for": nextIp() };
    await click(partners.active, `?to=${slug}`, headers);
    const first = await lastClick(partnerIds.active);
    await click(partners.active, `?to=${slug}&sub1=again`, headers);
    const repeat = await lastClick(partnerIds.active);
    await click(partners.active, `?to=${slug}`);
    const other = await lastClick(partnerIds.active);
    expect(first!.isUnique).toBe(true);
    expect(repeat).toMatchObject({ isUnique: false, sub1: "again" });
    expect(repeat!.fingerprintHash).toBe(first!.fingerprintHash);
    expect(other!.isUnique).toBe(true);
    expect(other!.fingerprintHash).not.toBe(first!.fingerprintHash);
  });

  it.each([
    ["TelegramBot", "TelegramBot (like TwitterBot)"],
    ["facebookexternalhit", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"],
    ["curl", "curl/8.4.0"],
  ])("records a %s click as a bot, without the cookie", async (_name, userAgent) => {
    const response = await click(partners.active, `?to=${slug}`, { "user-agent": userAgent });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/checkout/${slug}`);
    expect(refCookie(response)).toBeUndefined();
    expect(await lastClick(partnerIds.active)).toMatchObject({ isBot: true, isUnique: false, userAgent });
  });

  it.each([
    ["an unknown login", `nobody_${run}`],
    ["a banned partner", partners.banned],
    ["a pending partner", partners.pending],
    ["a malformed login", "../admin"],
    ["a login with spaces", "a b"],
    ["an overlong login", "a".repeat(300)],
  ])("redirects %s to the target with no click and no cookie", async (_name, login) => {
    const before = await db.click.count({ where: { productId } });
    const response = await click(login, `?to=${slug}&sub1=x`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/checkout/${slug}`);
    expect(refCookie(response)).toBeUndefined();
    expect(await db.click.count({ where: { productId } })).toBe(before);
    expect(await db.click.count({ where: { partnerId: { in: [partnerIds.banned, partnerIds.pending] } } })).toBe(0);
  });

  it("takes the login case-insensitively (logins are stored lowercased)", async () => {
    const response = await click(partners.active.toUpperCase(), `?to=${slug}&sub1=upper`);
    expect(refCookie(response)).toBeDefined();
    expect(await lastClick(partnerIds.active)).toMatchObject({ sub1: "upper" });
  });

  it("accepts `target` for the product and sends an unknown or missing target to the home page", async () => {
    const viaTarget = await click(partners.active, `?target=${slug}&sub1=t`);
    expect(viaTarget.headers.get("location")).toBe(`/checkout/${slug}`);
    expect(await lastClick(partnerIds.active)).toMatchObject({ productId, sub1: "t" });

    const unknown = await click(partners.active, `?to=no-such-product-${run}&sub1=u`);
    expect(unknown.headers.get("location")).toBe("/");
    expect(await lastClick(partnerIds.active)).toMatchObject({ productId: null, targetUrl: null, sub1: "u" });
    expect(refCookie(unknown)).toBeDefined();

    const none = await click(partners.active, "?sub1=none");
    expect(none.headers.get("location")).toBe("/");
    expect(await lastClick(partnerIds.active)).toMatchObject({ productId: null, sub1: "none" });
  });

  it("trims and clips sub-ids to 128 characters and treats blank ones as none", async () => {
    await click(partners.active, `?to=${slug}&sub1=${"y".repeat(300)}&sub2=%20%20&sub3=ok`);
    const row = await lastClick(partnerIds.active);
    expect(row!.sub1).toBe("y".repeat(128));
    expect(row!.sub2).toBeNull();
    expect(row!.sub3).toBe("ok");
  });

  it("guesses the country from Accept-Language without a CDN header, and stores none without either", async () => {
    await click(partners.active, `?to=${slug}&sub1=lang`, { "accept-language": "de-DE,de;q=0.9" });
    expect(await lastClick(partnerIds.active)).toMatchObject({ sub1: "lang", country: "DE" });
    await click(partners.active, `?to=${slug}&sub1=bare`, { "accept-language": "ru" });
    expect(await lastClick(partnerIds.active)).toMatchObject({ sub1: "bare", country: null });
    await click(partners.active, `?to=${slug}&sub1=xx`, { "cf-ipcountry": "XX", "accept-language": "en-US" });
    expect(await lastClick(partnerIds.active)).toMatchObject({ sub1: "xx", country: "US" });
  });
});

describe("?ref=<login> on a public page (proxy)", () => {
  function visit(path: string, headers: Record<string, string> = {}) {
    return proxy(new NextRequest(`http://localhost${path}`, { headers: { "user-agent": CHROME, "x-forwarded-for": nextIp(), ...headers } }));
  }

  it("records the click with the page as target, sets the cookie and lets the page render", async () => {
    const response = await visit(`/checkout/${slug}?ref=${partners.active}&sub1=ref-param&utm_source=tg`, { "accept-language": "en-US" });
    expect(response.status).toBe(200);
    // The checkout is shown from its cached page (proxy rewrite), with the query kept.
    const rewrite = new URL(response.headers.get("x-middleware-rewrite")!);
    expect(rewrite.pathname).toBe(`/checkout/${slug}/en/US`);
    expect(rewrite.searchParams.get("utm_source")).toBe("tg");
    expect(refCookie(response)).toBeDefined();
    expect(await lastClick(partnerIds.active)).toMatchObject({ productId, targetUrl: `/checkout/${slug}`, sub1: "ref-param" });

    const home = await visit(`/?ref=${partners.active}&sub1=home`);
    expect(home.headers.get("x-middleware-next")).toBe("1");
    expect(refCookie(home)).toBeDefined();
    expect(await lastClick(partnerIds.active)).toMatchObject({ productId: null, targetUrl: "/?sub1=home", sub1: "home" });
  });

  it("records nothing for an unknown login, a router prefetch, or the partner pages", async () => {
    const before = await db.click.count({ where: { partnerId: partnerIds.active } });
    expect(refCookie(await visit(`/?ref=nobody_${run}`))).toBeUndefined();
    expect(refCookie(await visit(`/?ref=${partners.active}`, { "next-router-prefetch": "1" }))).toBeUndefined();
    expect(refCookie(await visit(`/partners/join?ref=${partners.active}`))).toBeUndefined();
    expect(await db.click.count({ where: { partnerId: partnerIds.active } })).toBe(before);
  });
});

describe("the Clicks report", () => {
  it("counts raw, unique and bot clicks by partner, product, sub1 and day", async () => {
    const partnerId = partnerIds.active;
    const [raw, unique, bots] = await Promise.all([
      db.click.count({ where: { partnerId, isBot: false } }),
      db.click.count({ where: { partnerId, isBot: false, isUnique: true } }),
      db.click.count({ where: { partnerId, isBot: true } }),
    ]);
    expect(raw).toBeGreaterThan(5);
    expect(bots).toBe(3);

    const byPartner = await getClickReport({ period: "today", group: "partner" });
    expect(byPartner.rows.find((row) => row.key === partnerId)).toEqual({ key: partnerId, label: `${partners.active} · Partner active`, raw, unique, bots });
    expect(byPartner.totals.raw).toBeGreaterThanOrEqual(raw);

    const byProduct = await getClickReport({ period: "today", group: "product" });
    const productRow = byProduct.rows.find((row) => row.key === productId);
    expect(productRow?.raw).toBe(await db.click.count({ where: { productId, isBot: false } }));

    const bySub = await getClickReport({ period: "7d", group: "sub1" });
    expect(bySub.rows.find((row) => row.key === "again")?.raw).toBeGreaterThanOrEqual(1);

    const byDay = await getClickReport({ period: "7d", group: "day" });
    expect(byDay.rows).toHaveLength(7);
    expect(byDay.rows.reduce((sum, row) => sum + row.raw, 0)).toBe(byDay.totals.raw);

    // An unknown grouping falls back to partners; a bad period is the caller's ZodError.
    expect((await getClickReport({ group: "nonsense" })).group).toBe("partner");
    await expect(getClickReport({ period: "custom", from: "2026-02-30", to: "2026-03-01" })).rejects.toThrow();
  });
});
