// Payouts against a real PostgreSQL: a partner with available commissions requests a payout
// (above the balance or below the minimum: refused, nothing written), the shop approves and pays
// it with a reference (commissions PAID) or rejects it (money and commissions back); a return
// after payout is a negative entry taken from the next payout. Staff roles and bad input are
// refused with clear errors.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { releaseHeldCommissions } from "@/lib/affiliates/commissions/release-held-commissions";
import { getPartnerBalance } from "@/lib/affiliates/ledger/get-partner-balance";
import { getPartnerEarnings } from "@/lib/affiliates/ledger/get-partner-earnings";
import { listLedgerEntries } from "@/lib/affiliates/ledger/list-ledger-entries";
import { approvePayout } from "@/lib/affiliates/payouts/approve-payout";
import { exportPayoutsCsv, PAYOUT_CSV_COLUMNS } from "@/lib/affiliates/payouts/export-payouts-csv";
import { listPartnerPayouts, listPayouts } from "@/lib/affiliates/payouts/list-payouts";
import { markPayoutPaid } from "@/lib/affiliates/payouts/mark-payout-paid";
import { rejectPayout } from "@/lib/affiliates/payouts/reject-payout";
import { requestPayout } from "@/lib/affiliates/payouts/request-payout";
import { getProgramSettings } from "@/lib/affiliates/program-settings";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import type { OrderStatus, Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { changeOrderStatus } from "@/lib/orders/change-order-status";

const fx = checkoutFixtures("aff-pay");
const run = randomUUID().slice(0, 8);
const DAY = 24 * 60 * 60 * 1000;
const partnerIds: string[] = [];
const users: Partial<Record<Role, { id: string; role: Role }>> = {};
let productSlug = "";
/** Level 0 pays this per order: 600.00 RUB. */
const PER_ORDER = 60000;
let minimum = 0;

async function createPartner(suffix: string) {
  const login = `pay_${run}_${suffix}`;
  const partner = await db.partner.create({
    data: { login, email: `${login}@partners.test`, name: `Partner ${suffix}`, passwordHash: "x", status: "ACTIVE", payoutMethod: "card", payoutDetails: "4000 0000 0000 0002" },
    select: { id: true },
  });
  partnerIds.push(partner.id);
  return partner;
}

const move = (orderId: string, to: OrderStatus) => changeOrderStatus({ orderId, to, actor: { type: "SYSTEM" } });

/** `count` confirmed orders of the partner whose commissions are past the hold: AVAILABLE. */
async function earn(partnerId: string, count: number): Promise<string[]> {
  const orderIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const { order } = await placeOrder(fx.input(productSlug), { ip: fx.ip(), attribution: { partnerId } });
    await move(order.id, "CONFIRMED");
    orderIds.push(order.id);
  }
  const { holdDays } = await getProgramSettings();
  await releaseHeldCommissions({ now: new Date(Date.now() + (holdDays + 1) * DAY), partnerId });
  return orderIds;
}

async function expectAppError(promise: Promise<unknown>, code: string, fieldErrors?: Record<string, string[]>) {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, "expected an AppError").toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (fieldErrors) expect((error as AppError).fieldErrors).toEqual(fieldErrors);
}

const writesOf = async (partnerId: string) => ({
  payouts: await db.payout.count({ where: { partnerId } }),
  entries: await db.partnerLedgerEntry.count({ where: { partnerId } }),
  attached: await db.commission.count({ where: { partnerId, payoutId: { not: null } } }),
});

const commissionStatuses = (payoutId: string) => db.commission.findMany({ where: { payoutId }, select: { status: true, paidAt: true } });

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  minimum = (await getProgramSettings()).minimumPayout.amount;
  const product = await fx.createProduct({ confirmationMode: "OPERATOR" });
  await db.productCommission.create({ data: { productId: product.id, level: 0, kind: "FIXED", value: PER_ORDER } });
  productSlug = product.slug;
  for (const role of ["OWNER", "ACCOUNTANT", "OPERATOR"] as Role[]) {
    users[role] = await db.user.create({ data: { email: `${role.toLowerCase()}-${randomUUID()}@payouts.test`, name: role, role, passwordHash: "x" }, select: { id: true, role: true } });
  }
});

afterAll(async () => {
  await db.partnerLedgerEntry.deleteMany({ where: { partnerId: { in: partnerIds } } });
  await db.commission.deleteMany({ where: { partnerId: { in: partnerIds } } });
  const payouts = await db.payout.findMany({ where: { partnerId: { in: partnerIds } }, select: { id: true } });
  await db.auditLog.deleteMany({ where: { entityType: "Payout", entityId: { in: payouts.map((payout) => payout.id) } } });
  await db.payout.deleteMany({ where: { partnerId: { in: partnerIds } } });
  await fx.cleanup();
  await db.partner.deleteMany({ where: { id: { in: partnerIds } } });
  const ids = Object.values(users).map((user) => user.id);
  await db.auditLog.deleteMany({ where: { actorId: { in: ids } } });
  await db.user.deleteMany({ where: { id: { in: ids } } });
  await disconnectDb();
});

