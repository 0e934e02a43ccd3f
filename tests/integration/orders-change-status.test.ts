// changeOrderStatus, bulkChangeOrderStatus and confirmOrderByToken against a real PostgreSQL:
// legal moves with their history rows, timestamps and stock; illegal and role-forbidden moves
// refused with nothing written; refusals by phone; the confirmation link's every outcome.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutFixtures, ensureCheckoutReferenceData, outboxMailsOf } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import type { OrderStatus, Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { bulkChangeOrderStatus } from "@/lib/orders/bulk-change-order-status";
import { changeOrderStatus } from "@/lib/orders/change-order-status";
import { confirmOrderByToken } from "@/lib/orders/confirm-order-by-token";
import { createLinkToken } from "@/lib/tokens/create-link-token";
import { generateLinkToken } from "@/lib/tokens/link-token";

const fx = checkoutFixtures("status");
const users: Partial<Record<Role, { id: string; role: Role }>> = {};
const actor = (role: Role) => ({ type: "USER" as const, id: users[role]!.id, role });

async function expectAppError(promise: Promise<unknown>, code: string, message?: string) {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, "expected an AppError").toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toBe(message);
}

/** A COD order of a fresh product (stock 10), placed through the checkout. */
async function newOrder(options: Parameters<typeof fx.createProduct>[0] = {}, quantity = 2) {
  const product = await fx.createProduct({ stock: 10, ...options });
  const { order } = await placeOrder(fx.input(product.slug, { quantity }), { ip: fx.ip() });
  return { product, order };
}

const stockOf = (productId: string) => db.product.findUniqueOrThrow({ where: { id: productId }, select: { stock: true, reserved: true } });
const historyOf = (orderId: string) =>
  db.orderStatusChange.findMany({ where: { orderId }, select: { fromStatus: true, toStatus: true, actorType: true, actorId: true, reason: true }, orderBy: { id: "asc" } });

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  for (const role of ["OWNER", "MANAGER", "OPERATOR", "LOGISTICS", "ACCOUNTANT"] as Role[]) {
    users[role] = await db.user.create({ data: { email: `${role.toLowerCase()}-${randomUUID()}@status.test`, name: role, role, passwordHash: "x" }, select: { id: true, role: true } });
  }
});

afterAll(async () => {
  await fx.cleanup();
  const ids = Object.values(users).map((user) => user.id);
  await db.auditLog.deleteMany({ where: { actorId: { in: ids } } });
  await db.user.deleteMany({ where: { id: { in: ids } } });
  await disconnectDb();
});

