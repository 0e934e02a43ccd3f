// Coupons, automatic discounts and promotions through placeOrder against a real PostgreSQL: the
// applied discounts written as OrderDiscount rows with the totals, coupon limits under concurrent
// orders (never over the limit), per customer and first order only, a promotion that ended between
// the page view and the submit (refused with a clear message, nothing written), the live quote,
// and commissions counted on the discounted items total. Rules here are tied to this file's
// products, so parallel test files' orders never meet them.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "@/lib/checkout/place-order";
import { quoteCheckout } from "@/lib/checkout/quote-checkout";
import { checkoutFixtures, countOrderWrites, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import { type AppError } from "@/lib/errors";
import { clearDiscountRulesCache, loadDiscountRules } from "@/lib/marketing/discounts/load-discount-rules";
import { couponUses } from "../helpers/coupon-uses";
import { refusal } from "../helpers/refusal";

const fx = checkoutFixtures("discounts");
const run = randomUUID().slice(0, 8).toUpperCase();
const couponIds: string[] = [];
const automaticIds: string[] = [];
const promotionIds: string[] = [];
const partnerIds: string[] = [];

async function coupon(suffix: string, data: Partial<Parameters<typeof db.coupon.create>[0]["data"]> = {}) {
  const created = await db.coupon.create({ data: { code: `T${run}${suffix}`, kind: "PERCENT", value: 1000, ...data }, select: { id: true, code: true } }); // 10 %
  couponIds.push(created.id);
  return created;
}

const discountsOf = (orderId: string) =>
  db.orderDiscount.findMany({ where: { orderId }, select: { source: true, label: true, amount: true, shippingAmount: true, couponId: true, promotionId: true, automaticDiscountId: true } });

beforeAll(async () => {
  await ensureCheckoutReferenceData();
});

afterAll(async () => {
  await db.commission.deleteMany({ where: { partnerId: { in: partnerIds } } });
  await fx.cleanup();
  await db.coupon.deleteMany({ where: { id: { in: couponIds } } });
  await db.automaticDiscount.deleteMany({ where: { id: { in: automaticIds } } });
  await db.promotion.deleteMany({ where: { id: { in: promotionIds } } });
  await db.partner.deleteMany({ where: { id: { in: partnerIds } } });
  clearDiscountRulesCache();
  await disconnectDb();
});

describe("a coupon on an order", () => {
  it("is applied on the server: totals, one OrderDiscount row, the coupon on the order and its use counted", async () => {
    const product = await fx.createProduct();
    const { code, id } = await coupon("A", { scope: "ITEMS" });
    const result = await placeOrder(fx.input(product.slug, { quantity: 2, coupon: code.toLowerCase(), expectedTotal: 381000 }), { ip: fx.ip() });
    // 2 × 1,950.00 = 3,900.00 RUB − 10 % (390.00) + 300.00 shipping = 3,810.00 RUB
    const order = await db.order.findUniqueOrThrow({
      where: { id: result.order.id },
      select: { itemsTotal: true, discountTotal: true, shippingTotal: true, total: true, couponId: true, couponCode: true },
    });
    expect(order).toEqual({ itemsTotal: 390000, discountTotal: 39000, shippingTotal: 30000, total: 381000, couponId: id, couponCode: code });
    expect(await discountsOf(result.order.id)).toEqual([{ source: "COUPON", label: code, amount: 39000, shippingAmount: 0, couponId: id, promotionId: null, automaticDiscountId: null }]);
    expect(await couponUses(id)).toBe(1);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["an unknown code", {}, "UNKNOWN"],
    ["an expired coupon", { endsAt: new Date(Date.now() - 60_000) }, "EXPIRED"],
    ["a used-up coupon", { maxUses: 3, usedCount: 3 }, "USED_UP"],
    ["a fixed coupon in another currency", { kind: "FIXED", value: 1000, currency: "USD" }, "FOREIGN_CURRENCY"],
    ["a minimum the order does not reach", { minOrderTotal: 1_000_000, currency: "RUB" }, "MIN_TOTAL"],
  ])("refuses %s with its reason and writes nothing", async (name, data, problem) => {
    const product = await fx.createProduct();
    const code = problem === "UNKNOWN" ? `NOPE${run}` : (await coupon(`R${problem}`, data)).code;
    const before = await countOrderWrites({ run: fx.run, productIds: [product.id] });
    const error = await refusal(placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() }));
    expect(error.fieldErrors).toEqual({ coupon: [`checkoutErrors.coupon.${problem}`] });
    expect(await countOrderWrites({ run: fx.run, productIds: [product.id] })).toEqual(before);
  });

  it("refuses a coupon on an excluded product", async () => {
    const product = await fx.createProduct();
    const { code } = await coupon("EXCL", { productsExcluded: true, products: { create: { productId: product.id } } });
    const error = await refusal(placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() }));
    expect(error.fieldErrors).toEqual({ coupon: ["checkoutErrors.coupon.PRODUCT_EXCLUDED"] });
  });

  it("never goes over its limit: 10 concurrent orders with a coupon of 4 uses place exactly 4 with it", async () => {
    const product = await fx.createProduct({ stock: null, confirmationMode: "NONE" });
    const { code, id } = await coupon("LIMIT", { maxUses: 4 });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() })));
    const placed = results.filter((result) => result.status === "fulfilled");
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(placed).toHaveLength(4);
    for (const result of refused) expect((result.reason as AppError).fieldErrors).toEqual({ coupon: ["checkoutErrors.coupon.USED_UP"] });
    expect((await db.coupon.findUniqueOrThrow({ where: { id }, select: { usedCount: true } })).usedCount).toBe(4);
    expect(await db.order.count({ where: { couponId: id } })).toBe(4);
    expect(await db.orderDiscount.count({ where: { couponId: id } })).toBe(4);
    expect(await db.order.count({ where: { productId: product.id } })).toBe(4);
  });

  it("holds the per-customer limit, also for two orders of one customer at once", async () => {
    const product = await fx.createProduct({ confirmationMode: "NONE" });
    const { code } = await coupon("ONCE", { maxUsesPerCustomer: 1 });
    const phone = fx.phone();
    const email = fx.email();
    const attempts = await Promise.allSettled([0, 1].map(() => placeOrder(fx.input(product.slug, { coupon: code }, { phone, email }), { ip: fx.ip() })));
    expect(attempts.filter((attempt) => attempt.status === "fulfilled")).toHaveLength(1);
    const refused = attempts.find((attempt): attempt is PromiseRejectedResult => attempt.status === "rejected")!;
    expect((refused.reason as AppError).fieldErrors).toEqual({ coupon: ["checkoutErrors.coupon.USED_BY_CUSTOMER"] });
    // The same customer by email alone, with another phone: still the same customer.
    const again = await refusal(placeOrder(fx.input(product.slug, { coupon: code }, { phone: fx.phone(), email: email.toUpperCase() }), { ip: fx.ip() }));
    expect(again.fieldErrors).toEqual({ coupon: ["checkoutErrors.coupon.USED_BY_CUSTOMER"] });
    // Someone else may use it.
    await expect(placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() })).resolves.toMatchObject({ created: true });
  });

  it("first order only: a returning customer is refused; a cancelled first order does not count", async () => {
    const product = await fx.createProduct({ confirmationMode: "NONE" });
    const { code } = await coupon("FIRST", { firstOrderOnly: true });
    const phone = fx.phone();
    const first = await placeOrder(fx.input(product.slug, {}, { phone }), { ip: fx.ip() });
    const error = await refusal(placeOrder(fx.input(product.slug, { coupon: code }, { phone }), { ip: fx.ip() }));
    expect(error.fieldErrors).toEqual({ coupon: ["checkoutErrors.coupon.FIRST_ORDER_ONLY"] });
    await db.order.update({ where: { id: first.order.id }, data: { status: "CANCELLED" }, select: { id: true } });
    await expect(placeOrder(fx.input(product.slug, { coupon: code }, { phone }), { ip: fx.ip() })).resolves.toMatchObject({ created: true });
  });
});