describe("requestPayout", () => {
  it("refuses an amount above the available balance, below the minimum, or malformed, writing nothing", async () => {
    const partner = await createPartner("refused");
    // Below the minimum altogether: nothing can be requested yet.
    await expectAppError(requestPayout(partner.id, { amount: minimum, currency: "RUB" }), "VALIDATION", { amount: ["affiliatePayouts.errors.balanceBelowMinimum"] });

    const orders = Math.ceil(minimum / PER_ORDER) + 1;
    await earn(partner.id, orders);
    const balance = await getPartnerBalance(partner.id, "RUB");
    expect(balance).toBe(orders * PER_ORDER);
    const before = await writesOf(partner.id);

    await expectAppError(requestPayout(partner.id, { amount: balance + 1, currency: "RUB" }), "VALIDATION", { amount: ["affiliatePayouts.errors.aboveBalance"] }); // 0.01 RUB too much
    await expectAppError(requestPayout(partner.id, { amount: minimum - 1, currency: "RUB" }), "VALIDATION", { amount: ["affiliatePayouts.errors.belowMinimum"] });
    await expectAppError(requestPayout(partner.id, { amount: 100.5, currency: "RUB" }), "VALIDATION", { amount: ["affiliatePayouts.errors.amountInvalid"] });
    await expectAppError(requestPayout(partner.id, { amount: "lots", currency: "rubles" }), "VALIDATION", {
      amount: ["affiliatePayouts.errors.amountInvalid"],
      currency: ["affiliatePayouts.errors.currencyInvalid"],
    });
    await expectAppError(requestPayout(partner.id, { amount: -100, currency: "RUB" }), "VALIDATION");
    await expectAppError(requestPayout(`nobody-${run}`, { amount: minimum, currency: "RUB" }), "NOT_FOUND");
    expect(await writesOf(partner.id)).toEqual(before);
    expect(await getPartnerBalance(partner.id, "RUB")).toBe(balance);
  });
});

