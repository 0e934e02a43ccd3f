// Bulk coupon codes against a real PostgreSQL: N codes from one coupon as the template, each a
// coupon of its own with the template's rules and products, unique (within the run and against
// every stored code), prefix + random part from the unambiguous alphabet, single-use unless told
// otherwise, written with one audit row; limits and bad input refused with field errors and
// nothing written; a generated code works once at checkout.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import { COUPON_CODE_ALPHABET, generateCouponCodes, MAX_GENERATED_CODES } from "@/lib/marketing/discounts/generate-coupon-codes";
import { clearDiscountRulesCache } from "@/lib/marketing/discounts/load-discount-rules";
import { refusal } from "../helpers/refusal";

const fx = checkoutFixtures("coupon-codes");
const run = randomUUID().slice(0, 8).toUpperCase();
const manager = { id: `manager-${run}`, role: "MANAGER" as const };
let templateId = "";
let productId = "";
let productSlug = "";

const generated = () => db.coupon.count({ where: { code: { startsWith: `G${run}` } } });
const audits = () => db.auditLog.count({ where: { actorId: manager.id, action: "coupon.generate" } });

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  const product = await fx.createProduct({ confirmationMode: "NONE" });
  productId = product.id;
  productSlug = product.slug;
  templateId = (
    await db.coupon.create({
      data: {
        code: `T${run}`,
        description: "Flyer",
        kind: "FIXED",
        value: 30000, // 300.00 RUB
        currency: "RUB",
        scope: "ITEMS",
        minOrderTotal: 100000, // 1,000.00 RUB
        maxUses: 500,
        maxUsesPerCustomer: 1,
        endsAt: new Date(Date.now() + 30 * 86_400_000),
        combinable: true,
        products: { create: { productId } },
      },
      select: { id: true },
    })
  ).id;
});

afterAll(async () => {
  await fx.cleanup();
  await db.coupon.deleteMany({ where: { OR: [{ id: templateId }, { code: { startsWith: `G${run}` } }] } });
  await db.auditLog.deleteMany({ where: { actorId: manager.id } });
  clearDiscountRulesCache();
  await disconnectDb();
});

