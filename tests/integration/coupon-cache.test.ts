// Coupons cached by each process (lib/marketing/discounts/find-coupon) against a real PostgreSQL.
// Another process's edit is played here by a plain UPDATE, which clears no cache of this one:
// the order's claim of a use must catch it (the row's version, moved by the database's trigger
// whoever writes) and price the order again on a fresh read; a refusal is never a cached answer.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutFixtures, countOrderWrites, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { couponUses } from "../helpers/coupon-uses";
import { db, disconnectDb } from "@/lib/db";
import { findCoupon } from "@/lib/marketing/discounts/find-coupon";
import { clearDiscountRulesCache } from "@/lib/marketing/discounts/load-discount-rules";
import { refusal } from "../helpers/refusal";

const fx = checkoutFixtures("coupon-cache");
const run = randomUUID().slice(0, 8).toUpperCase();
const couponIds: string[] = [];
const partnerIds: string[] = [];

async function coupon(suffix: string, data: Partial<Parameters<typeof db.coupon.create>[0]["data"]> = {}) {
  const created = await db.coupon.create({ data: { code: `C${run}${suffix}`, kind: "PERCENT", value: 1000, ...data }, select: { id: true, code: true } }); // 10 %
  couponIds.push(created.id);
  return created;
}

const versionOf = async (id: string) => (await db.$queryRaw<{ version: string }[]>`SELECT "updatedAt"::text AS version FROM "Coupon" WHERE id = ${id}`)[0]!.version;

beforeAll(async () => {
  await ensureCheckoutReferenceData();
});

afterAll(async () => {
  await db.commission.deleteMany({ where: { partnerId: { in: partnerIds } } });
  await fx.cleanup();
  await db.coupon.deleteMany({ where: { id: { in: couponIds } } });
  await db.partner.deleteMany({ where: { id: { in: partnerIds } } });
  clearDiscountRulesCache();
  await disconnectDb();
});

describe("a coupon's version", () => {
  it("moves with every edit of its terms or products, and not with a use taken", async () => {
    const product = await fx.createProduct();
    const { id } = await coupon("VER");
    const created = await versionOf(id);
    await db.$executeRaw`UPDATE "Coupon" SET "usedCount" = "usedCount" + 1 WHERE id = ${id}`;
    expect(await versionOf(id)).toBe(created);
    await db.$executeRaw`UPDATE "Coupon" SET value = 1500 WHERE id = ${id}`;
    const edited = await versionOf(id);
    expect(edited).not.toBe(created);
    // Two edits within the same millisecond still give two versions.
    await db.$transaction([db.$executeRaw`UPDATE "Coupon" SET "isActive" = false WHERE id = ${id}`, db.$executeRaw`UPDATE "Coupon" SET "isActive" = true WHERE id = ${id}`]);
    const switched = await versionOf(id);
    expect(switched > edited).toBe(true);
    await db.couponProduct.create({ data: { couponId: id, productId: product.id } });
    const withProduct = await versionOf(id);
    expect(withProduct > switched).toBe(true);
    await db.couponProduct.deleteMany({ where: { couponId: id } });
    expect((await versionOf(id)) > withProduct).toBe(true);
  });
});