describe("the payout flow", () => {
  it("request → approve → pay: ledger debit at request, commissions PAID with the reference", async () => {
    const partner = await createPartner("flow");
    const orders = Math.ceil(minimum / PER_ORDER) + 1;
    await earn(partner.id, orders);
    const balance = orders * PER_ORDER;

    const payout = await requestPayout(partner.id, { amount: balance, currency: "RUB" });
    expect(payout.commissionIds).toHaveLength(orders);
    expect(await getPartnerBalance(partner.id, "RUB")).toBe(0);
    expect(await db.payout.findUniqueOrThrow({ where: { id: payout.id }, select: { status: true, amount: true, method: true, details: true } })).toEqual({
      status: "REQUESTED",
      amount: balance,
      method: "card",
      details: "4000 0000 0000 0002",
    });
    const entries = await listLedgerEntries(partner.id);
    expect(entries[0]).toMatchObject({ kind: "PAYOUT", amount: -balance, payoutId: payout.id });
    expect(typeof entries[0]!.createdAt).toBe("string");

    // Not the operator's business; bad input is refused.
    await expectAppError(approvePayout({ payoutId: payout.id }, users.OPERATOR!), "FORBIDDEN");
    await expectAppError(markPayoutPaid({ payoutId: payout.id, reference: "  " }, users.ACCOUNTANT!), "VALIDATION", { reference: ["affiliatePayouts.errors.referenceRequired"] });
    await expectAppError(approvePayout({ payoutId: `missing-${run}` }, users.OWNER!), "NOT_FOUND");

    await approvePayout({ payoutId: payout.id }, users.OWNER!);
    await expectAppError(approvePayout({ payoutId: payout.id }, users.OWNER!), "CONFLICT");
    expect((await commissionStatuses(payout.id)).every((c) => c.status === "AVAILABLE")).toBe(true);

    const paid = await markPayoutPaid({ payoutId: payout.id, reference: "SBP-000123" }, users.ACCOUNTANT!);
    expect(paid.paidCommissions).toBe(orders);
    expect(await db.payout.findUniqueOrThrow({ where: { id: payout.id }, select: { status: true, reference: true, processedById: true } })).toEqual({
      status: "PAID",
      reference: "SBP-000123",
      processedById: users.ACCOUNTANT!.id,
    });
    expect((await commissionStatuses(payout.id)).every((c) => c.status === "PAID" && c.paidAt)).toBe(true);
    // Paid is final.
    await expectAppError(rejectPayout({ payoutId: payout.id, reason: "late" }, users.OWNER!), "CONFLICT");
    await expectAppError(markPayoutPaid({ payoutId: payout.id, reference: "again" }, users.OWNER!), "CONFLICT");
    expect(await getPartnerBalance(partner.id, "RUB")).toBe(0);

    // The queue and the partner's history show it; the cabinet's split counts it as paid.
    const queue = await listPayouts({ partnerId: partner.id }, users.ACCOUNTANT!);
    expect(queue).toMatchObject([{ id: payout.id, status: "PAID", reference: "SBP-000123", commissionCount: orders, partner: { id: partner.id } }]);
    expect(typeof queue[0]!.paidAt).toBe("string");
    await expectAppError(listPayouts({}, users.OPERATOR!), "FORBIDDEN");
    await expectAppError(listPayouts({ status: "SENT" }, users.OWNER!), "VALIDATION");
    expect((await listPartnerPayouts(partner.id)).map((row) => row.id)).toEqual([payout.id]);
    const other = await createPartner("other");
    expect(await listPartnerPayouts(other.id)).toEqual([]);
    expect(await getPartnerEarnings(partner.id)).toEqual([{ currency: "RUB", pending: 0, onHold: 0, available: 0, paid: balance }]);

    const headers = Object.fromEntries(PAYOUT_CSV_COLUMNS.map((column) => [column, column])) as Parameters<typeof exportPayoutsCsv>[2];
    const csv = await exportPayoutsCsv({ status: "PAID" }, users.ACCOUNTANT!, headers);
    expect(csv.split("\r\n").find((line) => line.startsWith(`${payout.id},`))).toContain(",SBP-000123,");
    await expectAppError(exportPayoutsCsv({}, users.OPERATOR!, headers), "FORBIDDEN");
  });

  it("reject: the amount returns to the balance and the commissions are free for the next request", async () => {
    const partner = await createPartner("reject");
    const orders = Math.ceil(minimum / PER_ORDER);
    await earn(partner.id, orders);
    const balance = orders * PER_ORDER;
    const payout = await requestPayout(partner.id, { amount: balance, currency: "RUB" });

    await expectAppError(rejectPayout({ payoutId: payout.id, reason: "" }, users.OWNER!), "VALIDATION", { reason: ["affiliatePayouts.errors.reasonRequired"] });
    await rejectPayout({ payoutId: payout.id, reason: "Card details do not match the name" }, users.OWNER!);
    expect(await db.payout.findUniqueOrThrow({ where: { id: payout.id }, select: { status: true, reason: true } })).toEqual({
      status: "REJECTED",
      reason: "Card details do not match the name",
    });
    expect(await getPartnerBalance(partner.id, "RUB")).toBe(balance);
    expect(await db.commission.count({ where: { partnerId: partner.id, payoutId: { not: null } } })).toBe(0);
    expect(await db.partnerLedgerEntry.findFirst({ where: { payoutId: payout.id, kind: "PAYOUT_REJECTED" }, select: { amount: true } })).toEqual({ amount: balance });

    const again = await requestPayout(partner.id, { amount: balance, currency: "RUB" });
    expect(again.commissionIds.sort()).toEqual(payout.commissionIds.sort());
  });

  it("a return after payout is a negative entry, taken from the next payout", async () => {
    const partner = await createPartner("reversal");
    const orders = Math.ceil(minimum / PER_ORDER);
    const orderIds = await earn(partner.id, orders);
    const payout = await requestPayout(partner.id, { amount: orders * PER_ORDER, currency: "RUB" });
    await markPayoutPaid({ payoutId: payout.id, reference: "BANK-1" }, users.OWNER!);

    // The first order comes back after its commission was paid.
    await move(orderIds[0]!, "SHIPPED");
    await move(orderIds[0]!, "RETURNED");
    const reversed = await db.commission.findFirstOrThrow({ where: { orderId: orderIds[0]! }, select: { status: true, paidAt: true, payoutId: true } });
    expect(reversed).toMatchObject({ status: "CANCELLED", payoutId: payout.id });
    expect(await db.partnerLedgerEntry.findMany({ where: { partnerId: partner.id, kind: "COMMISSION_REVERSAL" }, select: { amount: true } })).toEqual([{ amount: -PER_ORDER }]);
    expect(await getPartnerBalance(partner.id, "RUB")).toBe(-PER_ORDER); // owes 600.00 RUB

    // New earnings first cover the debt: the next payout is smaller by the reversal.
    const more = Math.ceil(minimum / PER_ORDER) + 1;
    await earn(partner.id, more);
    const balance = await getPartnerBalance(partner.id, "RUB");
    expect(balance).toBe((more - 1) * PER_ORDER);
    await expectAppError(requestPayout(partner.id, { amount: more * PER_ORDER, currency: "RUB" }), "VALIDATION", { amount: ["affiliatePayouts.errors.aboveBalance"] });
    const next = await requestPayout(partner.id, { amount: balance, currency: "RUB" });
    // It includes every new commission: their sum less the debt is what is paid.
    expect(next.commissionIds).toHaveLength(more);
    await markPayoutPaid({ payoutId: next.id, reference: "BANK-2" }, users.OWNER!);
    expect(await getPartnerBalance(partner.id, "RUB")).toBe(0);
    expect(await db.commission.count({ where: { partnerId: partner.id, status: "PAID" } })).toBe(orders - 1 + more);
  });
});