describe("generateCouponCodes", () => {
  it("writes N unique single-use coupons with the template's rules and products, and one audit row", async () => {
    const result = await generateCouponCodes({ templateId, count: "2000", prefix: ` g${run}-a `, randomLength: "" }, manager);
    expect(result.templateCode).toBe(`T${run}`);
    expect(result.codes).toHaveLength(2000);
    expect(new Set(result.codes).size).toBe(2000);
    const shape = new RegExp(`^G${run}-A[${COUPON_CODE_ALPHABET}]{8}$`);
    for (const code of result.codes) expect(code).toMatch(shape);
    for (const ambiguous of ["0", "O", "1", "I", "L"]) expect(result.codes.some((code) => code.slice(-8).includes(ambiguous))).toBe(false);

    const rows = await db.coupon.findMany({
      where: { code: { in: result.codes } },
      select: {
        code: true,
        kind: true,
        value: true,
        currency: true,
        scope: true,
        minOrderTotal: true,
        maxUses: true,
        usedCount: true,
        maxUsesPerCustomer: true,
        combinable: true,
        endsAt: true,
        description: true,
        products: { select: { productId: true } },
      },
    });
    expect(rows).toHaveLength(2000);
    const template = await db.coupon.findUniqueOrThrow({ where: { id: templateId }, select: { endsAt: true } });
    for (const row of rows) {
      expect(row).toMatchObject({
        kind: "FIXED",
        value: 30000,
        currency: "RUB",
        scope: "ITEMS",
        minOrderTotal: 100000,
        maxUses: 1,
        usedCount: 0,
        maxUsesPerCustomer: 1,
        combinable: true,
        description: `T${run}: Flyer`,
      });
      expect(row.endsAt).toEqual(template.endsAt);
      expect(row.products).toEqual([{ productId }]);
    }
    const audit = await db.auditLog.findFirstOrThrow({ where: { actorId: manager.id, action: "coupon.generate" }, select: { entityId: true, data: true } });
    expect(audit.entityId).toBe(templateId);
    expect(audit.data).toMatchObject({ template: `T${run}`, count: 2000, prefix: `G${run}-A`, randomLength: 8, usesPerCode: 1 });
    // The template itself is unchanged.
    expect(await db.coupon.findUniqueOrThrow({ where: { id: templateId }, select: { maxUses: true, usedCount: true } })).toEqual({ maxUses: 500, usedCount: 0 });
  });

  it("takes another number of uses per code and a longer random part; never repeats a stored code", async () => {
    const first = await generateCouponCodes({ templateId, count: 50, prefix: `G${run}B`, randomLength: 12, usesPerCode: "5" }, manager);
    const second = await generateCouponCodes({ templateId, count: 50, prefix: `G${run}B`, randomLength: 12, usesPerCode: "5" }, manager);
    expect(new Set([...first.codes, ...second.codes]).size).toBe(100);
    for (const code of first.codes) expect(code).toMatch(new RegExp(`^G${run}B[${COUPON_CODE_ALPHABET}]{12}$`));
    expect(await db.coupon.count({ where: { code: { in: first.codes }, maxUses: 5 } })).toBe(50);
  });

  it("generates the maximum of 10,000 codes in one go", async () => {
    const before = await generated();
    const started = performance.now();
    const result = await generateCouponCodes({ templateId, count: MAX_GENERATED_CODES, prefix: `G${run}MAX` }, manager);
    const seconds = (performance.now() - started) / 1000;
    console.log(`generated ${MAX_GENERATED_CODES} coupon codes in ${seconds.toFixed(2)} s`);
    expect(new Set(result.codes).size).toBe(MAX_GENERATED_CODES);
    expect((await generated()) - before).toBe(MAX_GENERATED_CODES);
    expect(await db.couponProduct.count({ where: { coupon: { code: { startsWith: `G${run}MAX` } } } })).toBe(MAX_GENERATED_CODES);
  });

  it.each<[string, Record<string, unknown>, Record<string, string[]>]>([
    ["no count", { count: "" }, { count: ["discounts.admin.errors.generateCount"] }],
    ["zero codes", { count: 0 }, { count: ["discounts.admin.errors.generateCount"] }],
    ["10,001 codes", { count: MAX_GENERATED_CODES + 1 }, { count: ["discounts.admin.errors.generateCount"] }],
    ["a fractional count", { count: "2.5" }, { count: ["discounts.admin.errors.generateCount"] }],
    ["a prefix with a space", { prefix: "SUMMER SALE" }, { prefix: ["discounts.admin.errors.generatePrefix"] }],
    ["a prefix in Cyrillic", { prefix: "ЛЕТО" }, { prefix: ["discounts.admin.errors.generatePrefix"] }],
    ["a prefix starting with a dash", { prefix: "-SALE" }, { prefix: ["discounts.admin.errors.generatePrefix"] }],
    ["a prefix of 21 characters", { prefix: "A".repeat(21) }, { prefix: ["discounts.admin.errors.generatePrefix"] }],
    ["a random part of 5", { randomLength: 5 }, { randomLength: ["discounts.admin.errors.generateLength"] }],
    ["a random part of 17", { randomLength: 17 }, { randomLength: ["discounts.admin.errors.generateLength"] }],
    ["zero uses per code", { usesPerCode: "0" }, { usesPerCode: ["discounts.admin.errors.count"] }],
    ["uses per code as text", { usesPerCode: "many" }, { usesPerCode: ["discounts.admin.errors.count"] }],
  ])("refuses %s with a field error and writes nothing", async (_name, change, fieldErrors) => {
    const [codesBefore, auditsBefore] = [await generated(), await audits()];
    const error = await refusal(generateCouponCodes({ templateId, count: 10, prefix: `G${run}X`, ...change }, manager));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toEqual(fieldErrors);
    expect(await generated()).toBe(codesBefore);
    expect(await audits()).toBe(auditsBefore);
  });

  it("refuses an unknown template, and roles outside Advertising, writing nothing", async () => {
    const [codesBefore, auditsBefore] = [await generated(), await audits()];
    expect((await refusal(generateCouponCodes({ templateId: `missing-${run}`, count: 5, prefix: `G${run}Y` }, manager))).code).toBe("NOT_FOUND");
    for (const role of ["OPERATOR", "LOGISTICS", "ACCOUNTANT"] as const) {
      expect((await refusal(generateCouponCodes({ templateId, count: 5, prefix: `G${run}Y` }, { id: manager.id, role }))).code).toBe("FORBIDDEN");
    }
    expect([await generated(), await audits()]).toEqual([codesBefore, auditsBefore]);
  });

  it("a generated single-use code discounts one order; the next is refused as used up", async () => {
    const { codes } = await generateCouponCodes({ templateId, count: 1, prefix: `G${run}ONE` }, manager);
    const code = codes[0]!;
    const order = await placeOrder(fx.input(productSlug, { coupon: code.toLowerCase() }), { ip: fx.ip() });
    const placed = await db.order.findUniqueOrThrow({ where: { id: order.order.id }, select: { couponCode: true, discountTotal: true } });
    expect(placed).toEqual({ couponCode: code, discountTotal: 30000 }); // 300.00 RUB
    const again = await refusal(placeOrder(fx.input(productSlug, { coupon: code }), { ip: fx.ip() }));
    expect(again.fieldErrors).toEqual({ coupon: ["checkoutErrors.coupon.USED_UP"] });
  });
});
