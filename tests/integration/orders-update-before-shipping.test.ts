// updateOrderBeforeShipping against a real PostgreSQL: items, quantities and address edited
// before shipping with totals re-priced on the server and reservations following; refused
// edits write nothing.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { changeOrderStatus } from "@/lib/orders/change-order-status";
import { updateOrderBeforeShipping } from "@/lib/orders/update-order-before-shipping";

const fx = checkoutFixtures("edit");
let operatorId = "";
const operator = () => ({ type: "USER" as const, id: operatorId, role: "OPERATOR" as const });

async function expectAppError(promise: Promise<unknown>, code: string, fieldErrors?: Record<string, string[]>) {
  const error = await promise.catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (fieldErrors) expect((error as AppError).fieldErrors).toEqual(fieldErrors);
}

const snapshot = async (orderId: string, productIds: string[]) => ({
  order: await db.order.findUniqueOrThrow({ where: { id: orderId } }),
  items: await db.orderItem.findMany({ where: { orderId }, orderBy: { id: "asc" } }),
  history: await db.orderStatusChange.count({ where: { orderId } }),
  stock: await db.product.findMany({ where: { id: { in: productIds } }, select: { id: true, reserved: true }, orderBy: { id: "asc" } }),
});

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  operatorId = (await db.user.create({ data: { email: `operator-${randomUUID()}@edit.test`, name: "Operator", role: "OPERATOR", passwordHash: "x" }, select: { id: true } })).id;
});

afterAll(async () => {
  await fx.cleanup();
  await db.auditLog.deleteMany({ where: { actorId: operatorId } });
  await db.user.deleteMany({ where: { id: operatorId } });
  await disconnectDb();
});

describe("updateOrderBeforeShipping", () => {
  it("re-prices changed quantities and new lines, re-quotes shipping and moves reservations", async () => {
    const product = await fx.createProduct({
      stock: 10,
      tiers: [{ region: "RU", minQuantity: 3, unitPrice: 180000 }], // 1,800.00 RUB from 3 units
      shipping: [{ method: "POST", country: "RU", cost: 30000, freeFrom: 500000 }], // 300.00 RUB, free from 5,000.00
    });
    const extra = await fx.createProduct({ stock: 5, prices: { RU: { price: 49000 } } }); // 490.00 RUB
    const { order } = await placeOrder(fx.input(product.slug, { quantity: 1 }), { ip: fx.ip() });
    const [main] = await db.orderItem.findMany({ where: { orderId: order.id }, select: { id: true } });

    const result = await updateOrderBeforeShipping({
      orderId: order.id,
      items: [
        { itemId: main!.id, productId: product.id, quantity: 3 },
        { productId: extra.id, quantity: 1 },
      ],
      address: { city: "Казань", flat: null, phone: "8 916 000-11-22" },
      notes: "call after 18:00",
      actor: operator(),
    });
    expect(result).toEqual({ id: order.id, number: order.number, itemsTotal: 589000, discountTotal: 0, shippingTotal: 0, total: 589000, changed: ["address", "notes", "items"] }); // 3 × 1,800.00 + 490.00 = 5,890.00 RUB, shipping now free

    const row = await db.order.findUniqueOrThrow({
      where: { id: order.id },
      select: {
        city: true,
        flat: true,
        phone: true,
        phoneNormalized: true,
        notes: true,
        items: { select: { productId: true, kind: true, quantity: true, unitPrice: true, total: true }, orderBy: { createdAt: "asc" } },
      },
    });
    expect(row).toMatchObject({ city: "Казань", flat: null, phoneNormalized: "+79160001122", notes: "call after 18:00" });
    expect(row.items).toEqual([
      { productId: product.id, kind: "MAIN", quantity: 3, unitPrice: 180000, total: 540000 },
      { productId: extra.id, kind: "UPSELL", quantity: 1, unitPrice: 49000, total: 49000 },
    ]);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id }, select: { reserved: true } })).reserved).toBe(3);
    expect((await db.product.findUniqueOrThrow({ where: { id: extra.id }, select: { reserved: true } })).reserved).toBe(1);
    expect(
      await db.orderStatusChange.findFirst({ where: { orderId: order.id }, orderBy: { id: "desc" }, select: { fromStatus: true, toStatus: true, actorId: true, reason: true } }),
    ).toEqual({
      fromStatus: "UNCONFIRMED",
      toStatus: "UNCONFIRMED",
      actorId: operatorId,
      reason: "order edited: address, notes, items",
    });

    // Dropping the extra line and a unit: back below the tier and the free-shipping threshold.
    await updateOrderBeforeShipping({ orderId: order.id, items: [{ itemId: main!.id, productId: product.id, quantity: 2 }], actor: operator() });
    expect((await db.product.findUniqueOrThrow({ where: { id: extra.id }, select: { reserved: true } })).reserved).toBe(0);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id }, select: { reserved: true } })).reserved).toBe(2);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { itemsTotal: true, shippingTotal: true, total: true } })).toEqual({
      itemsTotal: 390000, // 2 × 1,950.00 RUB
      shippingTotal: 30000, // 300.00 RUB
      total: 420000,
    });
  });

  it("refuses shipped orders, bad values and short stock, writing nothing", async () => {
    const product = await fx.createProduct({ stock: 3, confirmationMode: "NONE" });
    const { order } = await placeOrder(fx.input(product.slug, { quantity: 2 }), { ip: fx.ip() });
    const [main] = await db.orderItem.findMany({ where: { orderId: order.id }, select: { id: true } });
    const before = await snapshot(order.id, [product.id]);

    await expectAppError(updateOrderBeforeShipping({ orderId: order.id, items: [{ itemId: main!.id, productId: product.id, quantity: 4 }], actor: operator() }), "VALIDATION", {
      "items.0.quantity": ["checkoutErrors.outOfStock"],
    });
    await expectAppError(updateOrderBeforeShipping({ orderId: order.id, address: { phone: "12", email: "nope" }, actor: operator() }), "VALIDATION", {
      "address.phone": ["checkoutErrors.phoneInvalid"],
      "address.email": ["checkoutErrors.emailInvalid"],
    });
    await expectAppError(updateOrderBeforeShipping({ orderId: order.id, items: [{ productId: "no-such-product", quantity: 1 }], actor: operator() }), "VALIDATION", {
      "items.0.productId": ["checkoutErrors.productNotFound"],
    });
    await expectAppError(updateOrderBeforeShipping({ orderId: order.id, items: [], actor: operator() }), "VALIDATION");
    await expectAppError(updateOrderBeforeShipping({ orderId: order.id, notes: "x", actor: { type: "USER", id: operatorId, role: "ACCOUNTANT" } }), "FORBIDDEN");
    expect(await snapshot(order.id, [product.id])).toEqual(before);

    await changeOrderStatus({ orderId: order.id, to: "SHIPPED", actor: { type: "SYSTEM" } });
    await expectAppError(updateOrderBeforeShipping({ orderId: order.id, notes: "too late", actor: operator() }), "CONFLICT");
    await expectAppError(updateOrderBeforeShipping({ orderId: "missing", notes: "x", actor: operator() }), "NOT_FOUND");
  });
});
