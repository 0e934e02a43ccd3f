// The order counters ("OrderStatusCount") and daily rollups ("OrderDailyRollup") that the order
// list, the dashboard and finance read (issue 13) against a full recount of the orders, after
// every kind of write: the checkout's hand-written SQL insert (plain, attributed with
// commissions, NONE-confirmed, duplicate), every status move through changeOrderStatus, a bulk
// change, an edit before shipping (items and totals), a customer merge (one UPDATE of many
// orders), a commission cancelled by a status change, a delete, and the rebuild. Other test
// files write orders at the same time: each comparison reads the rollups and the recount in one
// REPEATABLE READ snapshot, in which triggers and orders always agree — or do not, which is the bug.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { mergeCustomers } from "@/lib/crm/merge/merge-customers";
import { db, disconnectDb } from "@/lib/db";
import type { OrderStatus, Role } from "@/lib/db/generated/enums";
import { bulkChangeOrderStatus } from "@/lib/orders/bulk-change-order-status";
import { changeOrderStatus } from "@/lib/orders/change-order-status";
import { countOrdersByStatus, NO_PARTNER, ORDER_COUNT_LIMIT, orderFilterWhere, type TOrderFilters, ZOrderFilters } from "@/lib/orders/list-orders";
import { ORDER_STATUSES } from "@/lib/orders/transitions";
import { updateOrderBeforeShipping } from "@/lib/orders/update-order-before-shipping";
import { getFinanceReport } from "@/lib/reports/get-finance-report";
import { getGeneralStats } from "@/lib/reports/get-general-stats";
import { compactOrderRollups } from "@/lib/reports/compact-order-rollups";
import { rebuildOrderRollups } from "@/lib/reports/rebuild-order-rollups";
import { holdTransactionOpen } from "../helpers/held-transaction";

const fx = checkoutFixtures("rollups");
const users: Partial<Record<Role, { id: string; role: Role }>> = {};
const actor = (role: Role) => ({ type: "USER" as const, id: users[role]!.id, role });
const partnerIds: string[] = [];

interface Drift {
  what: string;
  key: string;
  counted: string;
  recounted: string;
}

/**
 * Every key where the trigger-kept figures differ from a recount of the orders (empty = exact),
 * both read in one snapshot.
 */
async function drift(): Promise<Drift[]> {
  return db.$transaction(
    async (tx) => {
      const rollups = await tx.$queryRaw<Drift[]>`
        WITH kept AS (
          SELECT "kind", "day", "status", "paymentMethod", "paymentStatus", "currency",
                 sum("orders")::bigint AS orders, sum("total")::bigint AS total, sum("shipping")::bigint AS shipping,
                 sum("baseCost")::bigint AS "baseCost", sum("commissions")::bigint AS commissions
          FROM "OrderDailyRollup" GROUP BY 1, 2, 3, 4, 5, 6
        ), recount AS (SELECT * FROM lavka_order_rollups_recount())
        SELECT 'rollup' AS what,
               concat_ws(' ', coalesce(k.kind, r.kind), coalesce(k.day, r.day), coalesce(k.status, r.status), coalesce(k."paymentMethod", r."paymentMethod"),
                         coalesce(k."paymentStatus", r."paymentStatus"), coalesce(k.currency, r.currency)) AS key,
               concat_ws('/', k.orders, k.total, k.shipping, k."baseCost", k.commissions) AS counted,
               concat_ws('/', r.orders, r.total, r.shipping, r."baseCost", r.commissions) AS recounted
        FROM kept k
        FULL JOIN recount r ON (k.kind, k.day, k.status, k."paymentMethod", k."paymentStatus", k.currency) = (r.kind, r.day, r.status, r."paymentMethod", r."paymentStatus", r.currency)
        WHERE (coalesce(k.orders, 0), coalesce(k.total, 0), coalesce(k.shipping, 0), coalesce(k."baseCost", 0), coalesce(k.commissions, 0))
              IS DISTINCT FROM (coalesce(r.orders, 0), coalesce(r.total, 0), coalesce(r.shipping, 0), coalesce(r."baseCost", 0), coalesce(r.commissions, 0))`;
      const counts = await tx.$queryRaw<Drift[]>`
        SELECT 'status count' AS what, coalesce(k.status, r.status)::text AS key, coalesce(k.count, 0)::text AS counted, coalesce(r.count, 0)::text AS recounted
        FROM (SELECT "status", sum("count") AS count FROM "OrderStatusCount" GROUP BY 1) k
        FULL JOIN (SELECT "status", count(*) AS count FROM "Order" GROUP BY 1) r ON k.status = r.status
        WHERE coalesce(k.count, 0) <> coalesce(r.count, 0)`;
      return [...rollups, ...counts];
    },
    { isolationLevel: "RepeatableRead" },
  );
}

