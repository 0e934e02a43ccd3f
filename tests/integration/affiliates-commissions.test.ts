// Commissions against a real PostgreSQL: an attributed order placed through the checkout gets one
// commission per level with the product's (or the partner's own) rule; order status changes move
// them (APPROVAL on confirmation, BUYOUT on PAID, cancellation, restore); the hold release makes
// them AVAILABLE and credits the ledger, whose sum is the balance; a return after that reverses
// the credit. Rates are the products' own tables, so the program defaults (shared) never matter.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { releaseHeldCommissions } from "@/lib/affiliates/commissions/release-held-commissions";
import { getPartnerBalance, getPartnerBalances } from "@/lib/affiliates/ledger/get-partner-balance";
import { getProgramSettings } from "@/lib/affiliates/program-settings";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import type { OrderStatus, PartnerStatus, RewardTrigger } from "@/lib/db/generated/enums";
import { changeOrderStatus } from "@/lib/orders/change-order-status";

const fx = checkoutFixtures("aff-comm");
const run = randomUUID().slice(0, 8);
const DAY = 24 * 60 * 60 * 1000;
const partnerIds: string[] = [];

async function createPartner(suffix: string, options: { parentId?: string; status?: PartnerStatus } = {}) {
  const login = `com_${run}_${suffix}`;
  const partner = await db.partner.create({
    data: { login, email: `${login}@partners.test`, name: `Partner ${suffix}`, passwordHash: "x", status: options.status ?? "ACTIVE", parentId: options.parentId },
    select: { id: true },
  });
  partnerIds.unshift(partner.id); // children first, for cleanup
  return partner;
}

/** A product paying 10% at level 0 and 50.00 RUB at level 1 (RU price 1,950.00 RUB, shipping 300.00 RUB). */
async function commissionProduct(options: { trigger?: RewardTrigger; confirmationMode?: "EMAIL_LINK" | "OPERATOR" | "NONE" } = {}) {
  const product = await fx.createProduct({ confirmationMode: options.confirmationMode ?? "OPERATOR" });
  await db.product.update({ where: { id: product.id }, data: { rewardTrigger: options.trigger ?? "APPROVAL" }, select: { id: true } });
  await db.productCommission.createMany({
    data: [
      { productId: product.id, level: 0, kind: "PERCENT", value: 1000 }, // 10%
      { productId: product.id, level: 1, kind: "FIXED", value: 5000 }, // 50.00 RUB
    ],
  });
  return product;
}

async function attributedOrder(slug: string, partnerId: string | undefined, quantity = 1) {
  const { order } = await placeOrder(fx.input(slug, { quantity }), { ip: fx.ip(), attribution: partnerId ? { partnerId } : undefined });
  return order;
}

const commissionsOf = (orderId: string) =>
  db.commission.findMany({
    where: { orderId },
    select: {
      id: true,
      level: true,
      partnerId: true,
      amount: true,
      currency: true,
      ruleKind: true,
      ruleValue: true,
      trigger: true,
      status: true,
      approvedAt: true,
      availableAt: true,
      cancelledAt: true,
    },
    orderBy: { level: "asc" },
  });

const move = (orderId: string, to: OrderStatus) => changeOrderStatus({ orderId, to, actor: { type: "SYSTEM" } });

async function moveThrough(orderId: string, statuses: OrderStatus[]) {
  for (const status of statuses) await move(orderId, status);
}

let parent: { id: string };
let child: { id: string };

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  parent = await createPartner("parent");
  child = await createPartner("child", { parentId: parent.id });
});

afterAll(async () => {
  await db.partnerLedgerEntry.deleteMany({ where: { partnerId: { in: partnerIds } } });
  await db.commission.deleteMany({ where: { partnerId: { in: partnerIds } } });
  await fx.cleanup();
  for (const id of partnerIds) await db.partner.delete({ where: { id } });
  await disconnectDb();
});