describe("an order with a coupon this process has cached", () => {
  it("edited in another process meanwhile: the claim sees it, and the order is priced on the fresh coupon", async () => {
    const product = await fx.createProduct();
    const { id, code } = await coupon("EDIT");
    expect((await findCoupon(code))?.value).toBe(1000);
    await db.$executeRaw`UPDATE "Coupon" SET value = 2000 WHERE id = ${id}`; // 20 %
    expect((await findCoupon(code))?.value).toBe(1000); // this process's copy is the old one
    const { order } = await placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() });
    // (1,950.00 RUB + 300.00 shipping) − 20 % of the whole order (450.00) = 1,800.00 RUB; the cached 10 % would give 2,025.00
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { discountTotal: true, total: true, couponId: true } })).toEqual({
      discountTotal: 45000,
      total: 180000,
      couponId: id,
    });
    expect(await couponUses(id)).toBe(1);
    expect((await findCoupon(code))?.value).toBe(2000); // and the cache holds the fresh read
  });

  it("the same through an attributed order's Prisma transaction", async () => {
    const product = await fx.createProduct();
    const { id, code } = await coupon("EDITP");
    const login = `cc${run.toLowerCase()}`;
    const partner = await db.partner.create({ data: { login, email: `${login}@partners.test`, name: "Cache partner", passwordHash: "x", status: "ACTIVE" }, select: { id: true } });
    partnerIds.push(partner.id);
    await findCoupon(code);
    await db.$executeRaw`UPDATE "Coupon" SET value = 2000 WHERE id = ${id}`;
    const { order } = await placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip(), attribution: { partnerId: partner.id } });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { discountTotal: true, partnerId: true } })).toEqual({ discountTotal: 45000, partnerId: partner.id });
    expect(await couponUses(id)).toBe(1);
  });

  it("on an order placed as a DUPLICATE (which takes no use): its version is checked all the same", async () => {
    const product = await fx.createProduct({ confirmationMode: "NONE" });
    const { id, code } = await coupon("DUPV");
    const contact = { phone: fx.phone(), email: fx.email() };
    await placeOrder(fx.input(product.slug, { coupon: code }, contact), { ip: fx.ip() });
    expect((await findCoupon(code))?.value).toBe(1000); // cached
    await db.$executeRaw`UPDATE "Coupon" SET value = 2000 WHERE id = ${id}`; // 20 %
    const second = await placeOrder(fx.input(product.slug, { coupon: code }, contact), { ip: fx.ip() });
    expect(second.order.status).toBe("DUPLICATE");
    // Priced on the fresh 20 % (450.00 RUB off 2,250.00), not the cached 10 %; no use taken.
    expect(await db.order.findUniqueOrThrow({ where: { id: second.order.id }, select: { discountTotal: true, total: true, couponId: true } })).toEqual({
      discountTotal: 45000,
      total: 180000,
      couponId: null,
    });
    expect(await couponUses(id)).toBe(1);

    // The same through an attributed order's Prisma transaction (the claim's other branch).
    const login = `ccd${run.toLowerCase()}`;
    const partner = await db.partner.create({ data: { login, email: `${login}@partners.test`, name: "Cache partner", passwordHash: "x", status: "ACTIVE" }, select: { id: true } });
    partnerIds.push(partner.id);
    await db.$executeRaw`UPDATE "Coupon" SET value = 3000 WHERE id = ${id}`; // 30 %, this process still holds 20 %
    const third = await placeOrder(fx.input(product.slug, { coupon: code }, contact), { ip: fx.ip(), attribution: { partnerId: partner.id } });
    expect(third.order.status).toBe("DUPLICATE");
    // 30 % of 2,250.00 RUB = 675.00 off
    expect(await db.order.findUniqueOrThrow({ where: { id: third.order.id }, select: { discountTotal: true, partnerId: true } })).toEqual({ discountTotal: 67500, partnerId: partner.id });
  });

  it("switched off in another process meanwhile: refused as inactive, nothing written, no use taken", async () => {
    const product = await fx.createProduct();
    const { id, code } = await coupon("OFF");
    await findCoupon(code);
    await db.$executeRaw`UPDATE "Coupon" SET "isActive" = false WHERE id = ${id}`;
    const before = await countOrderWrites({ run: fx.run, productIds: [product.id] });
    const error = await refusal(placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() }));
    expect(error.fieldErrors).toEqual({ coupon: ["checkoutErrors.coupon.INACTIVE"] });
    expect(await countOrderWrites({ run: fx.run, productIds: [product.id] })).toEqual(before);
    expect(await couponUses(id)).toBe(0);
  });

  it("its product excluded in another process meanwhile: refused for that product", async () => {
    const product = await fx.createProduct();
    const { id, code } = await coupon("EXCL");
    await findCoupon(code);
    await db.$transaction([
      db.$executeRaw`UPDATE "Coupon" SET "productsExcluded" = true WHERE id = ${id}`,
      db.$executeRaw`INSERT INTO "CouponProduct" ("couponId", "productId") VALUES (${id}, ${product.id})`,
    ]);
    const error = await refusal(placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() }));
    expect(error.fieldErrors).toEqual({ coupon: ["checkoutErrors.coupon.PRODUCT_EXCLUDED"] });
    expect(await couponUses(id)).toBe(0);
  });

  it("deleted in another process meanwhile: refused as unknown, nothing written", async () => {
    const product = await fx.createProduct();
    const { id, code } = await coupon("GONEDEL");
    await findCoupon(code);
    await db.$executeRaw`DELETE FROM "Coupon" WHERE id = ${id}`;
    const before = await countOrderWrites({ run: fx.run, productIds: [product.id] });
    const error = await refusal(placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() }));
    expect(error.fieldErrors).toEqual({ coupon: ["checkoutErrors.coupon.UNKNOWN"] });
    expect(await countOrderWrites({ run: fx.run, productIds: [product.id] })).toEqual(before);
  });

  it("used up by another process meanwhile: refused as used up (the claim), its cached copy notwithstanding", async () => {
    const product = await fx.createProduct();
    const { id, code } = await coupon("GONE", { maxUses: 1 });
    await findCoupon(code);
    await db.$executeRaw`UPDATE "Coupon" SET "usedCount" = 1 WHERE id = ${id}`;
    const error = await refusal(placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() }));
    expect(error.fieldErrors).toEqual({ coupon: ["checkoutErrors.coupon.USED_UP"] });
    expect(await couponUses(id)).toBe(1);
  });

  it("a refusal is never a cached answer: a use given back, or a coupon switched on, elsewhere applies at once", async () => {
    const product = await fx.createProduct();
    const { id, code } = await coupon("BACK", { maxUses: 1, usedCount: 1 });
    expect((await refusal(placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() }))).fieldErrors).toEqual({ coupon: ["checkoutErrors.coupon.USED_UP"] });
    await db.$executeRaw`UPDATE "Coupon" SET "usedCount" = 0 WHERE id = ${id}`;
    await expect(placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() })).resolves.toMatchObject({ created: true });

    const off = await coupon("ON", { isActive: false });
    expect((await refusal(placeOrder(fx.input(product.slug, { coupon: off.code }), { ip: fx.ip() }))).fieldErrors).toEqual({ coupon: ["checkoutErrors.coupon.INACTIVE"] });
    await db.$executeRaw`UPDATE "Coupon" SET "isActive" = true WHERE id = ${off.id}`;
    await expect(placeOrder(fx.input(product.slug, { coupon: off.code }), { ip: fx.ip() })).resolves.toMatchObject({ created: true });
  });
});