/** The rollup rows of this run's orders: their kinds and statuses, to prove the test moved something. */
const rollupKindsOf = (orderIds: string[]) =>
  db.$queryRaw<{ kind: string; status: OrderStatus; orders: number }[]>`
    SELECT r.kind::text AS kind, o.status, count(*)::int AS orders
    FROM "Order" o
    CROSS JOIN LATERAL (VALUES ('CREATED', o."createdAt"), ('CONFIRMED', o."confirmedAt"), ('SHIPPED', o."shippedAt"), ('PAID', o."paidAt")) r(kind, at)
    WHERE o.id = ANY(${orderIds}::text[]) AND r.at IS NOT NULL
    GROUP BY 1, 2 ORDER BY 1, 2`;

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  for (const role of ["OWNER", "MANAGER", "OPERATOR", "LOGISTICS"] as Role[]) {
    users[role] = await db.user.create({ data: { email: `${role.toLowerCase()}-${randomUUID()}@rollups.test`, name: role, role, passwordHash: "x" }, select: { id: true, role: true } });
  }
});

afterAll(async () => {
  await db.commission.deleteMany({ where: { partnerId: { in: partnerIds } } });
  await fx.cleanup();
  await db.partner.deleteMany({ where: { id: { in: partnerIds } } });
  const ids = Object.values(users).map((user) => user.id);
  await db.auditLog.deleteMany({ where: { actorId: { in: ids } } });
  await db.user.deleteMany({ where: { id: { in: ids } } });
  await disconnectDb();
});

