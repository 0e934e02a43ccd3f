// The foreign keys from an order's rows to its product and coupon are checked at COMMIT
// (20261209110000_deferred_hot_foreign_keys): a missing product or coupon must still fail the
// whole transaction and leave nothing behind, and deleting a product or coupon must still act at
// once (RESTRICT refuses, SET NULL clears), as before.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";

const fx = checkoutFixtures("hot-fk");
const couponIds: string[] = [];

beforeAll(async () => {
  await ensureCheckoutReferenceData();
});

afterAll(async () => {
  await fx.cleanup();
  await db.coupon.deleteMany({ where: { id: { in: couponIds } } });
  await disconnectDb();
});

async function couponFor(): Promise<{ id: string; code: string }> {
  const code = `HOTFK${randomUUID().slice(0, 8).toUpperCase()}`;
  const coupon = await db.coupon.create({ data: { code, kind: "PERCENT", value: 1000 }, select: { id: true, code: true } });
  couponIds.push(coupon.id);
  return coupon;
}

describe("the order's foreign keys to its product and coupon, checked at COMMIT", () => {
  it("refuse a missing product or coupon with the whole transaction, leaving nothing", async () => {
    const product = await fx.createProduct({ confirmationMode: "NONE" });
    const { order } = await placeOrder(fx.input(product.slug), { ip: fx.ip() });
    const missing = `missing-${randomUUID()}`;
    const statementsPassed: string[] = [];
    const before = await db.$queryRaw<{ items: number; discounts: number }[]>`
      SELECT (SELECT count(*)::int FROM "OrderItem" WHERE "orderId" = ${order.id}) AS items,
             (SELECT count(*)::int FROM "OrderDiscount" WHERE "orderId" = ${order.id}) AS discounts`;

    await expect(
      db.$transaction(async (tx) => {
        // The statement itself passes (the check waits for COMMIT)…
        await tx.$executeRaw`
          INSERT INTO "OrderItem" (id, "orderId", "productId", "productName", quantity, "unitPrice", "unitCost", total)
          VALUES (${`item-${randomUUID()}`}, ${order.id}, ${missing}, 'ghost', 1, 100, 0, 100)`;
        statementsPassed.push("item");
      }),
    ).rejects.toThrow(/ForeignKeyConstraintViolation|foreign key/i);
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`
          INSERT INTO "OrderDiscount" (id, "orderId", source, "couponId", label, amount, "shippingAmount")
          VALUES (${`discount-${randomUUID()}`}, ${order.id}, 'COUPON', ${missing}, 'GHOST', 100, 0)`;
        await tx.$executeRaw`UPDATE "Order" SET "couponId" = ${missing} WHERE id = ${order.id}`;
        statementsPassed.push("discount and order");
      }),
    ).rejects.toThrow(/ForeignKeyConstraintViolation|foreign key/i);
    expect(statementsPassed).toEqual(["item", "discount and order"]);

    // …and COMMIT rolled all of it back.
    const after = await db.$queryRaw<{ items: number; discounts: number }[]>`
      SELECT (SELECT count(*)::int FROM "OrderItem" WHERE "orderId" = ${order.id}) AS items,
             (SELECT count(*)::int FROM "OrderDiscount" WHERE "orderId" = ${order.id}) AS discounts`;
    expect(after).toEqual(before);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { couponId: true } })).couponId).toBeNull();
  });

  it("still refuse deleting a product with orders at once, and clear a deleted coupon from its orders", async () => {
    const product = await fx.createProduct({ confirmationMode: "NONE" });
    const coupon = await couponFor();
    const { order } = await placeOrder(fx.input(product.slug, { coupon: coupon.code }), { ip: fx.ip() });
    const placed = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { couponId: true, discountTotal: true } });
    expect(placed.couponId).toBe(coupon.id);
    expect(placed.discountTotal).toBeGreaterThan(0);

    // RESTRICT acts at the DELETE statement, not at COMMIT.
    let deleteStatementPassed = false;
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`DELETE FROM "Product" WHERE id = ${product.id}`;
        deleteStatementPassed = true;
      }),
    ).rejects.toThrow(/ForeignKeyConstraintViolation|foreign key/i);
    expect(deleteStatementPassed).toBe(false);
    expect(await db.product.count({ where: { id: product.id } })).toBe(1);

    // SET NULL clears the order and its discount row, keeping their amounts.
    await db.coupon.delete({ where: { id: coupon.id } });
    const cleared = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { couponId: true, discountTotal: true, discounts: { select: { couponId: true, amount: true } } } });
    expect(cleared.couponId).toBeNull();
    expect(cleared.discountTotal).toBe(placed.discountTotal);
    expect(cleared.discounts).toEqual([{ couponId: null, amount: placed.discountTotal }]);
  });
});
