// getGeneralStats against a real PostgreSQL: orders with fixed createdAt/shippedAt in a week of
// 2019 that no other test uses, so the counts are exact even while other files add orders.
// (2019, not earlier: Moscow has been UTC+3 all year only since 2014.)
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import type { OrderStatus, PaymentMethod, PaymentStatus } from "@/lib/db/generated/enums";
import { getGeneralStats } from "@/lib/reports/get-general-stats";

const run = randomUUID().slice(0, 8);
let productId = "";
let customerId = "";

interface Spec {
  /** UTC instant; Moscow is UTC+3. */
  createdAt: string;
  status: OrderStatus;
  method: PaymentMethod;
  paymentStatus?: PaymentStatus;
  shippedAt?: string;
  currency?: string;
  total: number;
}

const ORDERS: Spec[] = [
  // 2019-03-31 23:59:59 in Moscow: the day before the period.
  { createdAt: "2019-03-31T20:59:59Z", status: "CONFIRMED", method: "COD", total: 100000 }, // 1,000.00 RUB
  // 2019-04-01 00:00:00 in Moscow: the first moment of the period.
  { createdAt: "2019-03-31T21:00:00Z", status: "UNCONFIRMED", method: "COD", total: 195000 }, // 1,950.00 RUB
  { createdAt: "2019-04-01T09:00:00Z", status: "CONFIRMED", method: "COD", total: 129000 }, // 1,290.00 RUB
  { createdAt: "2019-04-01T10:00:00Z", status: "PAID", method: "COD", paymentStatus: "PAID", shippedAt: "2019-04-02T08:00:00Z", total: 225000 }, // 2,250.00 RUB
  { createdAt: "2019-04-02T10:00:00Z", status: "SHIPPED", method: "COURIER", shippedAt: "2019-04-03T08:00:00Z", total: 159000 }, // 1,590.00 RUB
  { createdAt: "2019-04-02T11:00:00Z", status: "HANDED", method: "COD", shippedAt: "2019-04-03T09:00:00Z", total: 245000 }, // 2,450.00 RUB
  { createdAt: "2019-04-03T10:00:00Z", status: "PAID", method: "PREPAID", paymentStatus: "PAID", currency: "USD", total: 6500 }, // 65.00 USD
  { createdAt: "2019-04-03T11:00:00Z", status: "CONFIRMED", method: "PREPAID", paymentStatus: "PAID", total: 99000 }, // 990.00 RUB, card settled, not shipped yet
  { createdAt: "2019-04-03T12:00:00Z", status: "DUPLICATE", method: "COD", total: 195000 },
  { createdAt: "2019-04-03T13:00:00Z", status: "SPAM", method: "COD", total: 195000 },
  { createdAt: "2019-04-05T10:00:00Z", status: "CANCELLED", method: "COD", total: 129000 },
  // Placed in the period, shipped before it (impossible in life, but it pins "by shipping period").
  { createdAt: "2019-04-06T10:00:00Z", status: "RETURNED", method: "COD", shippedAt: "2019-03-20T10:00:00Z", total: 129000 },
  // Placed before the period, shipped and bought out in it: buyout only.
  { createdAt: "2019-03-20T10:00:00Z", status: "PAID", method: "COD", paymentStatus: "PAID", shippedAt: "2019-04-04T10:00:00Z", total: 195000 },
  // 2019-04-07 23:59 Moscow: the last minute of the period; 2019-04-08 00:00 is outside.
  { createdAt: "2019-04-07T20:59:00Z", status: "UNCONFIRMED", method: "COURIER", total: 129000 },
  { createdAt: "2019-04-07T21:00:00Z", status: "UNCONFIRMED", method: "COD", total: 129000 },
];