describe("order counters and daily rollups", () => {
  it("stay equal to a full recount through every write path", async () => {
    expect(await drift(), "before this test").toEqual([]);

    // The checkout's SQL insert: EMAIL_LINK (UNCONFIRMED), OPERATOR, NONE (confirmed at once), a duplicate, a bump.
    const product = await fx.createProduct({ confirmationMode: "OPERATOR", stock: 100, baseCost: 70000 }); // 700.00 RUB a unit
    const instant = await fx.createProduct({ confirmationMode: "NONE", stock: 100 });
    const bump = await fx.createBump(product.id, { price: 25000 }); // 250.00 RUB
    const place = async (slug: string, overrides: Record<string, unknown> = {}, fields: Record<string, string> = {}, attribution?: { partnerId: string }) =>
      (await placeOrder(fx.input(slug, overrides, fields), { ip: fx.ip(), attribution })).order;
    const orders = [];
    for (let index = 0; index < 8; index++) orders.push(await place(product.slug, { quantity: 1 + (index % 3) }));
    const withBump = await place(product.slug, { bumpIds: [bump.id] });
    const confirmedAtOnce = await place(instant.slug);
    const phone = fx.phone();
    const first = await place(product.slug, {}, { phone });
    const duplicate = await place(product.slug, {}, { phone });
    expect(await drift(), "after checkout inserts").toEqual([]);

    // The checkout's statement counts its own order (and marks it so for the triggers, for the rest
    // of its transaction); an order written any other way (the demo data, a test: Prisma) counts
    // through the triggers, also in a transaction where another order was marked.
    const written = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT set_config('lavka.counted_order', ${first.id}, true)`;
      const customer = await tx.customer.create({ data: { name: "Written by Prisma" }, select: { id: true } });
      return tx.order.create({
        data: {
          customerId: customer.id,
          productId: product.id,
          paymentMethod: "COD",
          region: "RU",
          country: "RU",
          currency: "RUB",
          itemsTotal: 200000, // 2,000.00 RUB
          total: 200000,
          status: "CONFIRMED",
          confirmedAt: new Date(),
          items: { create: [{ productId: product.id, productName: "Written by Prisma", quantity: 2, unitPrice: 100000, unitCost: 70000, total: 200000 }] },
        },
        select: { id: true, customerId: true },
      });
    });
    expect(await db.customer.findUniqueOrThrow({ where: { id: written.customerId }, select: { ordersCount: true } })).toEqual({ ordersCount: 1 });
    const [firstCustomer, duplicateCustomer] = await Promise.all(
      [first, duplicate].map((order) => db.order.findUniqueOrThrow({ where: { id: order.id }, select: { customer: { select: { id: true, ordersCount: true } } } })),
    );
    expect(duplicateCustomer!.customer, "the second order of one phone counts on the same customer").toEqual(firstCustomer!.customer);
    expect(firstCustomer!.customer.ordersCount).toBe(2);
    expect(await drift(), "after an order written by Prisma").toEqual([]);

    // An attributed order: its commissions (level 0) enter through their own trigger.
    const partner = await db.partner.create({
      data: { login: `rollups-${fx.run}`, email: `rollups-${fx.run}@partners.test`, name: "Rollup partner", passwordHash: "x", status: "ACTIVE" },
      select: { id: true },
    });
    partnerIds.push(partner.id);
    await db.productCommission.create({ data: { productId: product.id, level: 0, kind: "PERCENT", value: 1000 } }); // 10 %
    const attributed = await place(product.slug, { quantity: 2 }, {}, { partnerId: partner.id });
    expect(await db.commission.count({ where: { orderId: attributed.id, status: { not: "CANCELLED" } } })).toBe(1);
    expect(await drift(), "after an attributed order").toEqual([]);

    // Every status, one move at a time.
    const [a, b, c, d, e, f, g, h] = orders;
    const move = (orderId: string, to: OrderStatus, role: Role = "OWNER", extra: Record<string, unknown> = {}) =>
      changeOrderStatus({ orderId, to, actor: actor(role), reason: "rollup test", ...extra });
    for (const [order, path] of [
      [a, ["CONFIRMED", "SHIPPED", "DELIVERED", "HANDED", "PAID"]],
      [b, ["CONFIRMED", "SHIPPED", "DELIVERED", "RETURNED"]],
      [c, ["CANCELLED"]],
      [d, ["SPAM"]],
      [e, ["DUPLICATE"]],
      [attributed, ["CONFIRMED", "CANCELLED"]],
      [withBump, ["CONFIRMED", "SHIPPED"]],
      [confirmedAtOnce, ["SHIPPED", "DELIVERED", "HANDED", "PAID"]],
    ] as const) {
      for (const to of path) await move(order!.id, to, "OWNER", to === "SHIPPED" ? { trackingNumber: "80101234567890" } : {});
    }
    expect(await db.commission.count({ where: { orderId: attributed.id, status: "CANCELLED" } }), "the cancelled order's commission").toBe(1);
    expect(await drift(), "after every status move").toEqual([]);

    // A bulk change, an edit before shipping (items and totals change), a merge, a delete.
    const { results } = await bulkChangeOrderStatus({ orderIds: [f!.id, g!.id, h!.id, a!.id], to: "CONFIRMED", actor: actor("OPERATOR") });
    expect(results.filter((result) => result.ok)).toHaveLength(3);
    const main = await db.orderItem.findFirstOrThrow({ where: { orderId: f!.id }, select: { id: true } });
    await updateOrderBeforeShipping({
      orderId: f!.id,
      items: [
        { itemId: main.id, productId: product.id, quantity: 3 },
        { productId: instant.id, quantity: 1 },
      ],
      actor: actor("MANAGER"),
    });
    const customers = await db.order.findMany({ where: { id: { in: [g!.id, h!.id, first.id] } }, select: { customerId: true } });
    await mergeCustomers({ customerIds: [...new Set(customers.map((row) => row.customerId))], mainId: customers[0]!.customerId }, users.MANAGER!);
    await db.order.update({ where: { id: duplicate.id }, data: { duplicateOfId: null } });
    await db.order.delete({ where: { id: duplicate.id } });
    expect(await drift(), "after bulk, edit, merge and delete").toEqual([]);

    // The run's orders reached every kind of row and a spread of statuses.
    const kinds = await rollupKindsOf([a!.id, b!.id, c!.id, d!.id, e!.id, f!.id, withBump.id, confirmedAtOnce.id, attributed.id]);
    expect(new Set(kinds.map((row) => row.kind))).toEqual(new Set(["CREATED", "CONFIRMED", "SHIPPED", "PAID"]));
    expect(new Set(kinds.map((row) => row.status))).toEqual(new Set(["PAID", "RETURNED", "CANCELLED", "SPAM", "DUPLICATE", "CONFIRMED", "SHIPPED"]));
  });

  it("concurrent order changes neither wait for one another on the counters nor deadlock", async () => {
    const product = await fx.createProduct({ confirmationMode: "OPERATOR", stock: 100 });
    const first = (await placeOrder(fx.input(product.slug), { ip: fx.ip() })).order;
    const second = (await placeOrder(fx.input(product.slug), { ip: fx.ip() })).order;
    const confirm = (tx: Pick<typeof db, "$executeRaw">, orderId: string) =>
      tx.$executeRaw`UPDATE "Order" SET status = 'CONFIRMED', "confirmedAt" = now() AT TIME ZONE 'UTC' WHERE id = ${orderId}`;
    // The first change stays uncommitted while the second, the same move of another order, runs
    // with a short lock timeout: counters kept in shared rows would make it wait (and time out).
    await db.$transaction(async (tx) => {
      await confirm(tx, first.id);
      await db.$transaction(async (other) => {
        await other.$executeRaw`SET LOCAL lock_timeout = '2s'`;
        await confirm(other, second.id);
      });
    });
    // Many small transactions moving orders both ways at once, as operators and workers do.
    const orders = await Promise.all(Array.from({ length: 6 }, async () => (await placeOrder(fx.input(product.slug), { ip: fx.ip() })).order));
    const outcomes = await Promise.allSettled(
      orders.flatMap((order, index) => [
        changeOrderStatus({ orderId: order.id, to: index % 2 ? "CONFIRMED" : "CANCELLED", actor: actor("OWNER"), reason: "concurrency" }),
        changeOrderStatus({ orderId: orders[(index + 1) % orders.length]!.id, to: "SPAM", actor: actor("OWNER"), reason: "concurrency" }),
      ]),
    );
    // Two moves of one order race: one wins, the other is refused as a move its new status does
    // not allow. Never a deadlock or a serialization failure.
    const refusals = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason as { code?: string; message?: string }] : []));
    expect(refusals.map((reason) => reason.code ?? reason.message)).toEqual(refusals.map(() => "CONFLICT"));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled").length).toBeGreaterThanOrEqual(orders.length);
    expect(await drift(), "after concurrent changes").toEqual([]);
  });

  it("compaction folds the deltas into one row per key and changes no figure", async () => {
    const product = await fx.createProduct({ confirmationMode: "OPERATOR", stock: 100 });
    for (let index = 0; index < 3; index++) {
      const order = (await placeOrder(fx.input(product.slug), { ip: fx.ip() })).order;
      await changeOrderStatus({ orderId: order.id, to: "CONFIRMED", actor: actor("OWNER") });
    }
    const rowsBefore = await db.orderStatusCount.count();
    const { folded } = await compactOrderRollups(db);
    expect(folded, `of ${rowsBefore} counter rows`).toBeGreaterThan(0);
    expect(await drift(), "after compaction").toEqual([]);
    // Run twice at once: the second waits for the first and folds what is left, nothing twice.
    await Promise.all([compactOrderRollups(db), compactOrderRollups(db)]);
    expect(await drift(), "after two compactions at once").toEqual([]);
  });

  it("a rebuild writes the same figures", async () => {
    const result = await rebuildOrderRollups(db);
    expect(await drift()).toEqual([]);
    expect(result.orders).toBeGreaterThan(0);
    // Other files add and delete orders meanwhile, so the figures are compared with writers held
    // off: under the rebuild's own lock, taken first, the counters before and after are equal.
    const figures = (tx: Pick<typeof db, "$queryRaw">) => tx.$queryRaw<{ key: string; figures: string }[]>`
      SELECT concat_ws(' ', 'count', "status") AS key, sum("count")::text AS figures FROM "OrderStatusCount" GROUP BY "status" HAVING sum("count") <> 0
      UNION ALL
      SELECT concat_ws(' ', "kind", "day", "status", "paymentMethod", "paymentStatus", "currency"),
             concat_ws('/', sum("orders"), sum("total"), sum("shipping"), sum("baseCost"), sum("commissions"))
      FROM "OrderDailyRollup" GROUP BY "kind", "day", "status", "paymentMethod", "paymentStatus", "currency"
      HAVING sum("orders") <> 0 OR sum("total") <> 0 OR sum("shipping") <> 0 OR sum("baseCost") <> 0 OR sum("commissions") <> 0
      ORDER BY 1`;
    const [held, rebuilt] = await db.$transaction(async (tx) => {
      await tx.$executeRaw`LOCK TABLE "Order", "OrderItem", "Commission" IN SHARE MODE`;
      const heldFigures = await figures(tx);
      await tx.$executeRaw`SELECT lavka_rebuild_order_rollups()`;
      return [heldFigures, await figures(tx)];
    });
    expect(held.length).toBeGreaterThan(0);
    expect(rebuilt).toEqual(held);
  });

  it("a rebuild during a compaction waits for it and counts nothing twice", async () => {
    const product = await fx.createProduct({ confirmationMode: "OPERATOR", stock: 100 });
    await placeOrder(fx.input(product.slug), { ip: fx.ip() }); // deltas to fold, whatever ran before
    // A compaction held open: the old deltas deleted, their folded sums inserted, not committed.
    const compaction = await holdTransactionOpen((tx) => tx.$queryRaw`SELECT lavka_compact_order_rollups()`);
    const rebuild = rebuildOrderRollups(db);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await compaction.commit();
    await rebuild;
    expect(await drift(), "after a rebuild beside a compaction").toEqual([]);
  });

  it("the reports read the rollup: the dashboard and finance of a day match the orders", async () => {
    const product = await fx.createProduct({ confirmationMode: "NONE", stock: 100, baseCost: 50000 }); // 500.00 RUB
    const order = (await placeOrder(fx.input(product.slug, { quantity: 2 }), { ip: fx.ip() })).order;
    await changeOrderStatus({ orderId: order.id, to: "SHIPPED", actor: actor("OWNER"), trackingNumber: "80101234567891" });
    await changeOrderStatus({ orderId: order.id, to: "DELIVERED", actor: actor("OWNER") });
    await changeOrderStatus({ orderId: order.id, to: "HANDED", actor: actor("OWNER") });
    await changeOrderStatus({ orderId: order.id, to: "PAID", actor: actor("OWNER") });
    // Other files place, edit and delete today's orders at the same time: the order moves (every
    // date the reports count by, through the triggers like any UPDATE) to a day of the late
    // 1990s no other test uses, noon in Moscow, where the reports must match it exactly.
    const day = new Date(Date.UTC(1995, 0, 1) + Math.floor(Math.random() * 5 * 365) * 86_400_000).toISOString().slice(0, 10);
    const noon = new Date(`${day}T09:00:00.000Z`);
    await db.order.update({
      where: { id: order.id },
      data: { createdAt: noon, confirmedAt: noon, shippedAt: noon, deliveredAt: noon, handedAt: noon, paidAt: noon, statusChangedAt: noon },
      select: { id: true },
    });
    const { total, currency } = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { total: true, currency: true } });
    expect(currency).toBe("RUB");
    const period = { period: "custom", from: day, to: day } as const;
    const [stats, finance] = await Promise.all([getGeneralStats(period), getFinanceReport(period)]);
    expect(stats.orders.total).toBe(1);
    expect(stats.buyout).toMatchObject({ shipped: 1, paid: 1 });
    const rub = finance.received.find((row) => row.currency.trim() === "RUB");
    expect(rub).toMatchObject({ orders: 1, revenue: BigInt(total), baseCost: 100000n }); // 2 × 500.00 RUB
    expect(await drift()).toEqual([]);
  });
});

describe("countOrdersByStatus under filters", () => {
  it("is exact up to the limit and says 'more' past it, per status", async () => {
    const product = await fx.createProduct({ confirmationMode: "OPERATOR", stock: null });
    // Past the limit without placing a thousand orders through the checkout: rows copied in SQL.
    const seed = (await placeOrder(fx.input(product.slug), { ip: fx.ip() })).order;
    await db.$executeRaw`
      INSERT INTO "Order" ("id", "publicId", "status", "paymentMethod", "customerId", "productId", "region", "country", "currency", "itemsTotal", "total", "createdAt", "updatedAt")
      SELECT ${fx.run} || '-' || g, gen_random_uuid()::text, (CASE WHEN g % 2 = 0 THEN 'CANCELLED' ELSE 'UNCONFIRMED' END)::"OrderStatus", o."paymentMethod", o."customerId", o."productId",
             o."region", o."country", o."currency", o."itemsTotal", o."total", o."createdAt" - g * interval '1 second', now()
      FROM "Order" o CROSS JOIN generate_series(1, ${ORDER_COUNT_LIMIT * 2 + 10}::int) g WHERE o.id = ${seed.id}`;
    const counts = await countOrdersByStatus({ productId: product.id });
    expect(counts).toMatchObject({ limit: ORDER_COUNT_LIMIT, all: ORDER_COUNT_LIMIT + 1, UNCONFIRMED: ORDER_COUNT_LIMIT + 1, CANCELLED: ORDER_COUNT_LIMIT + 1, PAID: 0 });
    // A narrower filter under the limit is exact again.
    const narrow = await countOrdersByStatus({ productId: product.id, paymentMethod: "PREPAID" });
    expect(narrow).toMatchObject({ limit: null, all: 0 });
    // Whatever the filters, each status is a full count of the list's own `where`, capped at limit + 1.
    const { paymentMethod } = await db.order.findUniqueOrThrow({ where: { id: seed.id }, select: { paymentMethod: true } });
    const combinations: TOrderFilters[] = [
      { partnerId: NO_PARTNER },
      { status: ["CANCELLED", "PAID"] },
      { status: ["UNCONFIRMED"], paymentMethod },
      { from: "2020-01-01", region: "RU" },
      { q: "zz-nobody" },
      { q: "+7 916 000-00-00" },
    ];
    for (const filters of combinations) {
      const where = orderFilterWhere(ZOrderFilters.parse({ productId: product.id, ...filters }));
      const groups = await db.order.groupBy({ by: ["status"], where, _count: { _all: true } });
      const full = Object.fromEntries(ORDER_STATUSES.map((status) => [status, groups.find((group) => group.status === status)?._count._all ?? 0]));
      const total = groups.reduce((sum, group) => sum + group._count._all, 0);
      const capped = Object.fromEntries(Object.entries(full).map(([status, count]) => [status, Math.min(count, ORDER_COUNT_LIMIT + 1)]));
      const expected = { ...capped, all: Math.min(total, ORDER_COUNT_LIMIT + 1), limit: total > ORDER_COUNT_LIMIT ? ORDER_COUNT_LIMIT : null };
      expect({ filters, counts: await countOrdersByStatus({ productId: product.id, ...filters }) }).toEqual({ filters, counts: expected });
    }
    expect(await drift()).toEqual([]);
  });
});
