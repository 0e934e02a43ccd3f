// The partner cabinet's queries against a real PostgreSQL: two partners with clicks, orders and
// commissions in a week of June 2018 (Moscow is UTC+3 all year since 2014), so the numbers are
// exact; each partner must see only their own, and nothing of the other's when asking for it.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPartnerBreakdown } from "@/lib/affiliates/cabinet/get-partner-breakdown";
import { getPartnerStats } from "@/lib/affiliates/cabinet/get-partner-stats";
import { listPartnerOrders } from "@/lib/affiliates/cabinet/list-partner-orders";
import { db, disconnectDb } from "@/lib/db";
import type { CommissionStatus, OrderStatus, PaymentMethod, PaymentStatus } from "@/lib/db/generated/enums";

const run = randomUUID().slice(0, 8);
const WEEK = { period: "custom", from: "2018-06-10", to: "2018-06-16" } as const;
// "Now" for the hold: after the week, before some holds end.
const NOW = new Date("2018-06-20T12:00:00Z");
const ids = { a: "", b: "", productA: "", productB: "", customer: "" };
const orderNumbers: Record<string, number> = {};

interface OrderSpec {
  key: string;
  partner: "a" | "b";
  product: "productA" | "productB";
  createdAt: string;
  status: OrderStatus;
  method: PaymentMethod;
  paymentStatus?: PaymentStatus;
  shippedAt?: string;
  sub1?: string;
  total: number;
  commission?: { amount: number; status: CommissionStatus; availableAt?: string };
}

const ORDERS: OrderSpec[] = [
  // Partner A: 5 orders in the week, 1 outside it.
  {
    key: "a1",
    partner: "a",
    product: "productA",
    createdAt: "2018-06-09T21:00:00Z",
    status: "UNCONFIRMED",
    method: "COD",
    sub1: "tiktok",
    total: 129000,
    commission: { amount: 30000, status: "PENDING" },
  }, // 1,290.00 RUB; 300.00 RUB; 2018-06-10 00:00 Moscow
  {
    key: "a2",
    partner: "a",
    product: "productA",
    createdAt: "2018-06-10T10:00:00Z",
    status: "CONFIRMED",
    method: "COD",
    sub1: "tiktok",
    total: 129000,
    commission: { amount: 30000, status: "APPROVED", availableAt: "2018-06-24T10:00:00Z" },
  }, // on hold until after NOW
  {
    key: "a3",
    partner: "a",
    product: "productB",
    createdAt: "2018-06-11T10:00:00Z",
    status: "PAID",
    method: "COD",
    paymentStatus: "PAID",
    shippedAt: "2018-06-12T10:00:00Z",
    sub1: "vk",
    total: 259000,
    commission: { amount: 50000, status: "AVAILABLE", availableAt: "2018-06-15T10:00:00Z" },
  }, // 2,590.00 RUB; 500.00 RUB
  {
    key: "a4",
    partner: "a",
    product: "productA",
    createdAt: "2018-06-12T10:00:00Z",
    status: "RETURNED",
    method: "COD",
    shippedAt: "2018-06-13T10:00:00Z",
    total: 129000,
    commission: { amount: 30000, status: "CANCELLED" },
  },
  {
    key: "a5",
    partner: "a",
    product: "productB",
    createdAt: "2018-06-16T20:59:00Z",
    status: "PAID",
    method: "PREPAID",
    paymentStatus: "PAID",
    total: 259000,
    commission: { amount: 50000, status: "PAID" },
  }, // 2018-06-16 23:59 Moscow
  { key: "a6", partner: "a", product: "productA", createdAt: "2018-06-16T21:00:00Z", status: "UNCONFIRMED", method: "COD", total: 129000 }, // 2018-06-17 00:00 Moscow: outside
  // Partner B: 1 order in the week.
  {
    key: "b1",
    partner: "b",
    product: "productA",
    createdAt: "2018-06-11T12:00:00Z",
    status: "CONFIRMED",
    method: "COD",
    sub1: "b-secret",
    total: 129000,
    commission: { amount: 99000, status: "APPROVED", availableAt: "2018-06-12T12:00:00Z" },
  }, // hold ended: available
];

