// getFinanceReport against a real PostgreSQL: orders with fixed paidAt/confirmedAt in May 2018,
// a month no other test uses, so the sums are exact while other files add orders.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import type { CommissionStatus, OrderStatus } from "@/lib/db/generated/enums";
import { getFinanceReport } from "@/lib/reports/get-finance-report";

const run = randomUUID().slice(0, 8);
let productId = "";
let customerId = "";
let partnerId = "";

interface Spec {
  status: OrderStatus;
  currency?: string;
  /** UTC instants; Moscow is UTC+3. */
  paidAt?: string;
  confirmedAt?: string;
  total: number;
  shipping?: number;
  items: { unitCost: number; quantity: number }[];
  commissions?: { amount: number; status: CommissionStatus }[];
}

const ORDERS: Spec[] = [
  // 2018-05-01 00:00 Moscow: first moment of the period; confirmed in April.
  {
    status: "PAID",
    paidAt: "2018-04-30T21:00:00Z",
    confirmedAt: "2018-04-28T10:00:00Z",
    total: 229000, // 2,290.00 RUB
    shipping: 30000, // 300.00 RUB
    items: [
      { unitCost: 50000, quantity: 2 }, // 2 × 500.00 RUB
      { unitCost: 12345, quantity: 1 }, // 123.45 RUB
    ],
    commissions: [
      { amount: 30000, status: "PAID" }, // 300.00 RUB, level 0
      { amount: 5000, status: "AVAILABLE" }, // 50.00 RUB, level 1
    ],
  },
  // Paid and confirmed in the period; its cancelled commission does not count.
  {
    status: "PAID",
    paidAt: "2018-05-10T09:00:00Z",
    confirmedAt: "2018-05-02T09:00:00Z",
    total: 129000, // 1,290.00 RUB
    items: [{ unitCost: 40000, quantity: 1 }], // 400.00 RUB
    commissions: [{ amount: 20000, status: "CANCELLED" }], // 200.00 RUB, not counted
  },
  // USD, paid in the period, no commission.
  { status: "PAID", currency: "USD", paidAt: "2018-05-15T12:00:00Z", confirmedAt: "2018-05-14T12:00:00Z", total: 6500, shipping: 1000, items: [{ unitCost: 2000, quantity: 2 }] }, // 65.00 USD, 10.00 shipping, 2 × 20.00 cost
  // Confirmed in the period, not paid yet: expected only.
  {
    status: "SHIPPED",
    confirmedAt: "2018-05-20T10:00:00Z",
    total: 99000, // 990.00 RUB
    shipping: 20000, // 200.00 RUB
    items: [{ unitCost: 30000, quantity: 1 }], // 300.00 RUB
    commissions: [{ amount: 10000, status: "PENDING" }], // 100.00 RUB
  },
  // 2018-06-01 00:00 Moscow: outside the period (paid in June, confirmed the last minute of May).
  { status: "PAID", paidAt: "2018-05-31T21:00:00Z", confirmedAt: "2018-05-31T20:59:00Z", total: 50000, items: [{ unitCost: 10000, quantity: 1 }] }, // 500.00 RUB, 100.00 cost
  // A confirmed order later returned: paidAt never set, so never revenue.
  { status: "RETURNED", confirmedAt: "2018-04-10T10:00:00Z", total: 70000, items: [{ unitCost: 10000, quantity: 1 }] }, // 700.00 RUB
];

beforeAll(async () => {
  for (const code of ["RUB", "USD"]) {
    await db.currency.upsert({ where: { code }, update: {}, create: { code, name: code, symbol: code } }).catch(() => undefined);
  }
  const product = await db.product.create({ data: { slug: `finance-${run}`, name: "Finance watch", currency: "RUB" }, select: { id: true } });
  const customer = await db.customer.create({ data: { name: "Finance Customer" }, select: { id: true } });
  const partner = await db.partner.create({
    data: { login: `fin-${run}`, email: `fin-${run}@example.test`, name: "Finance Partner", passwordHash: "x", status: "ACTIVE" },
    select: { id: true },
  });
  [productId, customerId, partnerId] = [product.id, customer.id, partner.id];
  for (const [index, spec] of ORDERS.entries()) {
    const currency = spec.currency ?? "RUB";
    const order = await db.order.create({
      data: {
        status: spec.status,
        paymentMethod: "COD",
        paymentStatus: spec.paidAt ? "PAID" : "UNPAID",
        customerId,
        productId,
        partnerId,
        customerName: `Finance ${index}`,
        region: "RU",
        country: "RU",
        currency,
        itemsTotal: spec.total - (spec.shipping ?? 0),
        shippingTotal: spec.shipping ?? 0,
        total: spec.total,
        createdAt: new Date("2018-04-01T10:00:00Z"),
        paidAt: spec.paidAt ? new Date(spec.paidAt) : null,
        confirmedAt: spec.confirmedAt ? new Date(spec.confirmedAt) : null,
        items: {
          create: spec.items.map((item, itemIndex) => ({
            productId,
            kind: itemIndex === 0 ? "MAIN" : "BUMP",
            productName: "Finance watch",
            quantity: item.quantity,
            unitPrice: 1,
            unitCost: item.unitCost,
            total: item.quantity,
          })),
        },
      },
      select: { id: true },
    });
    for (const [level, commission] of (spec.commissions ?? []).entries()) {
      await db.commission.create({
        data: { orderId: order.id, partnerId, level, amount: commission.amount, currency, ruleKind: "FIXED", ruleValue: commission.amount, trigger: "APPROVAL", status: commission.status },
      });
    }
  }
});

