// Partner news (and promo materials, the cabinet's other editorial content) against a real
// PostgreSQL: the partners section's staff create, edit, publish, unpublish and delete; partners
// read only published news, newest publication first, and active materials with their own link;
// other roles and bad input are refused with clear errors and nothing written.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPromoMaterial } from "@/lib/affiliates/materials/create-promo-material";
import { deletePromoMaterial } from "@/lib/affiliates/materials/delete-promo-material";
import { listActivePromoMaterials } from "@/lib/affiliates/materials/list-active-promo-materials";
import { getPromoMaterialOrThrow } from "@/lib/affiliates/materials/list-promo-materials";
import { updatePromoMaterial } from "@/lib/affiliates/materials/update-promo-material";
import { createPartnerNews } from "@/lib/affiliates/news/create-partner-news";
import { deletePartnerNews } from "@/lib/affiliates/news/delete-partner-news";
import { getPartnerNewsOrThrow, listPartnerNews } from "@/lib/affiliates/news/list-partner-news";
import { listPublishedPartnerNews } from "@/lib/affiliates/news/list-published-partner-news";
import { setPartnerNewsPublished } from "@/lib/affiliates/news/set-partner-news-published";
import { updatePartnerNews } from "@/lib/affiliates/news/update-partner-news";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import type { Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";

const run = randomUUID().slice(0, 8);
const fx = checkoutFixtures("aff-news");
const users: Partial<Record<Role, { id: string; role: Role }>> = {};
const owner = () => users.OWNER as { id: string; role: Role };
const created: string[] = [];

async function expectAppError(promise: Promise<unknown>, code: string, fieldErrors?: Record<string, string[]>) {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, "expected an AppError").toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (fieldErrors) expect((error as AppError).fieldErrors).toEqual(fieldErrors);
}

async function draft(title: string) {
  const news = await createPartnerNews({ title: `${title} ${run}`, body: "Line one\nLine two" }, owner());
  created.push(news.id);
  return news;
}

const ours = async () => (await listPublishedPartnerNews({ take: 200 })).filter((news) => news.title.endsWith(run));
const newsCount = () => db.partnerNews.count({ where: { title: { endsWith: run } } });

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  for (const role of ["OWNER", "MANAGER", "OPERATOR"] as Role[]) {
    users[role] = await db.user.create({ data: { email: `${role.toLowerCase()}-${randomUUID()}@news.test`, name: role, role, passwordHash: "x" }, select: { id: true, role: true } });
  }
});

afterAll(async () => {
  await db.promoMaterial.deleteMany({ where: { title: { endsWith: run } } });
  await fx.cleanup();
  await db.partnerNews.deleteMany({ where: { OR: [{ id: { in: created } }, { title: { endsWith: run } }] } });
  await db.user.deleteMany({ where: { id: { in: Object.values(users).map((user) => user.id) } } });
  await disconnectDb();
});

describe("partner news", () => {
  it("creates a draft (trimmed, with its author) that partners do not see until it is published", async () => {
    const news = await createPartnerNews({ title: `  New banners ${run}  `, body: " Fresh banners are up. " }, owner());
    created.push(news.id);
    const stored = await db.partnerNews.findUniqueOrThrow({ where: { id: news.id }, select: { title: true, body: true, isPublished: true, publishedAt: true, authorId: true } });
    expect(stored).toEqual({ title: `New banners ${run}`, body: "Fresh banners are up.", isPublished: false, publishedAt: null, authorId: owner().id });
    expect((await listPartnerNews(owner())).map((row) => row.id)).toContain(news.id);
    expect((await ours()).map((row) => row.id)).not.toContain(news.id);

    await setPartnerNewsPublished(news.id, true, owner());
    const [shown] = (await ours()).filter((row) => row.id === news.id);
    expect(shown).toMatchObject({ title: `New banners ${run}`, body: "Fresh banners are up." });
    expect(typeof shown?.publishedAt).toBe("string");
  });

  it("lists published news newest publication first; unpublishing hides it, republishing dates it afresh", async () => {
    const first = await draft("First");
    const second = await draft("Second");
    await setPartnerNewsPublished(first.id, true, owner());
    await new Promise((resolve) => setTimeout(resolve, 5));
    await setPartnerNewsPublished(second.id, true, owner());
    let ids = (await ours()).map((row) => row.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));

    // Publishing twice does not move it.
    const before = (await getPartnerNewsOrThrow(first.id, owner())).publishedAt;
    await setPartnerNewsPublished(first.id, true, owner());
    expect((await getPartnerNewsOrThrow(first.id, owner())).publishedAt).toBe(before);

    await setPartnerNewsPublished(first.id, false, owner());
    expect(await getPartnerNewsOrThrow(first.id, owner())).toMatchObject({ isPublished: false, publishedAt: null });
    expect((await ours()).map((row) => row.id)).not.toContain(first.id);

    await new Promise((resolve) => setTimeout(resolve, 5));
    await setPartnerNewsPublished(first.id, true, owner());
    ids = (await ours()).map((row) => row.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
  });

  it("edits the text in place and deletes", async () => {
    const news = await draft("Edit me");
    await setPartnerNewsPublished(news.id, true, owner());
    const publishedAt = (await getPartnerNewsOrThrow(news.id, owner())).publishedAt;
    await updatePartnerNews(news.id, { title: `Edited ${run}`, body: "New text" }, users.MANAGER as { id: string; role: Role });
    expect(await getPartnerNewsOrThrow(news.id, owner())).toMatchObject({ title: `Edited ${run}`, body: "New text", isPublished: true, publishedAt });

    await deletePartnerNews(news.id, owner());
    await expectAppError(getPartnerNewsOrThrow(news.id, owner()), "NOT_FOUND");
    expect((await ours()).map((row) => row.id)).not.toContain(news.id);
    await expectAppError(deletePartnerNews(news.id, owner()), "NOT_FOUND");
    await expectAppError(updatePartnerNews(news.id, { title: "x", body: "y" }, owner()), "NOT_FOUND");
    await expectAppError(setPartnerNewsPublished(news.id, true, owner()), "NOT_FOUND");
  });

  it("refuses bad input with field error keys, writing nothing", async () => {
    const before = await newsCount();
    await expectAppError(createPartnerNews({ title: "   ", body: "" }, owner()), "VALIDATION", {
      title: ["partnerNews.errors.titleRequired"],
      body: ["partnerNews.errors.bodyRequired"],
    });
    await expectAppError(createPartnerNews({ title: `${"x".repeat(201)}${run}`, body: "y".repeat(20_001) }, owner()), "VALIDATION", {
      title: ["partnerNews.errors.titleTooLong"],
      body: ["partnerNews.errors.bodyTooLong"],
    });
    await expectAppError(createPartnerNews({ title: 42, body: null }, owner()), "VALIDATION");
    expect(await newsCount()).toBe(before);

    const news = await draft("Keep me");
    await expectAppError(updatePartnerNews(news.id, { title: "", body: "z" }, owner()), "VALIDATION", { title: ["partnerNews.errors.titleRequired"] });
    await expectAppError(setPartnerNewsPublished(news.id, "yes", owner()), "VALIDATION");
    expect(await getPartnerNewsOrThrow(news.id, owner())).toMatchObject({ title: `Keep me ${run}`, isPublished: false });
  });

  it("is the partners section's: other roles are refused and change nothing", async () => {
    const news = await draft("Guarded");
    const operator = users.OPERATOR as { id: string; role: Role };
    const before = await newsCount();
    await expectAppError(createPartnerNews({ title: `Nope ${run}`, body: "x" }, operator), "FORBIDDEN");
    await expectAppError(updatePartnerNews(news.id, { title: `Nope ${run}`, body: "x" }, operator), "FORBIDDEN");
    await expectAppError(setPartnerNewsPublished(news.id, true, operator), "FORBIDDEN");
    await expectAppError(deletePartnerNews(news.id, operator), "FORBIDDEN");
    await expectAppError(listPartnerNews(operator), "FORBIDDEN");
    await expectAppError(listPartnerNews({ id: "x", role: "NOBODY" as Role }), "FORBIDDEN");
    expect(await newsCount()).toBe(before);
    expect(await getPartnerNewsOrThrow(news.id, owner())).toMatchObject({ title: `Guarded ${run}`, isPublished: false });
  });
});

