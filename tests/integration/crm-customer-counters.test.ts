// The CRM's customer counters against a real PostgreSQL: the "Order" trigger keeps ordersCount,
// paidOrdersCount and the order dates on every write path (checkout SQL, status changes, moving
// orders between cards, deleting), and changeOrderStatus keeps the bought-out revenue (PAID only,
// in RUB) in the same transaction.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { refreshCustomerRevenue } from "@/lib/crm/customers/refresh-customer-revenue";
import { db, disconnectDb } from "@/lib/db";
import { changeOrderStatus } from "@/lib/orders/change-order-status";

const fx = checkoutFixtures("counters");
let managerId = "";
const manager = () => ({ type: "USER" as const, id: managerId, role: "MANAGER" as const });
const customerOf = async (orderId: string) => (await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { customerId: true } })).customerId;
const countersOf = (customerId: string) =>
  db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { ordersCount: true, paidOrdersCount: true, firstOrderAt: true, lastOrderAt: true, lastPaidAt: true, paidRevenue: true },
  });

async function walkToPaid(orderId: string) {
  for (const to of ["CONFIRMED", "SHIPPED", "DELIVERED", "HANDED", "PAID"] as const) await changeOrderStatus({ orderId, to, actor: manager() });
}

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  managerId = (await db.user.create({ data: { email: `manager-${randomUUID()}@counters.test`, name: "M", role: "MANAGER", passwordHash: "x" }, select: { id: true } })).id;
});

afterAll(async () => {
  await fx.cleanup();
  await db.auditLog.deleteMany({ where: { actorId: managerId } });
  await db.user.delete({ where: { id: managerId } });
  await disconnectDb();
});

describe("customer order counters", () => {
  it("count orders as they are placed and bought out, with the bought-out revenue in RUB", async () => {
    const [first, second] = [await fx.createProduct({ confirmationMode: "NONE" }), await fx.createProduct({ confirmationMode: "NONE" })];
    const phone = fx.phone();
    const a = await placeOrder(fx.input(first.slug, { quantity: 2 }, { phone }), { ip: fx.ip() });
    const b = await placeOrder(fx.input(second.slug, {}, { phone }), { ip: fx.ip() });
    const customerId = await customerOf(a.order.id);
    expect(await customerOf(b.order.id)).toBe(customerId);

    let counters = await countersOf(customerId);
    expect(counters).toMatchObject({ ordersCount: 2, paidOrdersCount: 0, lastPaidAt: null, paidRevenue: 0n });
    const orders = await db.order.findMany({ where: { customerId }, select: { id: true, createdAt: true, total: true, currency: true }, orderBy: { createdAt: "asc" } });
    expect(counters.firstOrderAt).toEqual(orders[0]!.createdAt);
    expect(counters.lastOrderAt).toEqual(orders[1]!.createdAt);

    const paid = orders.find((order) => order.id === a.order.id)!;
    expect(paid.currency.trim()).toBe("RUB");
    await walkToPaid(paid.id);
    counters = await countersOf(customerId);
    const paidAt = (await db.order.findUniqueOrThrow({ where: { id: paid.id }, select: { paidAt: true } })).paidAt;
    expect(counters).toMatchObject({ ordersCount: 2, paidOrdersCount: 1, lastPaidAt: paidAt, paidRevenue: BigInt(paid.total) });

    // An order that is cancelled is counted, but it is not revenue.
    await changeOrderStatus({ orderId: b.order.id, to: "CANCELLED", actor: manager(), reason: "refused" });
    expect(await countersOf(customerId)).toMatchObject({ ordersCount: 2, paidOrdersCount: 1, paidRevenue: BigInt(paid.total) });
  });

  it("recount both cards when an order moves between them, and when an order is deleted", async () => {
    const product = await fx.createProduct({ confirmationMode: "NONE" });
    const one = await placeOrder(fx.input(product.slug), { ip: fx.ip() });
    const other = await placeOrder(fx.input(product.slug), { ip: fx.ip() });
    await walkToPaid(one.order.id);
    const [from, to] = [await customerOf(one.order.id), await customerOf(other.order.id)];
    expect(from).not.toBe(to);

    await db.order.update({ where: { id: one.order.id }, data: { customerId: to } });
    await refreshCustomerRevenue([from, to]);
    const total = BigInt((await db.order.findUniqueOrThrow({ where: { id: one.order.id }, select: { total: true } })).total);
    expect(await countersOf(from)).toMatchObject({ ordersCount: 0, paidOrdersCount: 0, firstOrderAt: null, lastOrderAt: null, lastPaidAt: null, paidRevenue: 0n });
    expect(await countersOf(to)).toMatchObject({ ordersCount: 2, paidOrdersCount: 1, paidRevenue: total });

    await db.orderStatusChange.deleteMany({ where: { orderId: other.order.id } });
    await db.order.delete({ where: { id: other.order.id } });
    expect(await countersOf(to)).toMatchObject({ ordersCount: 1, paidOrdersCount: 1 });
  });

  it("stay right when one statement moves many orders (a merge), and when an order leaves PAID", async () => {
    const products = [await fx.createProduct({ confirmationMode: "NONE" }), await fx.createProduct({ confirmationMode: "NONE" }), await fx.createProduct({ confirmationMode: "NONE" })];
    const phone = fx.phone();
    const placed = [];
    for (const product of products) placed.push(await placeOrder(fx.input(product.slug, {}, { phone }), { ip: fx.ip() }));
    const target = await placeOrder(fx.input(products[0]!.slug), { ip: fx.ip() });
    await walkToPaid(placed[0]!.order.id);
    await walkToPaid(placed[1]!.order.id);
    const [from, to] = [await customerOf(placed[0]!.order.id), await customerOf(target.order.id)];

    const moved = await db.$executeRaw`UPDATE "Order" SET "customerId" = ${to} WHERE "customerId" = ${from}`;
    expect(moved).toBe(3);
    const all = await db.order.findMany({ where: { customerId: to }, select: { createdAt: true, paidAt: true, status: true } });
    const times = all.map((order) => order.createdAt.getTime());
    const paidTimes = all.filter((order) => order.status === "PAID").map((order) => order.paidAt!.getTime());
    expect(await countersOf(from)).toMatchObject({ ordersCount: 0, paidOrdersCount: 0, firstOrderAt: null, lastOrderAt: null, lastPaidAt: null });
    expect(await countersOf(to)).toMatchObject({
      ordersCount: 4,
      paidOrdersCount: 2,
      firstOrderAt: new Date(Math.min(...times)),
      lastOrderAt: new Date(Math.max(...times)),
      lastPaidAt: new Date(Math.max(...paidTimes)),
    });

    // PAID is final for the transition table; a correction by hand still keeps the counters.
    const latestPaid = all.find((order) => order.paidAt?.getTime() === Math.max(...paidTimes))!;
    await db.$executeRaw`UPDATE "Order" SET "status" = 'RETURNED' WHERE "customerId" = ${to} AND "paidAt" = ${latestPaid.paidAt}`;
    expect(await countersOf(to)).toMatchObject({ ordersCount: 4, paidOrdersCount: 1, lastPaidAt: new Date(Math.min(...paidTimes)) });
  });
});
