// A coupon's use follows its order's status, against a real PostgreSQL: an order placed with a
// coupon and cancelled (or marked spam / duplicate) before it shipped gives the use back — the
// coupon's uses and the customer's per-customer limit — exactly once, however often the status goes
// back and forth, in the status change's own transaction; a shipped order keeps it; an order taken
// back into work takes it again, and is refused when the coupon was used up meanwhile, or when the
// customer's other orders hold every use the coupon allows per customer. An order placed as a
// DUPLICATE at checkout holds no use at all (a shopper's double submit uses the code once).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { couponUses } from "../helpers/coupon-uses";
import { db, disconnectDb } from "@/lib/db";
import type { OrderStatus } from "@/lib/db/generated/enums";
import { type AppError } from "@/lib/errors";
import { clearDiscountRulesCache } from "@/lib/marketing/discounts/load-discount-rules";
import { COUPON_USED_BY_CUSTOMER } from "@/lib/marketing/discounts/settle-coupon-use";
import { changeOrderStatus } from "@/lib/orders/change-order-status";
import { refusal } from "../helpers/refusal";

const fx = checkoutFixtures("coupon-release");
const run = randomUUID().slice(0, 8).toUpperCase();
const couponIds: string[] = [];
const system = { type: "SYSTEM" } as const;

async function coupon(suffix: string, data: { maxUses?: number; maxUsesPerCustomer?: number } = {}) {
  const created = await db.coupon.create({ data: { code: `R${run}${suffix}`, kind: "PERCENT", value: 1000, ...data }, select: { id: true, code: true } }); // 10 %
  couponIds.push(created.id);
  return created;
}

const heldCoupon = async (orderId: string) => (await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { couponId: true } })).couponId;
const move = (orderId: string, to: OrderStatus) => changeOrderStatus({ orderId, to, actor: system });

beforeAll(async () => {
  await ensureCheckoutReferenceData();
});

afterAll(async () => {
  await fx.cleanup();
  await db.coupon.deleteMany({ where: { id: { in: couponIds } } });
  clearDiscountRulesCache();
  await disconnectDb();
});