describe("changeOrderStatus: the whole way to PAID", () => {
  it("records every step, its timestamp and the stock, and marks COD money paid", async () => {
    const { product, order } = await newOrder({ confirmationMode: "OPERATOR" });
    expect(await stockOf(product.id)).toEqual({ stock: 10, reserved: 2 });

    const confirmed = await changeOrderStatus({ orderId: order.id, to: "CONFIRMED", actor: actor("OPERATOR"), reason: "called, confirmed" });
    expect(confirmed).toEqual({ id: order.id, number: order.number, from: "UNCONFIRMED", status: "CONFIRMED", changed: true });
    // The customer hears that the order is accepted.
    expect([...(await outboxMailsOf(order.id)).keys()].sort()).toEqual(["order-accepted", "order-new-shop-notice"]);

    await changeOrderStatus({ orderId: order.id, to: "SHIPPED", actor: actor("LOGISTICS"), trackingNumber: "80101234567890" });
    expect(await stockOf(product.id)).toEqual({ stock: 8, reserved: 0 });
    await changeOrderStatus({ orderId: order.id, to: "DELIVERED", actor: actor("LOGISTICS") });
    await changeOrderStatus({ orderId: order.id, to: "HANDED", actor: actor("LOGISTICS") });
    await changeOrderStatus({ orderId: order.id, to: "PAID", actor: actor("MANAGER") });

    const row = await db.order.findUniqueOrThrow({
      where: { id: order.id },
      select: {
        status: true,
        paymentStatus: true,
        trackingNumber: true,
        confirmedAt: true,
        shippedAt: true,
        deliveredAt: true,
        handedAt: true,
        paidAt: true,
        cancelledAt: true,
        statusChangedAt: true,
      },
    });
    expect(row).toMatchObject({ status: "PAID", paymentStatus: "PAID", trackingNumber: "80101234567890", cancelledAt: null });
    for (const field of ["confirmedAt", "shippedAt", "deliveredAt", "handedAt", "paidAt"] as const) expect(row[field]).toBeInstanceOf(Date);
    expect(row.statusChangedAt.getTime()).toBe(row.paidAt!.getTime());
    expect(await stockOf(product.id)).toEqual({ stock: 8, reserved: 0 });

    expect(await historyOf(order.id)).toEqual([
      { fromStatus: null, toStatus: "UNCONFIRMED", actorType: "CUSTOMER", actorId: expect.any(String), reason: "placed on the checkout page" },
      { fromStatus: "UNCONFIRMED", toStatus: "CONFIRMED", actorType: "USER", actorId: users.OPERATOR!.id, reason: "called, confirmed" },
      { fromStatus: "CONFIRMED", toStatus: "SHIPPED", actorType: "USER", actorId: users.LOGISTICS!.id, reason: null },
      { fromStatus: "SHIPPED", toStatus: "DELIVERED", actorType: "USER", actorId: users.LOGISTICS!.id, reason: null },
      { fromStatus: "DELIVERED", toStatus: "HANDED", actorType: "USER", actorId: users.LOGISTICS!.id, reason: null },
      { fromStatus: "HANDED", toStatus: "PAID", actorType: "USER", actorId: users.MANAGER!.id, reason: null },
    ]);
    expect(await db.auditLog.count({ where: { entityType: "Order", entityId: order.id, action: "order.status" } })).toBe(5);

    // PAID is final.
    await expectAppError(changeOrderStatus({ orderId: order.id, to: "RETURNED", actor: actor("OWNER") }), "CONFLICT", "Cannot move an order from PAID to RETURNED");
  });

  it("is a no-op for the current status (a tracking number is still kept)", async () => {
    const { order } = await newOrder({ confirmationMode: "NONE" });
    const result = await changeOrderStatus({ orderId: order.id, to: "CONFIRMED", actor: actor("LOGISTICS"), trackingNumber: "RA123456789RU" });
    expect(result).toMatchObject({ from: "CONFIRMED", status: "CONFIRMED", changed: false });
    expect(await historyOf(order.id)).toHaveLength(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { trackingNumber: true } })).trackingNumber).toBe("RA123456789RU");
  });

  it("refuses, changing nothing, when the order is no longer in the status the caller saw (a stale tracking-number form)", async () => {
    const { order } = await newOrder({ confirmationMode: "NONE" });
    await changeOrderStatus({ orderId: order.id, to: "SHIPPED", actor: actor("LOGISTICS") });
    await expectAppError(
      changeOrderStatus({ orderId: order.id, to: "CONFIRMED", expectedFrom: "CONFIRMED", actor: actor("OWNER"), trackingNumber: "RA000000001RU" }),
      "CONFLICT",
      "The order changed meanwhile",
    );
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true, trackingNumber: true } })).toEqual({ status: "SHIPPED", trackingNumber: null });
    expect(await historyOf(order.id)).toHaveLength(2);
  });

  it("lets the system and the customer move orders without a role", async () => {
    const { order } = await newOrder({ confirmationMode: "OPERATOR" });
    await changeOrderStatus({ orderId: order.id, to: "CANCELLED", actor: { type: "SYSTEM" }, reason: "payment window closed" });
    expect((await historyOf(order.id)).at(-1)).toEqual({ fromStatus: "UNCONFIRMED", toStatus: "CANCELLED", actorType: "SYSTEM", actorId: null, reason: "payment window closed" });
  });
});