beforeAll(async () => {
  await db.currency.upsert({ where: { code: "RUB" }, update: {}, create: { code: "RUB", name: "RUB", symbol: "₽" } }).catch(() => undefined);
  for (const key of ["a", "b"] as const) {
    const login = `cab_${key}_${run}`;
    ids[key] = (await db.partner.create({ data: { login, email: `${login}@partners.test`, name: `Cabinet ${key}`, passwordHash: "x", status: "ACTIVE" }, select: { id: true } })).id;
  }
  ids.productA = (await db.product.create({ data: { slug: `cab-a-${run}`, name: `Watch A ${run}`, currency: "RUB" }, select: { id: true } })).id;
  ids.productB = (await db.product.create({ data: { slug: `cab-b-${run}`, name: `Watch B ${run}`, currency: "RUB" }, select: { id: true } })).id;
  ids.customer = (await db.customer.create({ data: { name: "Cabinet Customer" }, select: { id: true } })).id;

  const click = (partner: "a" | "b", createdAt: string, extra: { isUnique?: boolean; isBot?: boolean; sub1?: string; product?: "productA" | "productB" } = {}) =>
    db.click.create({
      data: {
        partnerId: ids[partner],
        productId: ids[extra.product ?? "productA"],
        sub1: extra.sub1 ?? null,
        fingerprintHash: randomUUID(),
        isUnique: extra.isUnique ?? false,
        isBot: extra.isBot ?? false,
        createdAt: new Date(createdAt),
      },
    });
  // Partner A: 4 raw (2 unique) + 1 bot in the week, 1 click the day before.
  await click("a", "2018-06-10T08:00:00Z", { isUnique: true, sub1: "tiktok" });
  await click("a", "2018-06-10T09:00:00Z", { sub1: "tiktok" });
  await click("a", "2018-06-11T08:00:00Z", { isUnique: true, sub1: "vk", product: "productB" });
  await click("a", "2018-06-16T20:00:00Z", { product: "productB" });
  await click("a", "2018-06-11T08:30:00Z", { isBot: true, isUnique: true });
  await click("a", "2018-06-09T20:59:59Z", { isUnique: true });
  // Partner B: 3 raw, all unique.
  for (const at of ["2018-06-11T08:00:00Z", "2018-06-11T09:00:00Z", "2018-06-12T09:00:00Z"]) await click("b", at, { isUnique: true, sub1: "b-secret" });

  for (const spec of ORDERS) {
    const order = await db.order.create({
      data: {
        status: spec.status,
        paymentMethod: spec.method,
        paymentStatus: spec.paymentStatus ?? "UNPAID",
        customerId: ids.customer,
        productId: ids[spec.product],
        partnerId: ids[spec.partner],
        sub1: spec.sub1 ?? null,
        customerName: "Ivan Petrov",
        phone: "+79161234567",
        email: "ivan@customer.test",
        city: "Moscow",
        street: "Tverskaya",
        region: "RU",
        country: "RU",
        currency: "RUB",
        itemsTotal: spec.total,
        total: spec.total,
        createdAt: new Date(spec.createdAt),
        shippedAt: spec.shippedAt ? new Date(spec.shippedAt) : null,
        statusChanges: {
          create: [
            { fromStatus: null, toStatus: "UNCONFIRMED", actorType: "SYSTEM", createdAt: new Date(spec.createdAt) },
            ...(spec.status === "UNCONFIRMED"
              ? []
              : [{ fromStatus: "UNCONFIRMED" as const, toStatus: spec.status, actorType: "USER" as const, reason: `reason ${spec.key}`, createdAt: new Date(spec.createdAt) }]),
          ],
        },
      },
      select: { id: true, number: true },
    });
    orderNumbers[spec.key] = order.number;
    if (spec.commission) {
      await db.commission.create({
        data: {
          orderId: order.id,
          partnerId: ids[spec.partner],
          level: 0,
          amount: spec.commission.amount,
          currency: "RUB",
          ruleKind: "FIXED",
          ruleValue: spec.commission.amount,
          trigger: "APPROVAL",
          status: spec.commission.status,
          availableAt: spec.commission.availableAt ? new Date(spec.commission.availableAt) : null,
          createdAt: new Date(spec.createdAt),
        },
      });
    }
  }
});

afterAll(async () => {
  const partnerIds = [ids.a, ids.b].filter(Boolean);
  await db.commission.deleteMany({ where: { partnerId: { in: partnerIds } } });
  await db.order.deleteMany({ where: { partnerId: { in: partnerIds } } });
  await db.partner.deleteMany({ where: { id: { in: partnerIds } } });
  await db.product.deleteMany({ where: { id: { in: [ids.productA, ids.productB].filter(Boolean) } } });
  await db.customer.deleteMany({ where: { id: ids.customer } });
  await disconnectDb();
});

