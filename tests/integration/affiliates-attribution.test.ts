// Order attribution by the referral cookie: a click through GET /r/<login>, then an order through
// POST /api/v1/orders with that cookie (real Request objects), or placeOrder directly with what
// resolveAttribution makes of a cookie. Last click wins; expired, forged, banned-since and
// self-referral cookies attribute nothing.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/orders/route";
import { GET } from "@/app/r/[login]/route";
import { ATTRIBUTION_COOKIE, resolveAttribution, signAttributionCookie } from "@/lib/affiliates/attribution";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";

const fixtures = checkoutFixtures("aff-attr");
const run = randomUUID().slice(0, 8);
const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
const DAY = 24 * 60 * 60 * 1000;
const partnerPhone = "+7 916 555-12-34";
const partnerIds: string[] = [];
let slug = "";

async function createPartner(suffix: string, contact?: string) {
  const login = `hba_${run}_${suffix}`;
  const partner = await db.partner.create({
    data: { login, email: `${login}@partners.test`, name: `Partner ${suffix}`, contact, passwordHash: "x", status: "ACTIVE" },
    select: { id: true, login: true, email: true },
  });
  partnerIds.push(partner.id);
  return partner;
}

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  slug = (await fixtures.createProduct()).slug;
});

afterAll(async () => {
  await fixtures.cleanup();
  await db.partner.deleteMany({ where: { id: { in: partnerIds } } });
  await disconnectDb();
});

/** Follows a referral link; the value of the cookie it set. */
async function clickLink(login: string, query = "") {
  const response = await GET(new Request(`http://localhost/r/${login}?to=${slug}${query}`, { headers: { "user-agent": CHROME, "x-forwarded-for": fixtures.ip() } }), {
    params: Promise.resolve({ login }),
  });
  const setCookie = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${ATTRIBUTION_COOKIE}=`));
  if (!setCookie) throw new Error("no referral cookie");
  return setCookie.split(";")[0]!.slice(ATTRIBUTION_COOKIE.length + 1);
}

async function order(cookie?: string, fields: Record<string, string> = {}) {
  const headers: Record<string, string> = { "content-type": "application/json", "x-forwarded-for": fixtures.ip() };
  if (cookie !== undefined) headers.cookie = `${ATTRIBUTION_COOKIE}=${cookie}`;
  const response = await POST(new Request("http://localhost/api/v1/orders", { method: "POST", headers, body: JSON.stringify(fixtures.input(slug, {}, fields)) }) as never);
  expect(response.status).toBe(201);
  const { order: placed } = (await response.json()) as { order: { id: string } };
  return db.order.findUniqueOrThrow({ where: { id: placed.id }, select: { partnerId: true, clickId: true, sub1: true, sub2: true, sub3: true, sub4: true, sub5: true } });
}

const NO_PARTNER = { partnerId: null, clickId: null, sub1: null, sub2: null, sub3: null, sub4: null, sub5: null };

describe("order attribution", () => {
  it("attributes an order to the click of the cookie, with its sub-ids", async () => {
    const partner = await createPartner("a");
    const cookie = await clickLink(partner.login, "&sub1=tg&sub2=post-42&sub5=v");
    const click = await db.click.findFirstOrThrow({ where: { partnerId: partner.id }, select: { id: true } });
    expect(await order(cookie)).toEqual({ partnerId: partner.id, clickId: click.id, sub1: "tg", sub2: "post-42", sub3: null, sub4: null, sub5: "v" });
  });

  it("gives the order to the last click (each click overwrites the cookie)", async () => {
    const first = await createPartner("first");
    const second = await createPartner("second");
    let cookie = await clickLink(first.login, "&sub1=one");
    cookie = await clickLink(second.login, "&sub1=two");
    const secondClick = await db.click.findFirstOrThrow({ where: { partnerId: second.id }, select: { id: true } });
    expect(await order(cookie)).toMatchObject({ partnerId: second.id, clickId: secondClick.id, sub1: "two" });

    // The same partner's later click replaces their earlier sub-ids too.
    cookie = await clickLink(first.login, "&sub1=three");
    expect(await order(cookie)).toMatchObject({ partnerId: first.id, sub1: "three" });
  });

  it("attributes nothing to a direct order", async () => {
    expect(await order()).toEqual(NO_PARTNER);
  });

  it("attributes nothing once the cookie lifetime has passed", async () => {
    const partner = await createPartner("expired");
    await clickLink(partner.login, "&sub1=old");
    const click = await db.click.findFirstOrThrow({ where: { partnerId: partner.id }, select: { id: true } });
    const expired = signAttributionCookie({ clickId: click.id, clickedAt: new Date(Date.now() - 31 * DAY) });
    expect(await order(expired)).toEqual(NO_PARTNER);
    const fresh = signAttributionCookie({ clickId: click.id, clickedAt: new Date(Date.now() - 29 * DAY) });
    expect(await order(fresh)).toMatchObject({ partnerId: partner.id });
  });

  it.each([
    ["a click id changed by hand", (cookie: string, otherId: bigint) => cookie.replace(/^v1\.\d+\./, `v1.${otherId}.`)],
    ["a forged signature", (cookie: string) => `${cookie.slice(0, -4)}AAAA`],
    ["an unsigned value", (_cookie: string, otherId: bigint) => `v1.${otherId}.${Math.floor(Date.now() / 1000)}`],
    ["garbage", () => "garbage"],
  ])("attributes nothing to %s", async (_name, tamper) => {
    const victim = await createPartner(`victim${randomUUID().slice(0, 4)}`);
    const thief = await createPartner(`thief${randomUUID().slice(0, 4)}`);
    await clickLink(victim.login);
    const victimClick = await db.click.findFirstOrThrow({ where: { partnerId: victim.id }, select: { id: true } });
    const thiefCookie = await clickLink(thief.login);
    expect(await order(tamper(thiefCookie, victimClick.id))).toEqual(NO_PARTNER);
  });

  it("attributes nothing when the partner was banned after the click", async () => {
    const partner = await createPartner("banned");
    const cookie = await clickLink(partner.login);
    await db.partner.update({ where: { id: partner.id }, data: { status: "BANNED" }, select: { id: true } });
    expect(await order(cookie)).toEqual(NO_PARTNER);
  });

  it("attributes nothing to a partner ordering through their own link (self-referral by email or phone)", async () => {
    const partner = await createPartner("self", partnerPhone);
    const cookie = await clickLink(partner.login);
    expect(await order(cookie, { email: partner.email.toUpperCase() })).toEqual(NO_PARTNER);
    expect(await order(cookie, { phone: "8 (916) 555-12-34" })).toEqual(NO_PARTNER);
    // Someone else with the partner's link is a referral as usual.
    expect(await order(cookie)).toMatchObject({ partnerId: partner.id });
  });

  it("works through placeOrder with resolveAttribution's answer (the checkout form's path)", async () => {
    const partner = await createPartner("action");
    const cookie = await clickLink(partner.login, "&sub3=form");
    const attribution = await resolveAttribution(cookie);
    expect(attribution).toMatchObject({ partnerId: partner.id, sub3: "form" });
    const result = await placeOrder(fixtures.input(slug), { ip: fixtures.ip(), attribution });
    expect(await db.order.findUniqueOrThrow({ where: { id: result.order.id }, select: { partnerId: true, sub3: true } })).toEqual({ partnerId: partner.id, sub3: "form" });

    expect(await resolveAttribution(undefined)).toBeUndefined();
    expect(await resolveAttribution(cookie, { lifetimeDays: 1, now: new Date(Date.now() + 2 * DAY) })).toBeUndefined();
  });
});