describe("promo materials", () => {
  const APP_URL = "https://shop.test";
  const mine = async () => (await listActivePromoMaterials({ login: "alpha" }, APP_URL)).filter((material) => material.title.endsWith(run));

  it("lists active materials for partners with their referral link where there is a product", async () => {
    const product = await fx.createProduct({});
    const banner = await createPromoMaterial({ title: `Banner ${run}`, kind: "BANNER", productId: product.id, url: "https://cdn.test/b.png" }, owner());
    const text = await createPromoMaterial({ title: `Text ${run}`, kind: "TEXT", content: "Cash on delivery!" }, owner());
    const hidden = await createPromoMaterial({ title: `Hidden ${run}`, kind: "FILE", url: "https://cdn.test/f.zip", isActive: false }, owner());

    const shown = await mine();
    expect(shown.map((material) => material.id).sort()).toEqual([banner.id, text.id].sort());
    expect(shown.find((material) => material.id === banner.id)).toMatchObject({ productName: product.name, referralLink: `${APP_URL}/r/alpha?to=${product.slug}` });
    expect(shown.find((material) => material.id === text.id)).toMatchObject({ productName: null, referralLink: null, content: "Cash on delivery!" });

    await updatePromoMaterial(hidden.id, { title: `Hidden ${run}`, kind: "FILE", url: "https://cdn.test/f.zip", isActive: true }, users.MANAGER as { id: string; role: Role });
    expect((await mine()).map((material) => material.id)).toContain(hidden.id);
    await deletePromoMaterial(hidden.id, owner());
    await expectAppError(getPromoMaterialOrThrow(hidden.id, owner()), "NOT_FOUND");
  });

  it("refuses bad input and other roles, writing nothing", async () => {
    const count = () => db.promoMaterial.count({ where: { title: { endsWith: run } } });
    const before = await count();
    await expectAppError(createPromoMaterial({ title: `Bad ${run}`, kind: "BANNER", url: "javascript:alert(1)" }, owner()), "VALIDATION", { url: ["promoMaterials.errors.urlInvalid"] });
    await expectAppError(createPromoMaterial({ title: `Bad ${run}`, kind: "TEXT" }, owner()), "VALIDATION", { content: ["promoMaterials.errors.contentRequired"] });
    await expectAppError(createPromoMaterial({ title: `Bad ${run}`, kind: "BANNER", url: "https://a.test", productId: `nope-${run}` }, owner()), "VALIDATION", {
      productId: ["promoMaterials.errors.productInvalid"],
    });
    await expectAppError(createPromoMaterial({ title: `Bad ${run}`, kind: "TEXT", content: "x" }, users.OPERATOR as { id: string; role: Role }), "FORBIDDEN");
    await expectAppError(updatePromoMaterial(`nope-${run}`, { title: `Bad ${run}`, kind: "TEXT", content: "x" }, owner()), "NOT_FOUND");
    await expectAppError(deletePromoMaterial(`nope-${run}`, owner()), "NOT_FOUND");
    expect(await count()).toBe(before);
  });
});