describe("changeOrderStatus: refused moves write nothing", () => {
  const cases: [name: string, from: OrderStatus[], to: OrderStatus, role: Role | undefined, code: string, message: string][] = [
    ["an illegal jump", [], "PAID", "OWNER", "CONFLICT", "Cannot move an order from UNCONFIRMED to PAID"],
    ["shipping an unconfirmed order", [], "SHIPPED", "MANAGER", "CONFLICT", "Cannot move an order from UNCONFIRMED to SHIPPED"],
    ["cancelling a shipped order", ["CONFIRMED", "SHIPPED"], "CANCELLED", "OWNER", "CONFLICT", "Cannot move an order from SHIPPED to CANCELLED"],
    ["an operator shipping", ["CONFIRMED"], "SHIPPED", "OPERATOR", "FORBIDDEN", "Your role cannot move an order from CONFIRMED to SHIPPED"],
    ["logistics confirming", [], "CONFIRMED", "LOGISTICS", "FORBIDDEN", "Your role cannot move an order from UNCONFIRMED to CONFIRMED"],
    ["logistics cancelling", ["CONFIRMED"], "CANCELLED", "LOGISTICS", "FORBIDDEN", "Your role cannot move an order from CONFIRMED to CANCELLED"],
    ["an operator marking it paid", ["CONFIRMED", "SHIPPED", "DELIVERED", "HANDED"], "PAID", "OPERATOR", "FORBIDDEN", "Your role cannot move an order from HANDED to PAID"],
    ["an accountant confirming", [], "CONFIRMED", "ACCOUNTANT", "FORBIDDEN", "Your role cannot move an order from UNCONFIRMED to CONFIRMED"],
  ];

  it.each(cases)("%s", async (_name, path, to, role, code, message) => {
    const { product, order } = await newOrder({ confirmationMode: "OPERATOR" });
    for (const step of path) await changeOrderStatus({ orderId: order.id, to: step, actor: { type: "SYSTEM" } });
    const before = { order: await db.order.findUniqueOrThrow({ where: { id: order.id } }), history: await historyOf(order.id), stock: await stockOf(product.id) };
    await expectAppError(changeOrderStatus({ orderId: order.id, to, actor: role ? actor(role) : { type: "SYSTEM" } }), code, message);
    expect({ order: await db.order.findUniqueOrThrow({ where: { id: order.id } }), history: await historyOf(order.id), stock: await stockOf(product.id) }).toEqual(before);
  });

  it("refuses a tracking number from an operator", async () => {
    const { order } = await newOrder({ confirmationMode: "OPERATOR" });
    await expectAppError(changeOrderStatus({ orderId: order.id, to: "CONFIRMED", actor: actor("OPERATOR"), trackingNumber: "X1" }), "FORBIDDEN");
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).status).toBe("UNCONFIRMED");
  });

  it("answers NOT_FOUND for an unknown order and VALIDATION for a bad status", async () => {
    await expectAppError(changeOrderStatus({ orderId: "no-such-order", to: "CONFIRMED", actor: { type: "SYSTEM" } }), "NOT_FOUND");
    await expectAppError(changeOrderStatus({ orderId: "x", to: "LOST" as OrderStatus, actor: { type: "SYSTEM" } }), "VALIDATION");
  });

  it("lets two people moving one order at once queue up: one moves it, the other is told", async () => {
    const { order } = await newOrder({ confirmationMode: "OPERATOR" });
    const outcomes = await Promise.allSettled([
      changeOrderStatus({ orderId: order.id, to: "CONFIRMED", actor: actor("OPERATOR") }),
      changeOrderStatus({ orderId: order.id, to: "CANCELLED", actor: actor("MANAGER") }),
    ]);
    const history = await historyOf(order.id);
    expect(history).toHaveLength(outcomes.filter((outcome) => outcome.status === "fulfilled").length + 1);
    // Either order is legal (UNCONFIRMED → CONFIRMED → CANCELLED, or cancelled first and then
    // CANCELLED → CONFIRMED refused): never a lost update.
    const final = (await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).status;
    expect(history.at(-1)!.toStatus).toBe(final);
  });
});