describe("automatic discounts, promotions and stacking", () => {
  it("an automatic discount for 2+ units applies without a code; a worse coupon is not used", async () => {
    const product = await fx.createProduct();
    const auto = await db.automaticDiscount.create({
      data: { name: `2+ ${run}`, kind: "PERCENT", value: 1500, productId: product.id, minQuantity: 2, scope: "ITEMS" },
      select: { id: true },
    });
    automaticIds.push(auto.id);
    clearDiscountRulesCache();
    const { code, id } = await coupon("WORSE");
    const result = await placeOrder(fx.input(product.slug, { quantity: 2, coupon: code }), { ip: fx.ip() });
    // 3,900.00 RUB − 15 % (585.00) + 300.00 = 3,615.00 RUB; the 10 % coupon (420.00 with shipping) loses.
    expect(result.order.total).toBe(361500);
    expect(await discountsOf(result.order.id)).toEqual([
      { source: "AUTOMATIC", label: `2+ ${run}`, amount: 58500, shippingAmount: 0, couponId: null, promotionId: null, automaticDiscountId: auto.id },
    ]);
    expect(await couponUses(id)).toBe(0);
    // One unit: the automatic discount does not apply, the coupon does.
    const single = await placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() });
    expect(single.order.total).toBe(202500); // (1,950.00 + 300.00) − 10 % = 2,025.00 RUB
  });

  it("combinable rules add up, each its own row", async () => {
    const product = await fx.createProduct();
    const promotion = await db.promotion.create({
      data: {
        name: `Sale ${run}`,
        kind: "PRICE",
        value: 150000, // 1,500.00 RUB a unit
        currency: "RUB",
        startsAt: new Date(Date.now() - 60_000),
        endsAt: new Date(Date.now() + 3_600_000),
        combinable: true,
        products: { create: { productId: product.id } },
      },
      select: { id: true },
    });
    promotionIds.push(promotion.id);
    clearDiscountRulesCache();
    const { code } = await coupon("SHIPFREE", { scope: "SHIPPING", value: 10000, combinable: true });
    const result = await placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() });
    expect(result.order.total).toBe(150000); // 1,950.00 − 450.00 sale, shipping 300.00 − 300.00
    const rows = await discountsOf(result.order.id);
    expect(rows.map((row) => [row.source, row.amount, row.shippingAmount]).sort()).toEqual([
      ["COUPON", 30000, 30000],
      ["PROMOTION", 45000, 0],
    ]);
  });

  it("a promotion whose products are all gone applies to none (not to every product)", async () => {
    const product = await fx.createProduct();
    // Starting in an hour: were it read as shop-wide, it still could not touch other files' orders.
    const promotion = await db.promotion.create({
      data: {
        name: `Orphan ${run}`,
        kind: "PRICE",
        value: 100,
        currency: "RUB",
        startsAt: new Date(Date.now() + 3_600_000),
        endsAt: new Date(Date.now() + 7_200_000),
        products: { create: { productId: product.id } },
      },
      select: { id: true },
    });
    promotionIds.push(promotion.id);
    clearDiscountRulesCache();
    expect((await loadDiscountRules()).map((rule) => rule.id)).toContain(promotion.id);
    await db.promotionProduct.deleteMany({ where: { promotionId: promotion.id } }); // as the deletion of its product does
    clearDiscountRulesCache();
    expect((await loadDiscountRules()).map((rule) => rule.id)).not.toContain(promotion.id);
  });

  it("a promotion that ended between the page view and the submit: the shown total is refused, nothing written", async () => {
    const product = await fx.createProduct();
    const promotion = await db.promotion.create({
      data: {
        name: `Flash ${run}`,
        kind: "PERCENT",
        value: 2000,
        startsAt: new Date(Date.now() - 60_000),
        endsAt: new Date(Date.now() + 1_500),
        products: { create: { productId: product.id } },
      },
      select: { id: true },
    });
    promotionIds.push(promotion.id);
    clearDiscountRulesCache();
    // The page's quote: 20 % off the product: 1,950.00 − 390.00 + 300.00 shipping = 1,860.00 RUB.
    const quote = await quoteCheckout({ product: product.slug, quantity: 1, country: "RU", paymentMethod: "COD", locale: "ru" }, { ip: fx.ip() });
    expect(quote.totals.total).toBe(186000);
    expect(quote.discounts).toEqual([{ source: "PROMOTION", label: `Flash ${run}`, amount: 39000 }]);

    // It ends while the shopper types (the rules cache still holds it: the clock decides).
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    const before = await countOrderWrites({ run: fx.run, productIds: [product.id] });
    const error = await refusal(placeOrder(fx.input(product.slug, { expectedTotal: 186000 }), { ip: fx.ip() }));
    expect(error.fieldErrors).toEqual({ total: ["checkoutErrors.totalChanged"] });
    expect(await countOrderWrites({ run: fx.run, productIds: [product.id] })).toEqual(before);
    // The shopper sees the regular total and places the order at it.
    const fresh = await quoteCheckout({ product: product.slug, quantity: 1, country: "RU", paymentMethod: "COD", locale: "ru" }, { ip: fx.ip() });
    expect(fresh.totals.total).toBe(225000);
    await expect(placeOrder(fx.input(product.slug, { expectedTotal: 225000 }), { ip: fx.ip() })).resolves.toMatchObject({ order: { total: 225000 } });
  });

  it("the quote says why a coupon does not apply, with the minimum", async () => {
    const product = await fx.createProduct();
    const { code } = await coupon("MIN", { minOrderTotal: 500000, currency: "RUB" });
    const quote = await quoteCheckout({ product: product.slug, quantity: 1, country: "RU", paymentMethod: "COD", locale: "ru", coupon: code }, { ip: fx.ip() });
    expect(quote.coupon).toEqual({ code, status: "NOT_APPLICABLE", problem: "MIN_TOTAL", minimum: 500000 });
    expect(quote.totals.discountTotal).toBe(0);
  });
});

describe("commissions", () => {
  it("count the discounted items total (not the shipping discount)", async () => {
    const login = `disc_${run.toLowerCase()}`;
    const partner = await db.partner.create({ data: { login, email: `${login}@partners.test`, name: "Discount partner", passwordHash: "x", status: "ACTIVE" }, select: { id: true } });
    partnerIds.push(partner.id);
    const product = await fx.createProduct({ confirmationMode: "OPERATOR" });
    await db.productCommission.create({ data: { productId: product.id, level: 0, kind: "PERCENT", value: 1000 } }); // 10 %
    const { code } = await coupon("COMM"); // 10 % of the whole order
    const { order } = await placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip(), attribution: { partnerId: partner.id } });
    // Items 1,950.00 − 195.00 = 1,755.00 RUB (the 30.00 off shipping is not counted): 10 % = 175.50 RUB.
    const commissions = await db.commission.findMany({ where: { orderId: order.id }, select: { level: true, amount: true } });
    expect(commissions).toEqual([{ level: 0, amount: 17550 }]);
  });
});