describe("getPartnerStats", () => {
  it("counts partner A's clicks, orders, rates and earnings of the week, and nothing of B's", async () => {
    const stats = await getPartnerStats(ids.a, WEEK, NOW);
    expect(stats.period).toMatchObject({ kind: "custom", fromDay: "2018-06-10", toDay: "2018-06-16" });
    expect(stats.clicks).toEqual({ raw: 4, unique: 2 });
    expect(stats.orders).toEqual({ total: 5, confirmed: 3, duplicateOrSpam: 0, codUnconfirmed: 1, codConfirmedPaid: 1, codConfirmedUnpaid: 1, prepaidPaid: 1 });
    expect(stats.buyout).toEqual({ shipped: 2, paid: 1 });
    expect(stats.rates).toEqual({ approveRate: 6000, validApproveRate: 6000, buyoutRate: 5000 });
    expect(stats.earnings).toEqual([
      {
        currency: "RUB",
        pending: 30000, // 300.00 RUB
        onHold: 30000, // 300.00 RUB, held until 24 June
        available: 50000, // 500.00 RUB
        paid: 50000, // 500.00 RUB; the cancelled 300.00 is left out
        epc: 32500, // (300 + 500 + 500) RUB / 4 clicks = 325.00 RUB
      },
    ]);
  });

  it("counts partner B's own numbers only; an APPROVED commission past its hold is available", async () => {
    const stats = await getPartnerStats(ids.b, WEEK, NOW);
    expect(stats.clicks).toEqual({ raw: 3, unique: 3 });
    expect(stats.orders.total).toBe(1);
    expect(stats.earnings).toEqual([{ currency: "RUB", pending: 0, onHold: 0, available: 99000, paid: 0, epc: 33000 }]); // 990.00 RUB / 3 = 330.00 RUB
  });

  it("shows zeros and no earnings for a period without activity", async () => {
    const stats = await getPartnerStats(ids.a, { period: "custom", from: "2018-01-01", to: "2018-01-07" }, NOW);
    expect(stats.clicks).toEqual({ raw: 0, unique: 0 });
    expect(stats.orders.total).toBe(0);
    expect(stats.rates).toEqual({ approveRate: null, validApproveRate: null, buyoutRate: null });
    expect(stats.earnings).toEqual([]);
  });

  it("rejects a malformed period", async () => {
    await expect(getPartnerStats(ids.a, { period: "custom", from: "2018-06-16", to: "2018-06-10" }, NOW)).rejects.toThrow();
  });
});

describe("getPartnerBreakdown", () => {
  it("groups by day in Moscow time, listing empty days", async () => {
    const { rows } = await getPartnerBreakdown(ids.a, { ...WEEK, group: "day" }, NOW);
    expect(rows.map((row) => row.key)).toEqual(["2018-06-10", "2018-06-11", "2018-06-12", "2018-06-13", "2018-06-14", "2018-06-15", "2018-06-16"]);
    expect(rows[0]).toMatchObject({ rawClicks: 2, uniqueClicks: 1, orders: 2, confirmed: 1, earnings: [{ currency: "RUB", amount: 60000 }] });
    expect(rows[3]).toMatchObject({ rawClicks: 0, orders: 0, earnings: [] });
    expect(rows[6]).toMatchObject({ rawClicks: 1, orders: 1, earnings: [{ currency: "RUB", amount: 50000 }] });
  });

  it("groups by product with names, and by sub1 without the other partner's sub-ids", async () => {
    const byProduct = await getPartnerBreakdown(ids.a, { ...WEEK, group: "product" }, NOW);
    expect(byProduct.rows.map((row) => [row.label, row.rawClicks, row.orders])).toEqual([
      [`Watch A ${run}`, 2, 3],
      [`Watch B ${run}`, 2, 2],
    ]);
    const bySub1 = await getPartnerBreakdown(ids.a, { ...WEEK, group: "sub1" }, NOW);
    expect(bySub1.rows.map((row) => [row.key, row.rawClicks, row.orders])).toEqual([
      ["tiktok", 2, 2],
      [null, 1, 2],
      ["vk", 1, 1],
    ]);
    expect(bySub1.rows.some((row) => row.key === "b-secret")).toBe(false);
  });
});

describe("listPartnerOrders", () => {
  it("lists the partner's orders of the period with masked customers and the timeline", async () => {
    const { rows, total } = await listPartnerOrders(ids.a, WEEK, NOW);
    expect(total).toBe(5);
    expect(rows.map((row) => row.number)).toEqual(["a5", "a4", "a3", "a2", "a1"].map((key) => orderNumbers[key]));
    const a3 = rows.find((row) => row.number === orderNumbers.a3)!;
    expect(a3).toMatchObject({ customerName: "I. P.", customerPhone: "+7 *** ***-45-67", status: "PAID", total: 259000, currency: "RUB", subs: ["vk", null, null, null, null] });
    expect(a3.timeline.map((step) => [step.toStatus, step.reason])).toEqual([
      ["UNCONFIRMED", null],
      ["PAID", "reason a3"],
    ]);
    expect(a3.commission).toEqual({ amount: 50000, currency: "RUB", status: "AVAILABLE" });
    // No email or address leaves the module.
    expect(JSON.stringify(rows)).not.toMatch(/ivan@customer|Tverskaya|9161234567/);
  });

  it("finds a partner's own order by number, and nothing when B asks for A's order", async () => {
    expect((await listPartnerOrders(ids.a, { number: String(orderNumbers.a6) }, NOW)).rows.map((row) => row.number)).toEqual([orderNumbers.a6]);
    const crossAccess = await listPartnerOrders(ids.b, { number: String(orderNumbers.a3) }, NOW);
    expect(crossAccess.rows).toEqual([]);
    expect(crossAccess.total).toBe(0);
    expect((await listPartnerOrders(ids.b, WEEK, NOW)).rows.map((row) => row.number)).toEqual([orderNumbers.b1]);
    // A malformed number is no search: the period's orders are listed.
    const malformed = await listPartnerOrders(ids.a, { ...WEEK, number: "12abc" }, NOW);
    expect(malformed).toMatchObject({ number: null, total: 5 });
  });
});