describe("stock and refusals", () => {
  it("releases the reservation on cancel, records the refusal, and takes both back on restore", async () => {
    const { product, order } = await newOrder({ confirmationMode: "OPERATOR" });
    await changeOrderStatus({ orderId: order.id, to: "CANCELLED", actor: actor("OPERATOR"), reason: "changed their mind" });
    expect(await stockOf(product.id)).toEqual({ stock: 10, reserved: 0 });
    const orderRow = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { phoneNormalized: true, customerId: true, cancelledAt: true } });
    expect(orderRow.cancelledAt).toBeInstanceOf(Date);
    expect(await db.refusalRecord.findMany({ where: { orderId: order.id }, select: { kind: true, phoneNormalized: true, customerId: true, reason: true, createdById: true } })).toEqual([
      { kind: "CANCELLED", phoneNormalized: orderRow.phoneNormalized, customerId: orderRow.customerId, reason: "changed their mind", createdById: users.OPERATOR!.id },
    ]);

    await changeOrderStatus({ orderId: order.id, to: "UNCONFIRMED", actor: actor("OPERATOR"), reason: "cancelled by mistake" });
    expect(await stockOf(product.id)).toEqual({ stock: 10, reserved: 2 });
    expect(await db.refusalRecord.count({ where: { orderId: order.id } })).toBe(0);
  });

  it.each<OrderStatus>(["DUPLICATE", "SPAM"])("releases the reservation when marked %s", async (status) => {
    const { product, order } = await newOrder({ confirmationMode: "OPERATOR" });
    await changeOrderStatus({ orderId: order.id, to: status, actor: actor("OPERATOR") });
    expect(await stockOf(product.id)).toEqual({ stock: 10, reserved: 0 });
    expect(await db.refusalRecord.count({ where: { orderId: order.id } })).toBe(status === "SPAM" ? 1 : 0);
  });

  it("puts returned goods back in stock and records the return", async () => {
    const { product, order } = await newOrder({ confirmationMode: "NONE" });
    await changeOrderStatus({ orderId: order.id, to: "SHIPPED", actor: actor("LOGISTICS") });
    expect(await stockOf(product.id)).toEqual({ stock: 8, reserved: 0 });
    await changeOrderStatus({ orderId: order.id, to: "RETURNED", actor: actor("LOGISTICS"), reason: "not picked up" });
    expect(await stockOf(product.id)).toEqual({ stock: 10, reserved: 0 });
    expect(await db.refusalRecord.findMany({ where: { orderId: order.id }, select: { kind: true } })).toEqual([{ kind: "RETURNED" }]);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { returnedAt: true } })).returnedAt).toBeInstanceOf(Date);
  });

  it("refuses to restore an order whose stock was sold meanwhile", async () => {
    const product = await fx.createProduct({ stock: 1, confirmationMode: "OPERATOR" });
    const { order } = await placeOrder(fx.input(product.slug), { ip: fx.ip() });
    await changeOrderStatus({ orderId: order.id, to: "CANCELLED", actor: actor("OPERATOR") });
    await placeOrder(fx.input(product.slug), { ip: fx.ip() });
    await expectAppError(changeOrderStatus({ orderId: order.id, to: "UNCONFIRMED", actor: actor("OPERATOR") }), "CONFLICT");
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).status).toBe("CANCELLED");
    expect(await stockOf(product.id)).toEqual({ stock: 1, reserved: 1 });
  });
});

describe("bulkChangeOrderStatus", () => {
  it("moves the orders it may, reports the others", async () => {
    const a = await newOrder({ confirmationMode: "OPERATOR" });
    const b = await newOrder({ confirmationMode: "OPERATOR" });
    const shipped = await newOrder({ confirmationMode: "NONE" });
    await changeOrderStatus({ orderId: shipped.order.id, to: "SHIPPED", actor: { type: "SYSTEM" } });

    const { results } = await bulkChangeOrderStatus({
      orderIds: [a.order.id, shipped.order.id, "missing-order", b.order.id, a.order.id],
      to: "CONFIRMED",
      actor: actor("OPERATOR"),
      reason: "bulk",
    });
    expect(results).toEqual([
      { id: a.order.id, ok: true, changed: true },
      { id: shipped.order.id, ok: false, code: "CONFLICT", error: "Cannot move an order from SHIPPED to CONFIRMED" },
      { id: "missing-order", ok: false, code: "NOT_FOUND", error: "Order not found" },
      { id: b.order.id, ok: true, changed: true },
    ]);
    for (const id of [a.order.id, b.order.id]) expect((await historyOf(id)).at(-1)).toMatchObject({ toStatus: "CONFIRMED", reason: "bulk", actorId: users.OPERATOR!.id });
  });

  it("refuses a role's forbidden moves one by one and validates the request", async () => {
    const { order } = await newOrder({ confirmationMode: "OPERATOR" });
    expect((await bulkChangeOrderStatus({ orderIds: [order.id], to: "CONFIRMED", actor: actor("ACCOUNTANT") })).results).toEqual([
      { id: order.id, ok: false, code: "FORBIDDEN", error: "Your role cannot move an order from UNCONFIRMED to CONFIRMED" },
    ]);
    await expectAppError(bulkChangeOrderStatus({ orderIds: [], to: "CONFIRMED", actor: actor("OWNER") }), "VALIDATION");
  });
});