describe("a coupon use and the order's status", () => {
  it("comes back once when the order is cancelled before shipping: the coupon's uses and the per-customer limit", async () => {
    const product = await fx.createProduct({ confirmationMode: "NONE" });
    const { id, code } = await coupon("ONCE", { maxUses: 1, maxUsesPerCustomer: 1 });
    const contact = { phone: fx.phone(), email: fx.email() };
    const first = await placeOrder(fx.input(product.slug, { coupon: code }, contact), { ip: fx.ip() });
    expect(await couponUses(id)).toBe(1);
    // Used up for everyone, and for this customer.
    expect((await refusal(placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() }))).fieldErrors).toEqual({ coupon: ["checkoutErrors.coupon.USED_UP"] });

    await move(first.order.id, "CANCELLED");
    expect(await couponUses(id)).toBe(0);
    const cancelled = await db.order.findUniqueOrThrow({ where: { id: first.order.id }, select: { couponId: true, couponCode: true, discountTotal: true } });
    // The order keeps what it was sold with, but no longer holds a use.
    expect(cancelled).toMatchObject({ couponId: null, couponCode: code });
    expect(cancelled.discountTotal).toBeGreaterThan(0);
    expect(await db.orderDiscount.count({ where: { orderId: first.order.id, couponId: id } })).toBe(1);
    // Cancelling again (a second request that lost the race) gives nothing more back.
    await move(first.order.id, "CANCELLED");
    expect(await couponUses(id)).toBe(0);

    // The same customer may use it again, within the per-customer limit.
    const second = await placeOrder(fx.input(product.slug, { coupon: code }, contact), { ip: fx.ip() });
    expect(second.created).toBe(true);
    expect(await couponUses(id)).toBe(1);
    const limited = await refusal(placeOrder(fx.input(product.slug, { coupon: code }, contact), { ip: fx.ip() }));
    expect(limited.fieldErrors?.coupon?.[0]).toMatch(/^checkoutErrors\.coupon\.(USED_UP|USED_BY_CUSTOMER)$/);
  });

  it("a status moved back and forth never gives it back twice; taken back into work it holds the use again", async () => {
    const product = await fx.createProduct({ confirmationMode: "NONE" });
    const { id, code } = await coupon("BACK", { maxUses: 5, maxUsesPerCustomer: 2 });
    const contact = { phone: fx.phone(), email: fx.email() };
    const order = await placeOrder(fx.input(product.slug, { coupon: code }, contact), { ip: fx.ip() });
    expect(await couponUses(id)).toBe(1);
    for (const [to, uses] of [
      ["SPAM", 0],
      ["UNCONFIRMED", 1],
      ["DUPLICATE", 0],
      ["UNCONFIRMED", 1],
      ["CANCELLED", 0],
      ["UNCONFIRMED", 1],
      ["CONFIRMED", 1],
      ["CANCELLED", 0],
    ] as const) {
      await move(order.order.id, to);
      expect(await couponUses(id), `after ${to}`).toBe(uses);
    }
    // Two orders at most per customer: the cancelled one does not count, so two more are fine and a
    // third is not (each of another product: a duplicate of an open order would hold no use).
    const [second, third] = [await fx.createProduct({ confirmationMode: "NONE" }), await fx.createProduct({ confirmationMode: "NONE" })];
    await placeOrder(fx.input(product.slug, { coupon: code }, contact), { ip: fx.ip() });
    await placeOrder(fx.input(second.slug, { coupon: code }, contact), { ip: fx.ip() });
    const refused = await refusal(placeOrder(fx.input(third.slug, { coupon: code }, contact), { ip: fx.ip() }));
    expect(refused.fieldErrors).toEqual({ coupon: ["checkoutErrors.coupon.USED_BY_CUSTOMER"] });
    expect(await couponUses(id)).toBe(2);
  });

  it("concurrent cancellations of one order give one use back", async () => {
    const product = await fx.createProduct({ confirmationMode: "NONE" });
    const { id, code } = await coupon("RACE", { maxUses: 10 });
    const order = await placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() });
    const other = await placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() });
    expect(await couponUses(id)).toBe(2);
    // Whichever lands first wins; the others find nothing to move or a move the table refuses.
    const results = await Promise.allSettled([move(order.order.id, "CANCELLED"), move(order.order.id, "CANCELLED"), move(order.order.id, "SPAM")]);
    expect(results.filter((result) => result.status === "fulfilled" && result.value.changed)).toHaveLength(1);
    expect(await couponUses(id)).toBe(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: other.order.id }, select: { couponId: true } })).couponId).toBe(id);
  });

  it("is kept by a shipped order that comes back, and by a status change that rolls back", async () => {
    const product = await fx.createProduct({ confirmationMode: "NONE" });
    const { id, code } = await coupon("KEEP", { maxUses: 10 });
    const shipped = await placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() });
    await move(shipped.order.id, "SHIPPED");
    await move(shipped.order.id, "RETURNED");
    expect(await couponUses(id)).toBe(1);

    // The release is part of the status change's transaction: a change that fails leaves the use held.
    const order = await placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() });
    expect(await couponUses(id)).toBe(2);
    const failed = await db
      .$transaction(async (tx) => {
        await changeOrderStatus({ orderId: order.order.id, to: "CANCELLED", actor: system }, { tx });
        expect(await tx.coupon.findUniqueOrThrow({ where: { id }, select: { usedCount: true } })).toEqual({ usedCount: 1 });
        throw new Error("rolled back");
      })
      .catch((error: unknown) => error);
    expect((failed as Error).message).toBe("rolled back");
    expect(await couponUses(id)).toBe(2);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.order.id }, select: { status: true, couponId: true } })).couponId).toBe(id);
  });

  it("an order taken back into work after its coupon was used up meanwhile is refused, and nothing moves", async () => {
    const product = await fx.createProduct({ confirmationMode: "NONE" });
    const { id, code } = await coupon("GONE", { maxUses: 1 });
    const first = await placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() });
    await move(first.order.id, "CANCELLED");
    await placeOrder(fx.input(product.slug, { coupon: code }), { ip: fx.ip() });
    expect(await couponUses(id)).toBe(1);
    const error = await refusal(move(first.order.id, "UNCONFIRMED"));
    expect(error.code).toBe("CONFLICT");
    expect(await couponUses(id)).toBe(1);
    expect(await db.order.findUniqueOrThrow({ where: { id: first.order.id }, select: { status: true, couponId: true } })).toEqual({ status: "CANCELLED", couponId: null });
  });
});