afterAll(async () => {
  await db.commission.deleteMany({ where: { partnerId } });
  await db.order.deleteMany({ where: { productId } });
  await db.product.deleteMany({ where: { id: productId } });
  await db.customer.deleteMany({ where: { id: customerId } });
  await db.partner.deleteMany({ where: { id: partnerId } });
  await disconnectDb();
});

describe("getFinanceReport", () => {
  it("sums the money received in a month of Moscow days, per currency", async () => {
    const report = await getFinanceReport({ from: "2018-05-01", to: "2018-05-31" }, new Date("2018-06-15T12:00:00Z"));
    expect(report.period).toEqual({ kind: "custom", fromDay: "2018-05-01", toDay: "2018-05-31", timeZone: "Europe/Moscow" });
    expect(report.received).toEqual([
      {
        currency: "RUB",
        orders: 2,
        revenue: 358000n, // 2,290.00 + 1,290.00 RUB
        shipping: 30000n, // 300.00 RUB
        baseCost: 152345n, // 1,000.00 + 123.45 + 400.00 RUB
        commissions: 35000n, // 300.00 + 50.00 RUB (the cancelled 200.00 left out)
        margin: 170655n, // 3,580.00 − 1,523.45 − 350.00 RUB
      },
      { currency: "USD", orders: 1, revenue: 6500n, shipping: 1000n, baseCost: 4000n, commissions: 0n, margin: 2500n }, // 65.00 − 40.00 USD
    ]);
  });

  it("sums the orders confirmed in the period as expected money", async () => {
    const report = await getFinanceReport({ from: "2018-05-01", to: "2018-05-31" }, new Date("2018-06-15T12:00:00Z"));
    expect(report.expected).toEqual([
      {
        currency: "RUB",
        orders: 3, // confirmed 05-02, 05-20 and the last minute of May
        revenue: 278000n, // 1,290.00 + 990.00 + 500.00 RUB
        shipping: 20000n, // 200.00 RUB
        baseCost: 80000n, // 400.00 + 300.00 + 100.00 RUB
        commissions: 10000n, // 100.00 RUB pending
        margin: 188000n, // 2,780.00 − 800.00 − 100.00 RUB
      },
      { currency: "USD", orders: 1, revenue: 6500n, shipping: 1000n, baseCost: 4000n, commissions: 0n, margin: 2500n },
    ]);
  });

  it("lists the last 12 months of received money by month", async () => {
    const report = await getFinanceReport({}, new Date("2018-06-15T12:00:00Z"));
    expect(report.byMonth.months).toHaveLength(12);
    expect(report.byMonth.months[0]).toBe("2017-07");
    expect(report.byMonth.months[11]).toBe("2018-06");
    const ours = report.byMonth.rows.map(({ month, currency, orders, revenue, margin }) => ({ month, currency, orders, revenue, margin }));
    expect(ours).toEqual([
      { month: "2018-05", currency: "RUB", orders: 2, revenue: 358000n, margin: 170655n },
      { month: "2018-05", currency: "USD", orders: 1, revenue: 6500n, margin: 2500n },
      { month: "2018-06", currency: "RUB", orders: 1, revenue: 50000n, margin: 40000n }, // 500.00 − 100.00 RUB
    ]);
  });

  it("is empty for a period without money", async () => {
    const report = await getFinanceReport({ from: "2018-03-01", to: "2018-03-31" }, new Date("2018-06-15T12:00:00Z"));
    expect(report.received).toEqual([]);
    expect(report.expected).toEqual([]);
  });

  it("refuses a bad period", async () => {
    await expect(getFinanceReport({ from: "2018-02-30", to: "2018-03-01" })).rejects.toThrow();
  });
});