beforeAll(async () => {
  for (const code of ["RUB", "USD"]) {
    await db.currency.upsert({ where: { code }, update: {}, create: { code, name: code, symbol: code } }).catch(() => undefined);
  }
  const product = await db.product.create({ data: { slug: `stats-${run}`, name: "Stats watch", currency: "RUB" }, select: { id: true } });
  const customer = await db.customer.create({ data: { name: "Stats Customer" }, select: { id: true } });
  productId = product.id;
  customerId = customer.id;
  for (const [index, spec] of ORDERS.entries()) {
    await db.order.create({
      data: {
        status: spec.status,
        paymentMethod: spec.method,
        paymentStatus: spec.paymentStatus ?? "UNPAID",
        customerId,
        productId,
        customerName: `Stats ${index}`,
        region: "RU",
        country: "RU",
        currency: spec.currency ?? "RUB",
        itemsTotal: spec.total,
        total: spec.total,
        createdAt: new Date(spec.createdAt),
        shippedAt: spec.shippedAt ? new Date(spec.shippedAt) : null,
      },
    });
  }
});

afterAll(async () => {
  await db.order.deleteMany({ where: { productId } });
  await db.product.deleteMany({ where: { id: productId } });
  await db.customer.deleteMany({ where: { id: customerId } });
  await disconnectDb();
});

describe("getGeneralStats", () => {
  it("counts a custom week in Moscow days", async () => {
    const stats = await getGeneralStats({ from: "2019-04-01", to: "2019-04-07" });
    expect(stats.period).toEqual({ kind: "custom", fromDay: "2019-04-01", toDay: "2019-04-07", timeZone: "Europe/Moscow" });
    expect(stats.orders).toEqual({
      total: 12,
      // CONFIRMED, PAID, SHIPPED, HANDED, PAID (prepaid), CONFIRMED (prepaid)
      confirmed: 6,
      duplicateOrSpam: 2,
      codUnconfirmed: 2, // the midnight one and the courier one
      codConfirmedPaid: 1,
      codConfirmedUnpaid: 3, // CONFIRMED, SHIPPED (courier), HANDED
      prepaidPaid: 2,
    });
    // Shipped in the period: PAID (04-02), SHIPPED and HANDED (04-03), the old order (04-04).
    expect(stats.buyout).toEqual({ shipped: 4, paid: 2 });
    expect(stats.paidSums).toEqual([
      { currency: "RUB", amountMinor: 324000n }, // 2,250.00 + 990.00 RUB
      { currency: "USD", amountMinor: 6500n }, // 65.00 USD
    ]);
    expect(stats.rates).toEqual({
      approveRate: 5000, // 6 / 12
      validApproveRate: 6000, // 6 / (12 − 2)
      buyoutRate: 5000, // 2 / 4
    });
    expect(stats.byDay).toEqual([
      { day: "2019-04-01", orders: 3, confirmed: 2 },
      { day: "2019-04-02", orders: 2, confirmed: 2 },
      { day: "2019-04-03", orders: 4, confirmed: 2 },
      { day: "2019-04-04", orders: 0, confirmed: 0 },
      { day: "2019-04-05", orders: 1, confirmed: 0 },
      { day: "2019-04-06", orders: 1, confirmed: 0 },
      { day: "2019-04-07", orders: 1, confirmed: 0 },
    ]);
  });

  it("resolves presets against the given now", async () => {
    // 2019-04-02 02:00 in Moscow: "yesterday" is 2019-04-01.
    const stats = await getGeneralStats({ period: "yesterday" }, new Date("2019-04-01T23:00:00Z"));
    expect(stats.period).toMatchObject({ kind: "yesterday", fromDay: "2019-04-01", toDay: "2019-04-01" });
    expect(stats.orders.total).toBe(3);
    expect(stats.byDay).toEqual([{ day: "2019-04-01", orders: 3, confirmed: 2 }]);
    expect(stats.buyout).toEqual({ shipped: 0, paid: 0 });
  });

  it("has no rates for an empty period instead of dividing by zero", async () => {
    const stats = await getGeneralStats({ from: "2019-05-01", to: "2019-05-02" });
    expect(stats.orders.total).toBe(0);
    expect(stats.paidSums).toEqual([]);
    expect(stats.rates).toEqual({ approveRate: null, validApproveRate: null, buyoutRate: null });
    expect(stats.byDay.map((day) => day.orders)).toEqual([0, 0]);
  });

  it("refuses a bad period with a validation error, not a crash", async () => {
    await expect(getGeneralStats({ from: "2019-04-07", to: "2019-04-01" })).rejects.toMatchObject({ name: "ZodError" });
    await expect(getGeneralStats({ period: "forever" } as never)).rejects.toMatchObject({ name: "ZodError" });
  });
});