describe("createOrderCommissions (through placeOrder)", () => {
  it("gives the partner and their parent one PENDING commission each, from the product's table", async () => {
    const product = await commissionProduct();
    const order = await attributedOrder(product.slug, child.id, 2);
    expect(order.total).toBe(420000); // 2 × 1,950.00 + 300.00 shipping = 4,200.00 RUB
    expect(await commissionsOf(order.id)).toMatchObject([
      { level: 0, partnerId: child.id, amount: 39000, currency: "RUB", ruleKind: "PERCENT", ruleValue: 1000, trigger: "APPROVAL", status: "PENDING" }, // 10% of 3,900.00 (no shipping) = 390.00 RUB
      { level: 1, partnerId: parent.id, amount: 5000, currency: "RUB", ruleKind: "FIXED", ruleValue: 5000, status: "PENDING" }, // 50.00 RUB
    ]);
  });

  it("uses the partner's own override above the product's table", async () => {
    const product = await commissionProduct();
    const partner = await createPartner("override", { parentId: parent.id });
    await db.partnerCommissionOverride.create({ data: { partnerId: partner.id, productId: null, level: 0, kind: "FIXED", value: 77700 } }); // 777.00 RUB
    const order = await attributedOrder(product.slug, partner.id);
    expect((await commissionsOf(order.id)).map((c) => [c.level, c.amount])).toEqual([
      [0, 77700], // 777.00 RUB
      [1, 5000], // 50.00 RUB
    ]);
  });

  it("pays no level whose partner is not ACTIVE, nothing for a zero rule, nothing for a direct order", async () => {
    const product = await commissionProduct();
    const banned = await createPartner("banned", { status: "BANNED" });
    const recruit = await createPartner("recruit", { parentId: banned.id });
    const order = await attributedOrder(product.slug, recruit.id);
    expect((await commissionsOf(order.id)).map((c) => [c.level, c.partnerId])).toEqual([[0, recruit.id]]);

    const zero = await fx.createProduct({ confirmationMode: "OPERATOR" });
    await db.productCommission.createMany({
      data: [
        { productId: zero.id, level: 0, kind: "FIXED", value: 0 },
        { productId: zero.id, level: 1, kind: "PERCENT", value: 0 },
      ],
    });
    expect(await commissionsOf((await attributedOrder(zero.slug, child.id)).id)).toEqual([]);
    expect(await commissionsOf((await attributedOrder(product.slug, undefined)).id)).toEqual([]);
  });

  it("approves at once an order placed CONFIRMED", async () => {
    const product = await commissionProduct({ confirmationMode: "NONE" });
    const order = await attributedOrder(product.slug, child.id);
    expect(order.status).toBe("CONFIRMED");
    expect((await commissionsOf(order.id)).map((c) => c.status)).toEqual(["APPROVED", "APPROVED"]);
  });
});

describe("applyOrderStatusToCommissions (through changeOrderStatus)", () => {
  it("APPROVAL: confirmation approves, with the hold period until availableAt", async () => {
    const { holdDays } = await getProgramSettings();
    const product = await commissionProduct();
    const order = await attributedOrder(product.slug, child.id);
    await move(order.id, "CONFIRMED");
    const [commission] = await commissionsOf(order.id);
    expect(commission).toMatchObject({ status: "APPROVED" });
    expect(commission!.availableAt!.getTime() - commission!.approvedAt!.getTime()).toBe(holdDays * DAY);
    await move(order.id, "SHIPPED");
    expect((await commissionsOf(order.id)).map((c) => c.status)).toEqual(["APPROVED", "APPROVED"]);
  });

  it("BUYOUT: waits through confirmation and delivery for PAID", async () => {
    const product = await commissionProduct({ trigger: "BUYOUT" });
    const order = await attributedOrder(product.slug, child.id);
    for (const status of ["CONFIRMED", "SHIPPED", "DELIVERED", "HANDED"] as const) {
      await move(order.id, status);
      expect(
        (await commissionsOf(order.id)).map((c) => c.status),
        status,
      ).toEqual(["PENDING", "PENDING"]);
    }
    await move(order.id, "PAID");
    expect((await commissionsOf(order.id)).map((c) => c.status)).toEqual(["APPROVED", "APPROVED"]);
  });

  it("cancellation cancels; restoring the order starts the commission over", async () => {
    const product = await commissionProduct();
    const order = await attributedOrder(product.slug, child.id);
    await moveThrough(order.id, ["CONFIRMED", "CANCELLED"]);
    const cancelled = await commissionsOf(order.id);
    expect(cancelled.map((c) => c.status)).toEqual(["CANCELLED", "CANCELLED"]);
    expect(cancelled.every((c) => c.cancelledAt)).toBe(true);
    await move(order.id, "UNCONFIRMED");
    expect(await commissionsOf(order.id)).toMatchObject([
      { status: "PENDING", approvedAt: null, availableAt: null, cancelledAt: null },
      { status: "PENDING", approvedAt: null, availableAt: null, cancelledAt: null },
    ]);
    for (const status of ["DUPLICATE", "SPAM"] as const) {
      await move(order.id, status);
      expect((await commissionsOf(order.id)).map((c) => c.status)).toEqual(["CANCELLED", "CANCELLED"]);
      await move(order.id, "UNCONFIRMED");
    }
    // Nothing reached the ledger on the way.
    expect(await db.partnerLedgerEntry.count({ where: { commission: { orderId: order.id } } })).toBe(0);
  });
});

