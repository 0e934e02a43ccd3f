// Co-owners against a real, migrated PostgreSQL of its own (share rules are shop-wide, so the
// 100 % limit and the figures need a database where this file decides who the co-owners are):
// who may manage them (OWNER only) and read the figures (Finance), validation, the 100 % limit
// (most specific rule per co-owner, exactly 100 % allowed, deactivated co-owners free their part,
// two owners at once), audit entries; and the figures: PAID orders with known totals, base costs
// and commissions split over their items → exact shares per Moscow month, product and currency,
// consistent with the report's "Received", and the CSV.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { withDatabase } from "@/lib/db/embedded";
import type { CommissionStatus, OrderStatus, Role } from "@/lib/db/generated/enums";
import { createMigratedDatabase } from "../helpers/test-database";
import type * as DbModule from "@/lib/db";
import type * as CreateModule from "@/lib/coowners/create-coowner";
import type * as UpdateModule from "@/lib/coowners/update-coowner";
import type * as SetActiveModule from "@/lib/coowners/set-coowner-active";
import type * as DeleteModule from "@/lib/coowners/delete-coowner";
import type * as SetShareModule from "@/lib/coowners/set-coowner-share";
import type * as DeleteShareModule from "@/lib/coowners/delete-coowner-share";
import type * as ListModule from "@/lib/coowners/list-coowners";
import type * as SharesModule from "@/lib/reports/get-coowner-shares";
import type * as FinanceModule from "@/lib/reports/get-finance-report";
import type * as CsvModule from "@/lib/reports/export-coowner-shares-csv";
import type * as PeriodModule from "@/lib/reports/resolve-period";
import { refusal } from "../helpers/refusal";

const run = randomUUID().replaceAll("-", "").slice(0, 8);
const databaseName = `lavka_test_coowners_${run}`;

let db: typeof DbModule.db;
let disconnectDb: typeof DbModule.disconnectDb;
let createCoOwner: typeof CreateModule.createCoOwner;
let updateCoOwner: typeof UpdateModule.updateCoOwner;
let setCoOwnerActive: typeof SetActiveModule.setCoOwnerActive;
let deleteCoOwner: typeof DeleteModule.deleteCoOwner;
let setCoOwnerShare: typeof SetShareModule.setCoOwnerShare;
let deleteCoOwnerShare: typeof DeleteShareModule.deleteCoOwnerShare;
let listCoOwners: typeof ListModule.listCoOwners;
let getCoOwnerShares: typeof SharesModule.getCoOwnerShares;
let getFinanceReport: typeof FinanceModule.getFinanceReport;
let exportCoOwnerSharesCsv: typeof CsvModule.exportCoOwnerSharesCsv;
let resolvePeriod: typeof PeriodModule.resolvePeriod;

const actors = {} as Record<Role, { id: string; role: Role }>;
let owner: { id: string; role: Role };
let productX = "";
let productY = "";

beforeAll(async () => {
  process.env.DATABASE_URL = await createMigratedDatabase(inject("serverUrl"), databaseName);
  ({ db, disconnectDb } = await import("@/lib/db"));
  ({ createCoOwner } = await import("@/lib/coowners/create-coowner"));
  ({ updateCoOwner } = await import("@/lib/coowners/update-coowner"));
  ({ setCoOwnerActive } = await import("@/lib/coowners/set-coowner-active"));
  ({ deleteCoOwner } = await import("@/lib/coowners/delete-coowner"));
  ({ setCoOwnerShare } = await import("@/lib/coowners/set-coowner-share"));
  ({ deleteCoOwnerShare } = await import("@/lib/coowners/delete-coowner-share"));
  ({ listCoOwners } = await import("@/lib/coowners/list-coowners"));
  ({ getCoOwnerShares } = await import("@/lib/reports/get-coowner-shares"));
  ({ getFinanceReport } = await import("@/lib/reports/get-finance-report"));
  ({ exportCoOwnerSharesCsv } = await import("@/lib/reports/export-coowner-shares-csv"));
  ({ resolvePeriod } = await import("@/lib/reports/resolve-period"));
  for (const role of ["OWNER", "MANAGER", "OPERATOR", "LOGISTICS", "ACCOUNTANT"] as Role[]) {
    const user = await db.user.create({ data: { email: `${role.toLowerCase()}-${run}@staff.lavka.test`, name: `${role} ${run}`, role, passwordHash: "x" }, select: { id: true } });
    actors[role] = { id: user.id, role };
  }
  owner = actors.OWNER;
  for (const code of ["RUB", "USD"]) await db.currency.upsert({ where: { code }, update: {}, create: { code, name: code, symbol: code } });
  productX = (await db.product.create({ data: { slug: `x-${run}`, name: "Watch X", currency: "RUB" }, select: { id: true } })).id;
  productY = (await db.product.create({ data: { slug: `y-${run}`, name: "Watch Y", currency: "RUB" }, select: { id: true } })).id;
});

