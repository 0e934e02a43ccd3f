// Group commit of clicks (lib/affiliates/click-writer): clicks that arrive together share one
// INSERT, and each still gets its own row, id and uniqueness — as if written one by one.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ATTRIBUTION_COOKIE, verifyAttributionCookie } from "@/lib/affiliates/attribution";
import { insertClicks, type ClickRow } from "@/lib/affiliates/click-writer";
import { recordClick } from "@/lib/affiliates/record-click";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import { answerFastRoute } from "@/lib/server/fast-routes";

const fixtures = checkoutFixtures("aff-click-writer");
const run = randomUUID().slice(0, 8);
const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
const logins = { a: `cw_${run}_a`, b: `cw_${run}_b`, banned: `cw_${run}_x` };
const partnerIds: Record<keyof typeof logins, string> = { a: "", b: "", banned: "" };
let slug = "";
let productId = "";
let server: Server;
let serverUrl = "";

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  const product = await fixtures.createProduct();
  slug = product.slug;
  productId = product.id;
  for (const key of ["a", "b", "banned"] as const) {
    const login = logins[key];
    partnerIds[key] = (
      await db.partner.create({ data: { login, email: `${login}@partners.test`, name: login, passwordHash: "x", status: key === "banned" ? "BANNED" : "ACTIVE" }, select: { id: true } })
    ).id;
  }
});

beforeAll(async () => {
  server = createServer((request, response) => {
    if (!answerFastRoute(request, response)) response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await fixtures.cleanup();
  await db.partner.deleteMany({ where: { id: { in: Object.values(partnerIds).filter(Boolean) } } });
  await disconnectDb();
});

const row = (login: string, fingerprint: string, extra: Partial<ClickRow> = {}): ClickRow => ({
  login,
  productSlug: slug,
  targetPath: null,
  sub1: null,
  sub2: null,
  sub3: null,
  sub4: null,
  sub5: null,
  referrer: null,
  country: null,
  userAgent: CHROME,
  fingerprint,
  isBot: false,
  at: new Date(),
  ...extra,
});

describe("insertClicks (one statement per batch)", () => {
  it("returns each row its own click id in order, none for an inactive or unknown partner, and the product", async () => {
    const fp = `fp-${run}-order`;
    const results = await insertClicks([
      row(logins.a, `${fp}-1`, { sub1: "first" }),
      row(logins.banned, `${fp}-2`),
      row(logins.b, `${fp}-3`, { sub1: "third" }),
      row(`nobody_${run}`, `${fp}-4`, { productSlug: `no-such-${run}` }),
    ]);
    expect(results.map((result) => result.clickId === null)).toEqual([false, true, false, true]);
    expect(results.map((result) => result.productSlug)).toEqual([slug, slug, slug, null]);
    const stored = await db.click.findMany({
      where: { id: { in: [results[0]!.clickId!, results[2]!.clickId!] } },
      select: { id: true, partnerId: true, sub1: true, productId: true, targetUrl: true },
    });
    expect(stored.find((click) => click.id === results[0]!.clickId)).toMatchObject({ partnerId: partnerIds.a, sub1: "first", productId, targetUrl: `/checkout/${slug}` });
    expect(stored.find((click) => click.id === results[2]!.clickId)).toMatchObject({ partnerId: partnerIds.b, sub1: "third", productId });
    expect(await db.click.count({ where: { partnerId: partnerIds.banned } })).toBe(0);
  });

  it("counts a visitor unique once per partner within a batch and across batches; bots never", async () => {
    const fp = `fp-${run}-unique`;
    const first = await insertClicks([row(logins.a, fp), row(logins.a, fp), row(logins.b, fp), row(logins.a, `${fp}-bot`, { isBot: true })]);
    const second = await insertClicks([row(logins.a, fp), row(logins.b, fp)]);
    const ids = [...first, ...second].map((result) => result.clickId!);
    const stored = new Map((await db.click.findMany({ where: { id: { in: ids } }, select: { id: true, isUnique: true, isBot: true } })).map((click) => [click.id, click]));
    expect(ids.map((id) => stored.get(id)!.isUnique)).toEqual([true, false, true, false, false, false]);
    expect(stored.get(ids[3]!)!.isBot).toBe(true);
  });
});

describe("recordClick under concurrency (group commit)", () => {
  it("stores every one of 200 simultaneous clicks with distinct ids, one unique per visitor", async () => {
    const visitors = 40;
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, index) => recordClick({ login: logins.b, productSlug: slug, sub1: `burst-${run}`, userAgent: CHROME, ip: `203.0.113.${index % visitors}` })),
    );
    const ids = results.map((result) => result.clickId);
    expect(ids.every((id) => id !== null)).toBe(true);
    expect(new Set(ids.map(String)).size).toBe(200);
    expect(results.every((result) => result.redirectTo === `/checkout/${slug}`)).toBe(true);
    const stored = await db.click.findMany({ where: { partnerId: partnerIds.b, sub1: `burst-${run}` }, select: { id: true, isUnique: true } });
    expect(stored).toHaveLength(200);
    expect(stored.filter((click) => click.isUnique)).toHaveLength(visitors);
  });
});

describe("GET /r/<login> on the production server's fast path", () => {
  const visit = (path: string, userAgent = CHROME, method = "GET") =>
    fetch(`${serverUrl}${path}`, { method, redirect: "manual", headers: { "user-agent": userAgent, "x-forwarded-for": `192.0.2.${Math.floor(Math.random() * 250)}` } });

  it("stores the click and answers 302 to the checkout with the signed, HttpOnly attribution cookie", async () => {
    const response = await visit(`/r/${logins.a}?to=${slug}&sub1=fast-${run}&sub2=two`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/checkout/${slug}`);
    const setCookie = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${ATTRIBUTION_COOKIE}=`));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Max-Age=\d+/);
    const verified = verifyAttributionCookie(setCookie!.split(";")[0]!.slice(ATTRIBUTION_COOKIE.length + 1), { lifetimeDays: 30 });
    const stored = await db.click.findFirstOrThrow({ where: { partnerId: partnerIds.a, sub1: `fast-${run}` }, select: { id: true, sub2: true, productId: true } });
    expect(verified?.clickId).toBe(stored.id);
    expect(stored).toMatchObject({ sub2: "two", productId });
  });

  it("sends unknown and banned logins, and bots, on without a cookie; bots' clicks are kept as bots", async () => {
    for (const login of [`nobody_${run}`, logins.banned, "Bad%20Login!"]) {
      const response = await visit(`/r/${login}?to=${slug}`);
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(`/checkout/${slug}`);
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    const bot = await visit(`/r/${logins.a}?to=${slug}&sub1=bot-${run}`, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
    expect(bot.status).toBe(302);
    expect(bot.headers.getSetCookie()).toEqual([]);
    expect(await db.click.findFirst({ where: { sub1: `bot-${run}` }, select: { isBot: true } })).toEqual({ isBot: true });
  });

  it("answers HEAD the same way and passes other methods and paths on", async () => {
    expect((await visit(`/r/${logins.a}?to=${slug}`, CHROME, "HEAD")).status).toBe(302);
    expect((await visit(`/r/${logins.a}?to=${slug}`, CHROME, "POST")).status).toBe(404);
    expect((await visit(`/r/${logins.a}/more`)).status).toBe(404);
  });
});