describe("releaseHeldCommissions and the ledger", () => {
  it("makes commissions AVAILABLE after the hold, credits the ledger once, and a return reverses it", async () => {
    const partner = await createPartner("ledger");
    const product = await commissionProduct();
    const first = await attributedOrder(product.slug, partner.id); // 195.00 RUB at level 0
    const second = await attributedOrder(product.slug, partner.id, 3); // 585.00 RUB
    await move(first.id, "CONFIRMED");
    await move(second.id, "CONFIRMED");

    // Not yet: the hold has not ended.
    expect(await releaseHeldCommissions({ partnerId: partner.id })).toBe(0);
    const { holdDays } = await getProgramSettings();
    const afterHold = new Date(Date.now() + (holdDays + 1) * DAY);
    expect(await releaseHeldCommissions({ now: afterHold, partnerId: partner.id })).toBe(2);
    expect(await releaseHeldCommissions({ now: afterHold, partnerId: partner.id })).toBe(0);
    expect((await commissionsOf(first.id)).map((c) => c.status)).toEqual(["AVAILABLE"]);

    const entries = await db.partnerLedgerEntry.findMany({ where: { partnerId: partner.id }, select: { amount: true, kind: true, currency: true } });
    expect(entries.map((entry) => [entry.kind, entry.amount]).sort()).toEqual([
      ["COMMISSION", 19500], // 195.00 RUB
      ["COMMISSION", 58500], // 585.00 RUB
    ]);
    expect(await getPartnerBalance(partner.id, "RUB")).toBe(78000); // 780.00 RUB

    // The second order comes back after the commission became available: a negative entry.
    await moveThrough(second.id, ["SHIPPED", "RETURNED"]);
    expect((await commissionsOf(second.id)).map((c) => c.status)).toEqual(["CANCELLED"]);
    const reversal = await db.partnerLedgerEntry.findMany({ where: { partnerId: partner.id, kind: "COMMISSION_REVERSAL" }, select: { amount: true } });
    expect(reversal).toEqual([{ amount: -58500 }]); // −585.00 RUB
    // The balance is always the sum of the entries.
    const all = await db.partnerLedgerEntry.findMany({ where: { partnerId: partner.id }, select: { amount: true } });
    expect(await getPartnerBalances(partner.id)).toEqual([{ currency: "RUB", amount: all.reduce((sum, entry) => sum + entry.amount, 0) }]);
    expect(await getPartnerBalance(partner.id, "RUB")).toBe(19500); // 195.00 RUB

    // A reversed commission does not come back to life (its credit and reversal are final).
    const third = await attributedOrder(product.slug, partner.id);
    await moveThrough(third.id, ["CONFIRMED"]);
    await releaseHeldCommissions({ now: afterHold, partnerId: partner.id });
    await move(third.id, "CANCELLED");
    await move(third.id, "UNCONFIRMED");
    expect((await commissionsOf(third.id)).map((c) => c.status)).toEqual(["CANCELLED"]);
    expect(await getPartnerBalance(partner.id, "RUB")).toBe(19500); // 195.00 RUB
  });
});