describe("an order placed as a DUPLICATE at checkout", () => {
  it("holds no use: a double submit uses the coupon once; taken back into work, the duplicate claims its own", async () => {
    const product = await fx.createProduct({ confirmationMode: "NONE" });
    const { id, code } = await coupon("DUP", { maxUses: 2 });
    const contact = { phone: fx.phone(), email: fx.email() };
    // Two submits of the form (two idempotency keys), as a shopper's double click sends them.
    const first = await placeOrder(fx.input(product.slug, { coupon: code }, contact), { ip: fx.ip() });
    const second = await placeOrder(fx.input(product.slug, { coupon: code }, contact), { ip: fx.ip() });
    expect(second).toMatchObject({ created: true, order: { status: "DUPLICATE", total: first.order.total } });
    expect(await couponUses(id)).toBe(1);
    expect(await heldCoupon(first.order.id)).toBe(id);
    const duplicate = await db.order.findUniqueOrThrow({
      where: { id: second.order.id },
      select: { couponId: true, couponCode: true, duplicateOfId: true, discountTotal: true, discounts: { select: { source: true, couponId: true, amount: true } } },
    });
    // Priced and recorded like the first (as a duplicate marked later keeps it), with no use held.
    expect(duplicate).toMatchObject({ couponId: null, couponCode: code, duplicateOfId: first.order.id });
    expect(duplicate.discountTotal).toBeGreaterThan(0);
    expect(duplicate.discounts).toEqual([{ source: "COUPON", couponId: id, amount: duplicate.discountTotal }]);

    // Not a duplicate after all: it takes a use of its own, and gives it back once when marked again.
    await move(second.order.id, "UNCONFIRMED");
    expect(await couponUses(id)).toBe(2);
    expect(await heldCoupon(second.order.id)).toBe(id);
    await move(second.order.id, "DUPLICATE");
    await move(second.order.id, "DUPLICATE");
    expect(await couponUses(id)).toBe(1);
    expect(await heldCoupon(second.order.id)).toBeNull();
  });

  it("taken back into work while the customer's first order holds their one use: refused, and nothing changes", async () => {
    const product = await fx.createProduct({ confirmationMode: "NONE", stock: 10 });
    const { id, code } = await coupon("DUPONE", { maxUses: 10 });
    const contact = { phone: fx.phone(), email: fx.email() };
    const first = await placeOrder(fx.input(product.slug, { coupon: code }, contact), { ip: fx.ip() });
    const second = await placeOrder(fx.input(product.slug, { coupon: code }, contact), { ip: fx.ip() });
    expect(second.order.status).toBe("DUPLICATE");
    // Marketing limits the coupon to one use per customer afterwards.
    await db.coupon.update({ where: { id }, data: { maxUsesPerCustomer: 1 }, select: { id: true } });
    const before = {
      usedCount: await couponUses(id),
      product: await db.product.findUniqueOrThrow({ where: { id: product.id }, select: { stock: true, reserved: true } }),
      history: await db.orderStatusChange.count({ where: { orderId: second.order.id } }),
    };
    expect(before.usedCount).toBe(1);

    const error = await refusal(move(second.order.id, "UNCONFIRMED"));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(COUPON_USED_BY_CUSTOMER);
    expect(await db.order.findUniqueOrThrow({ where: { id: second.order.id }, select: { status: true, couponId: true } })).toEqual({ status: "DUPLICATE", couponId: null });
    expect({
      usedCount: await couponUses(id),
      product: await db.product.findUniqueOrThrow({ where: { id: product.id }, select: { stock: true, reserved: true } }),
      history: await db.orderStatusChange.count({ where: { orderId: second.order.id } }),
    }).toEqual(before);
    expect(await heldCoupon(first.order.id)).toBe(id);

    // The customer's use counts by contact: with the first order cancelled (its use given back), the duplicate may take it.
    await move(first.order.id, "CANCELLED");
    await move(second.order.id, "UNCONFIRMED");
    expect(await couponUses(id)).toBe(1);
    expect(await heldCoupon(second.order.id)).toBe(id);
  });

  it("counts the customer's orders of any product, by phone or email", async () => {
    const watch = await fx.createProduct({ confirmationMode: "NONE" });
    const strap = await fx.createProduct({ confirmationMode: "NONE" });
    const { id, code } = await coupon("DUPCUST", { maxUsesPerCustomer: 1 });
    const phone = fx.phone();
    const email = fx.email();
    // The first order without the code, its duplicate with it (the customer had used none yet).
    await placeOrder(fx.input(watch.slug, {}, { phone, email }), { ip: fx.ip() });
    const duplicate = await placeOrder(fx.input(watch.slug, { coupon: code }, { phone, email }), { ip: fx.ip() });
    expect(duplicate.order.status).toBe("DUPLICATE");
    expect(await couponUses(id)).toBe(0);
    // Another product, same email, another phone: the same customer, now holding their one use.
    const other = await placeOrder(fx.input(strap.slug, { coupon: code }, { phone: fx.phone(), email: email.toUpperCase() }), { ip: fx.ip() });
    expect(other.order.status).not.toBe("DUPLICATE");
    expect(await couponUses(id)).toBe(1);
    expect((await refusal(move(duplicate.order.id, "UNCONFIRMED"))).message).toBe(COUPON_USED_BY_CUSTOMER);
    expect(await couponUses(id)).toBe(1);
    expect(await heldCoupon(duplicate.order.id)).toBeNull();
  });

  it("a duplicate taken back into work and a new order of the same customer at once: one use between them", async () => {
    const watch = await fx.createProduct({ confirmationMode: "NONE" });
    const strap = await fx.createProduct({ confirmationMode: "NONE" });
    const { id, code } = await coupon("DUPRACE", { maxUsesPerCustomer: 1 });
    for (let round = 0; round < 3; round += 1) {
      const contact = { phone: fx.phone(), email: fx.email() };
      await placeOrder(fx.input(watch.slug, {}, contact), { ip: fx.ip() });
      const duplicate = await placeOrder(fx.input(watch.slug, { coupon: code }, contact), { ip: fx.ip() });
      expect(duplicate.order.status).toBe("DUPLICATE");
      const before = await couponUses(id);
      const [retaken, placed] = await Promise.allSettled([move(duplicate.order.id, "UNCONFIRMED"), placeOrder(fx.input(strap.slug, { coupon: code }, contact), { ip: fx.ip() })]);
      // Whichever got the customer's contact locks first has the use; the other is refused.
      expect([retaken.status, placed.status].sort(), `round ${round}`).toEqual(["fulfilled", "rejected"]);
      if (retaken.status === "rejected") expect((retaken.reason as AppError).message).toBe(COUPON_USED_BY_CUSTOMER);
      if (placed.status === "rejected") expect((placed.reason as AppError).fieldErrors).toEqual({ coupon: ["checkoutErrors.coupon.USED_BY_CUSTOMER"] });
      expect(await couponUses(id)).toBe(before + 1);
    }
  });
});