describe("confirmOrderByToken", () => {
  async function emailLinkOrder() {
    const product = await fx.createProduct({ stock: 10 });
    const { order } = await placeOrder(fx.input(product.slug), { ip: fx.ip() });
    // A token of our own for the same order (the mailed one is only in the mail).
    const token = await db.$transaction((tx) => createLinkToken(tx, { purpose: "CONFIRM_ORDER", ttlHours: 1, orderId: order.id }));
    return { order, ...token };
  }
  const state = async (orderId: string) => ({
    order: await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, confirmedAt: true, updatedAt: true } }),
    tokens: await db.linkToken.findMany({ where: { orderId }, select: { usedAt: true, useCount: true }, orderBy: { id: "asc" } }),
    history: await historyOf(orderId),
  });

  it("answers EXPIRED for an expired link and changes nothing", async () => {
    const { order, id, token } = await emailLinkOrder();
    await db.linkToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const before = await state(order.id);
    expect(await confirmOrderByToken(token)).toMatchObject({ result: "EXPIRED", order: { publicId: order.publicId, status: "UNCONFIRMED" } });
    expect(await state(order.id)).toEqual(before);
  });

  it.each<[string, () => string]>([
    ["a forged token", () => generateLinkToken().token],
    ["a malformed token", () => "not-a-token"],
    ["an empty token", () => ""],
    ["a very long token", () => "a".repeat(10_000)],
  ])("answers INVALID for %s and changes nothing", async (_name, make) => {
    const { order } = await emailLinkOrder();
    const before = await state(order.id);
    expect(await confirmOrderByToken(make())).toEqual({ result: "INVALID" });
    expect(await state(order.id)).toEqual(before);
  });

  it("accepts only the order-confirmation purpose", async () => {
    const { order } = await emailLinkOrder();
    const download = await db.$transaction((tx) => createLinkToken(tx, { purpose: "DOWNLOAD", ttlHours: 1, orderId: order.id }));
    expect(await confirmOrderByToken(download.token)).toEqual({ result: "INVALID" });
    expect((await state(order.id)).order.status).toBe("UNCONFIRMED");
  });

  it("confirms once when clicked twice at the same time", async () => {
    const { order, token } = await emailLinkOrder();
    const results = await Promise.all([confirmOrderByToken(token), confirmOrderByToken(token)]);
    expect(results.map((result) => result.result).sort()).toEqual(["ALREADY_CONFIRMED", "CONFIRMED"]);
    const after = await state(order.id);
    expect(after.order.status).toBe("CONFIRMED");
    expect(after.history.filter((row) => row.toStatus === "CONFIRMED")).toEqual([
      { fromStatus: "UNCONFIRMED", toStatus: "CONFIRMED", actorType: "CUSTOMER", actorId: expect.any(String), reason: "confirmed by the link in the email" },
    ]);
  });

  it("says already confirmed when an operator was first, and refuses a cancelled order's link", async () => {
    const first = await emailLinkOrder();
    await changeOrderStatus({ orderId: first.order.id, to: "CONFIRMED", actor: actor("OPERATOR") });
    expect(await confirmOrderByToken(first.token)).toMatchObject({ result: "ALREADY_CONFIRMED" });

    const second = await emailLinkOrder();
    await changeOrderStatus({ orderId: second.order.id, to: "CANCELLED", actor: actor("OPERATOR") });
    const before = await state(second.order.id);
    expect(await confirmOrderByToken(second.token)).toEqual({ result: "INVALID" });
    expect(await state(second.order.id)).toEqual(before);
  });
});