afterAll(async () => {
  await disconnectDb?.();
  const globalForPool = globalThis as unknown as { lavkaPgPool?: pg.Pool };
  await globalForPool.lavkaPgPool?.end();
  globalForPool.lavkaPgPool = undefined;
  const client = new pg.Client({ connectionString: withDatabase(inject("serverUrl"), "postgres") });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`).finally(() => client.end());
});

const state = async () => ({
  coOwners: await db.coOwner.count(),
  shares: await db.coOwnerShare.findMany({ select: { coOwnerId: true, productId: true, basisPoints: true }, orderBy: [{ coOwnerId: "asc" }, { productId: "asc" }] }),
});

describe("co-owner rules", () => {
  beforeAll(async () => {
    await db.coOwner.deleteMany();
  });

  it("lets only the owner manage co-owners, and changes nothing for anyone else", async () => {
    const existing = await createCoOwner({ name: "Existing" }, owner);
    const before = await state();
    for (const role of ["MANAGER", "OPERATOR", "LOGISTICS", "ACCOUNTANT"] as Role[]) {
      const actor = actors[role];
      for (const attempt of [
        createCoOwner({ name: "Intruder", share: { productId: null, basisPoints: 100 } }, actor),
        updateCoOwner(existing.id, { name: "Renamed" }, actor),
        setCoOwnerShare(existing.id, { productId: null, basisPoints: 100 }, actor),
        setCoOwnerActive(existing.id, { isActive: false }, actor),
        deleteCoOwner(existing.id, actor),
        listCoOwners(actor),
      ]) {
        expect((await refusal(attempt)).code).toBe("FORBIDDEN");
      }
    }
    // A forged actor (no such role) is refused too.
    expect((await refusal(createCoOwner({ name: "Forged" }, { id: owner.id, role: "ROOT" as Role }))).code).toBe("FORBIDDEN");
    expect(await state()).toEqual(before);
    expect((await db.coOwner.findUniqueOrThrow({ where: { id: existing.id } })).name).toBe("Existing");
    await deleteCoOwner(existing.id, owner);
  });

  it("validates a co-owner and a share, naming the fields, and writes nothing", async () => {
    const before = await state();
    const bad = await refusal(createCoOwner({ name: "  ", email: "not-an-email", note: "x".repeat(1001), share: { productId: null, basisPoints: 0 } }, owner));
    expect(bad.code).toBe("VALIDATION");
    expect(bad.fieldErrors).toEqual({
      name: ["settings.coowners.errors.nameRequired"],
      email: ["settings.coowners.errors.emailInvalid"],
      note: ["settings.coowners.errors.tooLong"],
      "share.basisPoints": ["settings.coowners.errors.shareInvalid"],
    });
    for (const basisPoints of [0, -5, 10_001, 12.5, "30"]) {
      const error = await refusal(createCoOwner({ name: "Anna", share: { productId: null, basisPoints } }, owner));
      expect(error.fieldErrors).toEqual({ "share.basisPoints": ["settings.coowners.errors.shareInvalid"] });
    }
    expect((await refusal(createCoOwner({ name: "Anna", userId: "no-such-user" }, owner))).fieldErrors).toEqual({ userId: ["settings.coowners.errors.userUnknown"] });
    expect((await refusal(createCoOwner({ name: "Anna", share: { productId: "no-such-product", basisPoints: 100 } }, owner))).fieldErrors).toEqual({
      productId: ["settings.coowners.errors.productUnknown"],
    });
    expect((await refusal(setCoOwnerShare("no-such-coowner", { productId: null, basisPoints: 100 }, owner))).code).toBe("NOT_FOUND");
    expect(await state()).toEqual(before);

    // The bounds themselves are shares: 0.01 % and 100 %.
    const tiny = await createCoOwner({ name: "Tiny", email: " Tiny@Example.TEST ", userId: actors.ACCOUNTANT.id, share: { productId: productX, basisPoints: 1 } }, owner);
    expect(await db.coOwner.findUniqueOrThrow({ where: { id: tiny.id }, select: { email: true, userId: true, note: true } })).toEqual({
      email: "tiny@example.test",
      userId: actors.ACCOUNTANT.id,
      note: null,
    });
    await setCoOwnerShare(tiny.id, { productId: productY, basisPoints: 10_000 }, owner);
    await deleteCoOwner(tiny.id, owner);
    expect(await state()).toEqual(before);
  });

  it("keeps every product's shares at most 100 %, the most specific rule per co-owner counting", async () => {
    const anna = await createCoOwner({ name: "Anna", share: { productId: null, basisPoints: 6000 } }, owner); // 60 % of everything
    const boris = await createCoOwner({ name: "Boris", share: { productId: null, basisPoints: 4000 } }, owner); // 40 %: exactly 100 %

    // A third co-owner's 0.01 % of everything is too much, and the refused create leaves no co-owner behind.
    const before = await state();
    const over = await refusal(createCoOwner({ name: "Vera", share: { productId: null, basisPoints: 1 } }, owner));
    expect(over.code).toBe("CONFLICT");
    expect(over.fieldErrors).toEqual({ basisPoints: ["settings.coowners.errors.overLimit"] });
    expect(await state()).toEqual(before);

    // Anna's own rule for X replaces her 60 % there: 70 + 40 > 100, 50 + 40 fits.
    expect((await refusal(setCoOwnerShare(anna.id, { productId: productX, basisPoints: 7000 }, owner))).code).toBe("CONFLICT");
    await setCoOwnerShare(anna.id, { productId: productX, basisPoints: 5000 }, owner);
    // Now X has 10 % free: Vera may take it of X, but not of everything.
    const vera = await createCoOwner({ name: "Vera", share: { productId: productX, basisPoints: 1000 } }, owner);
    expect((await refusal(setCoOwnerShare(vera.id, { productId: null, basisPoints: 1 }, owner))).code).toBe("CONFLICT");

    // Setting a rule again replaces it (one all-products rule per co-owner), checked the same way.
    await setCoOwnerShare(boris.id, { productId: null, basisPoints: 3000 }, owner);
    expect(await db.coOwnerShare.findMany({ where: { coOwnerId: boris.id }, select: { productId: true, basisPoints: true } })).toEqual([{ productId: null, basisPoints: 3000 }]);
    expect((await refusal(setCoOwnerShare(boris.id, { productId: null, basisPoints: 4001 }, owner))).code).toBe("CONFLICT");

    // A deactivated co-owner frees their part; coming back is refused while it is taken.
    await setCoOwnerActive(boris.id, { isActive: false }, owner);
    await setCoOwnerShare(vera.id, { productId: null, basisPoints: 3500 }, owner); // everything else: 60 + 35; X: 50 + 10
    expect((await refusal(setCoOwnerActive(boris.id, { isActive: true }, owner))).code).toBe("CONFLICT");
    expect((await db.coOwner.findUniqueOrThrow({ where: { id: boris.id } })).isActive).toBe(false);

    const overview = await listCoOwners(owner);
    expect(overview.allProductsTotal).toBe(9500);
    expect(overview.productTotals).toEqual([{ productId: productX, productName: "Watch X", basisPoints: 6000 }]);
    expect(overview.coOwners.map((row) => [row.name, row.isActive, row.shares.map((share) => `${share.productName ?? "*"}:${share.basisPoints}`)])).toEqual([
      ["Anna", true, ["*:6000", "Watch X:5000"]],
      ["Vera", true, ["*:3500", "Watch X:1000"]],
      ["Boris", false, ["*:3000"]],
    ]);

    // Removing Vera's rule for X gives X her all-products 35 %: 50 + 35.
    const veraX = await db.coOwnerShare.findFirstOrThrow({ where: { coOwnerId: vera.id, productId: productX } });
    await deleteCoOwnerShare(veraX.id, owner);
    expect((await listCoOwners(owner)).productTotals).toEqual([{ productId: productX, productName: "Watch X", basisPoints: 8500 }]);
    expect((await refusal(deleteCoOwnerShare(veraX.id, owner))).code).toBe("NOT_FOUND");
  });

  it("audits every change with before and after", async () => {
    const entries = await db.auditLog.findMany({
      where: { action: { startsWith: "coowner." } },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true, entityType: true, data: true },
    });
    expect(entries.every((entry) => entry.actorId === owner.id)).toBe(true);
    const anna = await db.coOwner.findFirstOrThrow({ where: { name: "Anna" }, select: { id: true } });
    const annaX = entries.find(
      (entry) => entry.action === "coowner.share.set" && JSON.stringify(entry.data).includes(`"productId":"${productX}"`) && JSON.stringify(entry.data).includes(anna.id),
    );
    expect(annaX?.data).toEqual({ before: { coOwnerId: null, productId: null, basisPoints: null }, after: { coOwnerId: anna.id, productId: productX, basisPoints: 5000 } });
    const boris = await db.coOwner.findFirstOrThrow({ where: { name: "Boris" }, select: { id: true } });
    const borisChange = entries.find(
      (entry) => entry.action === "coowner.share.set" && JSON.stringify(entry.data).includes('"basisPoints":4000') && JSON.stringify(entry.data).includes('"basisPoints":3000'),
    );
    expect(borisChange?.data).toEqual({ before: { basisPoints: 4000 }, after: { basisPoints: 3000 } });
    expect(entries.filter((entry) => entry.action === "coowner.deactivate")).toHaveLength(1);
    expect(entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(["coowner.create", "coowner.delete", "coowner.share.delete"]));
    await updateCoOwner(boris.id, { name: "Boris B.", note: "Since 2015" }, owner);
    const update = await db.auditLog.findFirstOrThrow({ where: { action: "coowner.update", entityId: boris.id }, select: { data: true } });
    expect(update.data).toEqual({ before: { name: "Boris", note: null }, after: { name: "Boris B.", note: "Since 2015" } });
  });

  it("lets one of two owners win when both would take the last share at once", async () => {
    await db.coOwner.deleteMany();
    const [first, second] = [await createCoOwner({ name: "First" }, owner), await createCoOwner({ name: "Second" }, owner)];
    const results = await Promise.allSettled([
      setCoOwnerShare(first.id, { productId: null, basisPoints: 6000 }, owner),
      setCoOwnerShare(second.id, { productId: null, basisPoints: 6000 }, owner),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.coOwnerShare.count()).toBe(1);
  });
});

interface OrderSpec {
  status: OrderStatus;
  currency?: string;
  paidAt?: string;
  total: number;
  shipping?: number;
  items: { product: "X" | "Y"; total: number; unitCost: number; quantity?: number }[];
  commissions?: { amount: number; status: CommissionStatus }[];
}

describe("co-owner figures", () => {
  const ORDERS: OrderSpec[] = [
    // 2015-03-31 23:59:59 Moscow: March. Its 3,300.00 RUB and 330.00 commission split 2:1 over X and Y.
    {
      status: "PAID",
      paidAt: "2015-03-31T20:59:59Z",
      total: 330000, // 3,300.00 RUB, 300.00 of it shipping
      shipping: 30000,
      items: [
        { product: "X", total: 200000, unitCost: 50000, quantity: 2 }, // 2,000.00 RUB; cost 2 × 500.00
        { product: "Y", total: 100000, unitCost: 30000 }, // 1,000.00 RUB; cost 300.00
      ],
      commissions: [
        { amount: 33000, status: "APPROVED" }, // 330.00 RUB: X 220.00, Y 110.00
        { amount: 5000, status: "CANCELLED" }, // not counted
      ],
    },
    // 2015-04-01 00:00 Moscow: April. Three equal items share 1,000.00 RUB: 333.33, 333.33, 333.34.
    {
      status: "PAID",
      paidAt: "2015-03-31T21:00:00Z",
      total: 100000, // 1,000.00 RUB after a 2,000.00 discount
      items: [
        { product: "X", total: 100000, unitCost: 40000 },
        { product: "Y", total: 100000, unitCost: 10000 },
        { product: "X", total: 100000, unitCost: 0 },
      ],
      commissions: [{ amount: 10, status: "PAID" }], // 0.10 RUB: 0.03, 0.03, 0.04
    },
    // April, a loss on Y: 10.05 RUB for a 50.00 cost.
    { status: "PAID", paidAt: "2015-04-15T09:00:00Z", total: 1005, items: [{ product: "Y", total: 1005, unitCost: 5000 }] },
    // April in USD: its own rows, never added to roubles.
    { status: "PAID", currency: "USD", paidAt: "2015-04-20T12:00:00Z", total: 5000, items: [{ product: "X", total: 5000, unitCost: 1000 }] }, // 50.00 USD, cost 10.00
    // Paid, then returned: not bought out.
    { status: "RETURNED", paidAt: "2015-04-10T12:00:00Z", total: 70000, items: [{ product: "X", total: 70000, unitCost: 10000 }] },
    // Shipped, not paid.
    { status: "SHIPPED", total: 80000, items: [{ product: "X", total: 80000, unitCost: 10000 }] },
    // 2015-05-01 00:00 Moscow: May, outside March–April.
    { status: "PAID", paidAt: "2015-04-30T21:00:00Z", total: 90000, items: [{ product: "Y", total: 90000, unitCost: 10000 }] },
  ];
  const period = () => resolvePeriod({ from: "2015-03-01", to: "2015-04-30" });
  let anna = "";
  let boris = "";

  beforeAll(async () => {
    await db.coOwner.deleteMany();
    const customer = await db.customer.create({ data: { name: "Co-owner figures" }, select: { id: true } });
    const partner = await db.partner.create({ data: { login: `co-${run}`, email: `co-${run}@example.test`, name: "Partner", passwordHash: "x", status: "ACTIVE" }, select: { id: true } });
    for (const [index, spec] of ORDERS.entries()) {
      const currency = spec.currency ?? "RUB";
      const order = await db.order.create({
        data: {
          status: spec.status,
          paymentMethod: "COD",
          paymentStatus: spec.paidAt ? "PAID" : "UNPAID",
          customerId: customer.id,
          productId: productX,
          partnerId: partner.id,
          region: "RU",
          country: "RU",
          currency,
          itemsTotal: spec.items.reduce((sum, item) => sum + item.total, 0),
          discountTotal: spec.items.reduce((sum, item) => sum + item.total, 0) + (spec.shipping ?? 0) - spec.total,
          shippingTotal: spec.shipping ?? 0,
          total: spec.total,
          createdAt: new Date("2015-03-01T10:00:00Z"),
          paidAt: spec.paidAt ? new Date(spec.paidAt) : null,
          items: {
            // Ids in the order of the spec: the split's rounding goes by item id.
            create: spec.items.map((item, itemIndex) => ({
              id: `${run}-${index}-${itemIndex}`,
              productId: item.product === "X" ? productX : productY,
              productName: `Watch ${item.product}`,
              quantity: item.quantity ?? 1,
              unitPrice: item.total / (item.quantity ?? 1),
              unitCost: item.unitCost,
              total: item.total,
            })),
          },
        },
        select: { id: true },
      });
      for (const [level, commission] of (spec.commissions ?? []).entries()) {
        await db.commission.create({
          data: {
            orderId: order.id,
            partnerId: partner.id,
            level,
            amount: commission.amount,
            currency,
            ruleKind: "FIXED",
            ruleValue: commission.amount,
            trigger: "APPROVAL",
            status: commission.status,
          },
        });
      }
    }
    // Anna: 30 % of everything but 10 % of Y; Boris: 50 % of X only.
    anna = (await createCoOwner({ name: "Anna", share: { productId: null, basisPoints: 3000 } }, owner)).id;
    await setCoOwnerShare(anna, { productId: productY, basisPoints: 1000 }, owner);
    boris = (await createCoOwner({ name: "Boris", share: { productId: productX, basisPoints: 5000 } }, owner)).id;
  });

  it("splits each PAID order over its items and gives each co-owner their share per Moscow month", async () => {
    const { lines, totals } = await getCoOwnerShares(period());
    const row = (month: string, coOwnerId: string, currency: string, product: "X" | "Y") =>
      lines.find((line) => line.month === month && line.coOwnerId === coOwnerId && line.currency === currency && line.productId === (product === "X" ? productX : productY));
    // March, X: 2,200.00 revenue − 1,000.00 cost − 220.00 commission = 980.00.
    expect(row("2015-03", anna, "RUB", "X")).toMatchObject({ orders: 1, basisPoints: 3000, revenue: 220000n, baseCost: 100000n, commissions: 22000n, margin: 98000n, share: 29400n });
    expect(row("2015-03", boris, "RUB", "X")).toMatchObject({ basisPoints: 5000, margin: 98000n, share: 49000n });
    // March, Y: 1,100.00 − 300.00 − 110.00 = 690.00; Anna's own 10 % rule, Boris has none.
    expect(row("2015-03", anna, "RUB", "Y")).toMatchObject({ basisPoints: 1000, revenue: 110000n, baseCost: 30000n, commissions: 11000n, margin: 69000n, share: 6900n });
    expect(row("2015-03", boris, "RUB", "Y")).toBeUndefined();
    // April, X: 333.33 + 333.34 revenue − 400.00 cost − 0.07 commission = 266.60.
    expect(row("2015-04", anna, "RUB", "X")).toMatchObject({ orders: 1, revenue: 66667n, baseCost: 40000n, commissions: 7n, margin: 26660n, share: 7998n });
    expect(row("2015-04", boris, "RUB", "X")).toMatchObject({ margin: 26660n, share: 13330n });
    // April, Y: 333.33 + 10.05 − 100.00 − 50.00 − 0.03 = 193.35; 10 % is 19.335, rounded toward zero.
    expect(row("2015-04", anna, "RUB", "Y")).toMatchObject({ orders: 2, revenue: 34338n, baseCost: 15000n, commissions: 3n, margin: 19335n, share: 1933n });
    // April in USD: 50.00 − 10.00.
    expect(row("2015-04", anna, "USD", "X")).toMatchObject({ revenue: 5000n, baseCost: 1000n, commissions: 0n, margin: 4000n, share: 1200n });
    expect(row("2015-04", boris, "USD", "X")).toMatchObject({ share: 2000n });
    expect(lines).toHaveLength(8);

    expect(totals.map(({ month, coOwnerName, currency, margin, share }) => ({ month, coOwnerName, currency, margin, share }))).toEqual([
      { month: "2015-03", coOwnerName: "Anna", currency: "RUB", margin: 167000n, share: 36300n }, // 294.00 + 69.00
      { month: "2015-03", coOwnerName: "Boris", currency: "RUB", margin: 98000n, share: 49000n },
      { month: "2015-04", coOwnerName: "Anna", currency: "RUB", margin: 45995n, share: 9931n }, // 79.98 + 19.33
      { month: "2015-04", coOwnerName: "Anna", currency: "USD", margin: 4000n, share: 1200n },
      { month: "2015-04", coOwnerName: "Boris", currency: "RUB", margin: 26660n, share: 13330n },
      { month: "2015-04", coOwnerName: "Boris", currency: "USD", margin: 4000n, share: 2000n },
    ]);
  });

  it("adds up to the report's Received margin for a co-owner of every product", async () => {
    const report = await getFinanceReport({ from: "2015-03-01", to: "2015-03-31" }, new Date("2015-06-01T12:00:00Z"));
    expect(report.received).toEqual([expect.objectContaining({ currency: "RUB", revenue: 330000n, baseCost: 130000n, commissions: 33000n, margin: 167000n })]);
    const { totals } = await getCoOwnerShares(resolvePeriod({ from: "2015-03-01", to: "2015-03-31" }));
    expect(totals.find((total) => total.coOwnerId === anna)).toMatchObject({ revenue: 330000n, baseCost: 130000n, commissions: 33000n, margin: 167000n });
  });

  it("leaves out inactive co-owners", async () => {
    await setCoOwnerActive(boris, { isActive: false }, owner);
    try {
      const { totals } = await getCoOwnerShares(period());
      expect(new Set(totals.map((total) => total.coOwnerName))).toEqual(new Set(["Anna"]));
    } finally {
      await setCoOwnerActive(boris, { isActive: true }, owner);
    }
  });

  it("downloads the lines as CSV for Finance readers, defused and audited", async () => {
    await updateCoOwner(boris, { name: "=HYPERLINK(1)" }, owner);
    try {
      const { csv, fromDay, toDay } = await exportCoOwnerSharesCsv({ from: "2015-04-01", to: "2015-04-30" }, actors.ACCOUNTANT);
      expect([fromDay, toDay]).toEqual(["2015-04-01", "2015-04-30"]);
      const rows = csv
        .replace(/^\uFEFF/, "")
        .trimEnd()
        .split("\r\n");
      expect(rows[0]).toBe("month,coOwner,currency,product,sharePercent,orders,revenue,baseCost,commissions,margin,share");
      expect(rows).toContain("2015-04,Anna,RUB,Watch Y,10.00,2,343.38,150.00,0.03,193.35,19.33");
      expect(rows).toContain("2015-04,'=HYPERLINK(1),RUB,Watch X,50.00,1,666.67,400.00,0.07,266.60,133.30");
      expect(rows).toContain("2015-04,'=HYPERLINK(1),USD,Watch X,50.00,1,50.00,10.00,0.00,40.00,20.00");
      expect(rows).toHaveLength(1 + 5);
      const audit = await db.auditLog.findFirstOrThrow({ where: { action: "finance.coowners.export", actorId: actors.ACCOUNTANT.id }, select: { data: true } });
      expect(audit.data).toEqual({ fromDay: "2015-04-01", toDay: "2015-04-30", rows: 5 });
    } finally {
      await updateCoOwner(boris, { name: "Boris" }, owner);
    }
    for (const role of ["MANAGER", "OPERATOR", "LOGISTICS"] as Role[]) expect((await refusal(exportCoOwnerSharesCsv({ period: "month" }, actors[role]))).code).toBe("FORBIDDEN");
    const exports = await db.auditLog.count({ where: { action: "finance.coowners.export" } });
    await expect(exportCoOwnerSharesCsv({ from: "2015-04-30", to: "2015-04-01" }, owner)).rejects.toThrow();
    expect(await db.auditLog.count({ where: { action: "finance.coowners.export" } })).toBe(exports);
  });
});
