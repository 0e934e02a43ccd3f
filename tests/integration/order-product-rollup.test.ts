// The daily product rollup "OrderProductDailyRollup" that Finance → Co-owners reads (issue 13)
// against the order-scanning computation it replaced (kept below as the reference: the PAID
// orders, their items and standing commissions, each order's total and commissions split over its
// items by cumulative floors), after every write that moves an order's money: checkout inserts
// (a bump, an attributed order with its commission), every status through changeOrderStatus, an
// edit before shipping (items, totals and the commission recalculated), a one-click upsell, a
// commission released and then reversed, a customer merge; then the writes only a hand edit makes
// on a PAID order (several items of one order changed by one statement, an item added and
// removed, commissions cancelled and added, the total and the payment day changed, a delete),
// concurrent commission changes of one order, compaction; and the rebuild's recount. Other test
// files write orders at the same time: each comparison reads the rollup and the reference in one
// REPEATABLE READ snapshot.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { releaseHeldCommissions } from "@/lib/affiliates/commissions/release-held-commissions";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { mergeCustomers } from "@/lib/crm/merge/merge-customers";
import { db, disconnectDb, Prisma } from "@/lib/db";
import type { OrderStatus, Role } from "@/lib/db/generated/enums";
import { createUpsell, removeUpsellMails } from "@/lib/marketing/upsells/test-fixtures";
import { getPostOrderOffers } from "@/lib/marketing/upsells/get-post-order-offers";
import { takeUpsellOffer } from "@/lib/marketing/upsells/take-upsell-offer";
import { changeOrderStatus } from "@/lib/orders/change-order-status";
import { updateOrderBeforeShipping } from "@/lib/orders/update-order-before-shipping";
import { compactOrderRollups } from "@/lib/reports/compact-order-rollups";
import { getProductMonthFigures, type ProductMonthFigures } from "@/lib/reports/get-coowner-shares";
import { addDays, resolvePeriod, zonedDay, zonedDayStart } from "@/lib/reports/resolve-period";

const fx = checkoutFixtures("product-rollup");
const users: Partial<Record<Role, { id: string; role: Role }>> = {};
const actor = (role: Role) => ({ type: "USER" as const, id: users[role]!.id, role });
const partnerIds: string[] = [];
const orderIds: string[] = [];
const productIds: string[] = [];

/**
 * The reference: the per-order split as get-coowner-shares computed it by scanning the PAID orders
 * before the rollup existed (window functions over each order's items), grouped by `groupBy`
 * (an expression over p."paidAt").
 */
const referenceSql = (groupBy: Prisma.Sql, where: Prisma.Sql) => Prisma.sql`
  WITH paid AS (
    SELECT o."id", o."currency", o."total"::bigint AS "total", ${groupBy} AS "key"
    FROM "Order" o
    WHERE o."status" = 'PAID'::"OrderStatus" AND o."paidAt" IS NOT NULL AND ${where}
  ),
  lines AS (
    SELECT p."id" AS "orderId", p."key", p."currency", p."total", i."productId",
      i."unitCost"::bigint * i."quantity" AS "cost",
      i."total"::bigint AS "weight",
      sum(i."total"::bigint) OVER (PARTITION BY p."id" ORDER BY i."id" ROWS UNBOUNDED PRECEDING) AS "cumWeight",
      sum(i."total"::bigint) OVER (PARTITION BY p."id") AS "allWeight",
      row_number() OVER (PARTITION BY p."id" ORDER BY i."id") AS "n",
      count(*) OVER (PARTITION BY p."id") AS "lineCount"
    FROM paid p JOIN "OrderItem" i ON i."orderId" = p."id"
  ),
  standing AS (
    SELECT c."orderId", sum(c."amount")::bigint AS "amount"
    FROM paid p JOIN "Commission" c ON c."orderId" = p."id"
    WHERE c."status" <> 'CANCELLED'::"CommissionStatus"
    GROUP BY c."orderId"
  ),
  parts AS (
    SELECT l."orderId", l."key", l."currency", l."productId", l."cost", l."total", coalesce(s."amount", 0) AS "commission",
      (CASE WHEN l."allWeight" > 0 THEN l."cumWeight" ELSE l."n" END)::numeric AS "upTo",
      (CASE WHEN l."allWeight" > 0 THEN l."cumWeight" - l."weight" ELSE l."n" - 1 END)::numeric AS "before",
      (CASE WHEN l."allWeight" > 0 THEN l."allWeight" ELSE l."lineCount" END)::numeric AS "whole"
    FROM lines l LEFT JOIN standing s ON s."orderId" = l."orderId"
  )
  SELECT "key", "currency", "productId",
    count(DISTINCT "orderId")::int AS "orders",
    sum(floor("total" * "upTo" / "whole") - floor("total" * "before" / "whole"))::bigint AS "revenue",
    sum("cost")::bigint AS "baseCost",
    sum(floor("commission" * "upTo" / "whole") - floor("commission" * "before" / "whole"))::bigint AS "commissions"
  FROM parts
  GROUP BY 1, 2, 3`;

interface Drift {
  key: string;
  kept: string;
  reference: string;
}

/** Every day × product × currency where the rollup differs from the reference (empty = exact), in one snapshot. */
async function drift(): Promise<Drift[]> {
  return db.$transaction(
    async (tx) => {
      const differences = await tx.$queryRaw<Drift[]>`
        WITH kept AS (
          SELECT "day", "productId", "currency", sum("orders")::int AS orders, sum("revenue")::bigint AS revenue, sum("baseCost")::bigint AS "baseCost", sum("commissions")::bigint AS commissions
          FROM "OrderProductDailyRollup" GROUP BY 1, 2, 3
        ), reference AS (${referenceSql(Prisma.sql`lavka_shop_day(o."paidAt")`, Prisma.sql`TRUE`)})
        SELECT concat_ws(' ', coalesce(k.day, r.key), coalesce(k."productId", r."productId"), coalesce(k.currency, r.currency)) AS key,
               concat_ws('/', k.orders, k.revenue, k."baseCost", k.commissions) AS kept,
               concat_ws('/', r.orders, r.revenue, r."baseCost", r.commissions) AS reference
        FROM kept k
        FULL JOIN reference r ON (k.day, k."productId", k.currency) = (r.key, r."productId", r.currency)
        WHERE (coalesce(k.orders, 0), coalesce(k.revenue, 0), coalesce(k."baseCost", 0), coalesce(k.commissions, 0))
              IS DISTINCT FROM (coalesce(r.orders, 0), coalesce(r.revenue, 0), coalesce(r."baseCost", 0), coalesce(r.commissions, 0))`;
      // What the rebuild writes (lavka_order_product_rollups_recount) must agree too. The rebuild
      // itself is not run here: it makes every order write wait, and order-rollups.test.ts runs it.
      const recount = await tx.$queryRaw<Drift[]>`
        WITH kept AS (
          SELECT "day", "productId", "currency", sum("orders")::int AS orders, sum("revenue")::bigint AS revenue, sum("baseCost")::bigint AS "baseCost", sum("commissions")::bigint AS commissions
          FROM "OrderProductDailyRollup" GROUP BY 1, 2, 3
        ), recount AS (SELECT * FROM lavka_order_product_rollups_recount())
        SELECT 'recount ' || concat_ws(' ', coalesce(k.day, r.day), coalesce(k."productId", r."productId"), coalesce(k.currency, r.currency)) AS key,
               concat_ws('/', k.orders, k.revenue, k."baseCost", k.commissions) AS kept,
               concat_ws('/', r.orders, r.revenue, r."baseCost", r.commissions) AS reference
        FROM kept k
        FULL JOIN recount r ON (k.day, k."productId", k.currency) = (r.day, r."productId", r.currency)
        WHERE (coalesce(k.orders, 0), coalesce(k.revenue, 0), coalesce(k."baseCost", 0), coalesce(k.commissions, 0))
              IS DISTINCT FROM (coalesce(r.orders, 0), coalesce(r.revenue, 0), coalesce(r."baseCost", 0), coalesce(r.commissions, 0))`;
      return [...differences, ...recount];
    },
    { isolationLevel: "RepeatableRead" },
  );
}

/** The reference per Moscow month of a period, for these products (the old getProductMonthFigures). */
async function referenceMonthFigures(fromDay: string, toDay: string, productIds: string[]): Promise<ProductMonthFigures[]> {
  const start = zonedDayStart(fromDay, "Europe/Moscow").toISOString();
  const end = zonedDayStart(addDays(toDay, 1), "Europe/Moscow").toISOString();
  const rows = await db.$queryRaw<Array<Omit<ProductMonthFigures, "month"> & { key: string }>>`
    SELECT * FROM (${referenceSql(
      Prisma.sql`to_char((o."paidAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Moscow', 'YYYY-MM')`,
      Prisma.sql`o."paidAt" >= (${start}::timestamptz AT TIME ZONE 'UTC') AND o."paidAt" < (${end}::timestamptz AT TIME ZONE 'UTC')`,
    )}) f WHERE f."productId" IN (${Prisma.join(productIds)}) ORDER BY 1, 2, 3`;
  return rows.map(({ key, ...row }) => ({ month: key, ...row }));
}

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  for (const role of ["OWNER", "MANAGER"] as Role[]) {
    users[role] = await db.user.create({
      data: { email: `${role.toLowerCase()}-${randomUUID()}@product-rollup.test`, name: role, role, passwordHash: "x" },
      select: { id: true, role: true },
    });
  }
});

afterAll(async () => {
  await removeUpsellMails(orderIds);
  await db.partnerLedgerEntry.deleteMany({ where: { partnerId: { in: partnerIds } } });
  await db.commission.deleteMany({ where: { partnerId: { in: partnerIds } } });
  await fx.cleanup();
  await db.partner.deleteMany({ where: { id: { in: partnerIds } } });
  const ids = Object.values(users).map((user) => user.id);
  await db.auditLog.deleteMany({ where: { actorId: { in: ids } } });
  await db.user.deleteMany({ where: { id: { in: ids } } });
  await disconnectDb();
});

describe("the daily product rollup", () => {
  it("stays equal to the order-scanning split through every write path", { timeout: 180_000 }, async () => {
    expect(await drift(), "before this test").toEqual([]);
    const product = await fx.createProduct({ confirmationMode: "OPERATOR", stock: 100, baseCost: 70000 }); // 700.00 RUB a unit
    const instant = await fx.createProduct({ confirmationMode: "NONE", stock: 100, baseCost: 33333 }); // 333.33 RUB a unit
    const bump = await fx.createBump(product.id, { price: 25000 }); // 250.00 RUB
    const upsell = await createUpsell(fx, instant.id, { price: 49000 }); // 490.00 RUB, base cost 100.00
    productIds.push(product.id, instant.id, bump.offerProductId, upsell.offerProductId);
    const partner = await db.partner.create({
      data: { login: `prollup-${fx.run}`, email: `prollup-${fx.run}@partners.test`, name: "Product rollup partner", passwordHash: "x", status: "ACTIVE" },
      select: { id: true },
    });
    partnerIds.push(partner.id);
    // 10 % and 7 % (a rate that leaves kopecks to split) of the order.
    await db.productCommission.create({ data: { productId: product.id, level: 0, kind: "PERCENT", value: 1000 } });
    await db.productCommission.create({ data: { productId: instant.id, level: 0, kind: "PERCENT", value: 700 } });
    const place = async (slug: string, overrides: Record<string, unknown> = {}, attributed = false) => {
      const { order } = await placeOrder(fx.input(slug, overrides), { ip: fx.ip(), attribution: attributed ? { partnerId: partner.id } : undefined });
      orderIds.push(order.id);
      return order;
    };
    const move = async (orderId: string, path: readonly OrderStatus[]) => {
      for (const to of path) {
        await changeOrderStatus({ orderId, to, actor: actor("OWNER"), reason: "product rollup test", ...(to === "SHIPPED" ? { trackingNumber: "80101234567890" } : {}) });
      }
    };
    const toPaid = ["SHIPPED", "DELIVERED", "HANDED", "PAID"] as const;

    const plain = await place(product.slug, { quantity: 3 });
    const withBump = await place(product.slug, { bumpIds: [bump.id] }, true);
    const attributed = await place(instant.slug, { quantity: 2 }, true);
    const edited = await place(product.slug, {}, true);
    const upsold = await place(instant.slug, {}, true);
    const returned = await place(product.slug, {}, true);
    const others = [await place(product.slug), await place(product.slug), await place(product.slug)];
    expect(await drift(), "after checkout inserts").toEqual([]);

    // The thank-you page's one-click offer adds an item (totals and commission follow).
    const [offer] = await getPostOrderOffers(upsold.publicId, { locale: "ru", record: true });
    expect(offer?.upsellId).toBe(upsell.id);
    expect((await takeUpsellOffer({ publicId: upsold.publicId, viewId: offer!.viewId! }, { ip: fx.ip() })).outcome).toBe("ADDED");
    // An edit before shipping: another quantity and a second product (the commission is recalculated).
    await move(edited.id, ["CONFIRMED"]);
    const main = await db.orderItem.findFirstOrThrow({ where: { orderId: edited.id }, select: { id: true } });
    await updateOrderBeforeShipping({
      orderId: edited.id,
      items: [
        { itemId: main.id, productId: product.id, quantity: 2 },
        { productId: instant.id, quantity: 1 },
      ],
      actor: actor("MANAGER"),
    });
    expect(await drift(), "after an upsell and an edit").toEqual([]);

    // Every status; five orders reach PAID, each through its own path.
    await move(plain.id, ["CONFIRMED", ...toPaid]);
    await move(withBump.id, ["CONFIRMED", ...toPaid]);
    await move(attributed.id, toPaid);
    await move(edited.id, toPaid);
    await move(upsold.id, toPaid);
    await move(others[0]!.id, ["CANCELLED"]);
    await move(others[1]!.id, ["SPAM"]);
    await move(others[2]!.id, ["CONFIRMED", "SHIPPED", "DELIVERED", "RETURNED"]);
    // A released (AVAILABLE) commission reversed by a return after handing over.
    await move(returned.id, ["CONFIRMED", "SHIPPED", "DELIVERED", "HANDED"]);
    await releaseHeldCommissions({ now: new Date(Date.now() + 400 * 86_400_000), partnerId: partner.id });
    expect(await db.commission.findFirstOrThrow({ where: { orderId: returned.id }, select: { status: true } })).toEqual({ status: "AVAILABLE" });
    await move(returned.id, ["RETURNED"]);
    expect(await db.partnerLedgerEntry.count({ where: { partnerId: partner.id, kind: "COMMISSION_REVERSAL" } }), "the reversal").toBe(1);
    // A merge moves orders to another customer: no money moves.
    const customers = await db.order.findMany({ where: { id: { in: [plain.id, attributed.id] } }, select: { customerId: true } });
    await mergeCustomers({ customerIds: [...new Set(customers.map((row) => row.customerId))], mainId: customers[0]!.customerId }, users.MANAGER!);
    expect(await drift(), "after every status, a reversal and a merge").toEqual([]);

    const paid = [plain, withBump, attributed, edited, upsold].map((order) => order.id);
    const mine = await db.$queryRaw<{ orders: number; lines: number; commissions: number }[]>`
      SELECT count(DISTINCT o.id)::int AS orders, count(i.id)::int AS lines, (SELECT count(*)::int FROM "Commission" c WHERE c."orderId" = ANY(${paid}::text[]) AND c.status <> 'CANCELLED') AS commissions
      FROM "Order" o JOIN "OrderItem" i ON i."orderId" = o.id WHERE o.id = ANY(${paid}::text[]) AND o.status = 'PAID'`;
    // Five PAID orders, three of them with two products, four with a standing commission.
    expect(mine).toEqual([{ orders: 5, lines: 8, commissions: 4 }]);

    // What only a hand edit does to a PAID order: one statement changing two of its items…
    await db.$executeRaw`UPDATE "OrderItem" SET "total" = "total" + 101, "quantity" = "quantity" + 1 WHERE "orderId" = ${withBump.id}`;
    // …an item added and one removed, a commission cancelled, one added with an odd amount, the
    // total changed, the payment day moved, a payout marking commissions PAID.
    const extra = await db.orderItem.create({
      data: { orderId: edited.id, productId: instant.id, productName: "extra", quantity: 1, unitPrice: 1, unitCost: 7, total: 1 },
      select: { id: true },
    });
    await db.orderItem.delete({ where: { id: extra.id } });
    await db.orderItem.create({ data: { orderId: upsold.id, productId: product.id, productName: "free gift", quantity: 1, unitPrice: 0, unitCost: 500, total: 0 } });
    await db.$executeRaw`UPDATE "Commission" SET "status" = 'CANCELLED' WHERE "orderId" = ${attributed.id}`;
    await db.commission.create({
      data: { orderId: withBump.id, partnerId: partner.id, level: 1, amount: 1001, currency: "RUB", ruleKind: "FIXED", ruleValue: 1001, trigger: "APPROVAL", status: "APPROVED" },
    });
    await db.$executeRaw`UPDATE "Commission" SET "status" = 'PAID' WHERE "orderId" = ${withBump.id}`;
    await db.$executeRaw`UPDATE "Order" SET "total" = "total" - 3 WHERE "id" = ${upsold.id}`;
    await db.$executeRaw`UPDATE "Order" SET "paidAt" = "paidAt" - interval '2 days' WHERE "id" = ${edited.id}`;
    expect(await drift(), "after hand edits of PAID orders").toEqual([]);

    // The rollup read per month equals the reference per month for these products.
    const period = resolvePeriod({ from: addDays(zonedDay(new Date()), -3), to: zonedDay(new Date()) });
    const products = [product.id, instant.id, bump.offerProductId, upsell.offerProductId];
    const figures = await getProductMonthFigures(period, products);
    expect(figures.length).toBeGreaterThanOrEqual(4);
    expect(figures.map(({ productName: _name, ...row }) => row)).toEqual(await referenceMonthFigures(period.fromDay, period.toDay, products));

    // Deleting a PAID order takes it out (its items go by cascade after the order's own trigger).
    await db.order.delete({ where: { id: plain.id } });
    expect(await drift(), "after a delete").toEqual([]);
  });

  it("stays exact when two transactions change one PAID order's commissions at once", async () => {
    const product = await fx.createProduct({ confirmationMode: "NONE", stock: 100, baseCost: 10000 });
    const bump = await fx.createBump(product.id, { price: 33300 }); // three items with odd weights
    const { order } = await placeOrder(fx.input(product.slug, { bumpIds: [bump.id] }), { ip: fx.ip() });
    orderIds.push(order.id);
    const partner = await db.partner.findFirstOrThrow({ where: { id: { in: partnerIds } }, select: { id: true } });
    for (const [level, amount] of [
      [0, 1003],
      [1, 2007],
      [2, 3011],
    ] as const) {
      await db.commission.create({
        data: { orderId: order.id, partnerId: partner.id, level, amount, currency: "RUB", ruleKind: "FIXED", ruleValue: amount, trigger: "APPROVAL", status: "APPROVED" },
      });
    }
    for (const to of ["SHIPPED", "DELIVERED", "HANDED", "PAID"] as const) {
      await changeOrderStatus({ orderId: order.id, to, actor: actor("OWNER"), ...(to === "SHIPPED" ? { trackingNumber: "80101234567890" } : {}) });
    }
    const cancel = (level: number) =>
      db.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "Commission" SET "status" = 'CANCELLED' WHERE "orderId" = ${order.id} AND "level" = ${level}`;
        // Held open so the other transaction's statement runs meanwhile.
        await tx.$executeRaw`SELECT pg_sleep(0.3)`;
      });
    await Promise.all([cancel(0), cancel(2)]);
    expect(await drift(), "after concurrent cancellations").toEqual([]);
  });

  it("counts the items and commissions of an order its own transaction wrote PAID, or made PAID after placing it", async () => {
    // The item and commission triggers skip an INSERT only for orders this transaction wrote that
    // are not PAID (20261209100000_product_rollup_placing): here the orders are this
    // transaction's own, once written PAID and once placed and then made PAID, so nothing may be skipped.
    const product = await fx.createProduct({ confirmationMode: "NONE", stock: 100, baseCost: 12345 });
    const bump = await fx.createBump(product.id, { price: 33301 }); // two items with odd weights
    const { order: template } = await placeOrder(fx.input(product.slug, { bumpIds: [bump.id] }), { ip: fx.ip() });
    orderIds.push(template.id);
    productIds.push(product.id, bump.offerProductId);
    const partner = await db.partner.findFirstOrThrow({ where: { id: { in: partnerIds } }, select: { id: true } });
    // A copy of the template order (new keys) in `status`, with copies of its items and a 10.07 RUB commission.
    const copyOrder = async (tx: Prisma.TransactionClient, status: OrderStatus) => {
      const id = `rollup-copy-${randomUUID()}`;
      await tx.$executeRaw`
        INSERT INTO "Order" SELECT (jsonb_populate_record(o, jsonb_build_object(
          'id', ${id}::text, 'publicId', gen_random_uuid(), 'number', nextval(pg_get_serial_sequence('"Order"', 'number')), 'idempotencyKey', ${id}::text,
          'status', ${status}::text, 'paidAt', CASE WHEN ${status}::text = 'PAID' THEN now() AT TIME ZONE 'UTC' END))).*
        FROM "Order" o WHERE o.id = ${template.id}`;
      await tx.$executeRaw`
        INSERT INTO "OrderItem" SELECT (jsonb_populate_record(i, jsonb_build_object('id', ${id}::text || '-' || i.id, 'orderId', ${id}::text))).*
        FROM "OrderItem" i WHERE i."orderId" = ${template.id}`;
      await tx.commission.create({
        data: { orderId: id, partnerId: partner.id, level: 0, amount: 1007, currency: "RUB", ruleKind: "FIXED", ruleValue: 1007, trigger: "APPROVAL", status: "APPROVED" },
      });
      orderIds.push(id);
      return id;
    };
    const written = await db.$transaction((tx) => copyOrder(tx, "PAID"));
    const madePaid = await db.$transaction(async (tx) => {
      const id = await copyOrder(tx, "CONFIRMED");
      await tx.$executeRaw`UPDATE "Order" SET "status" = 'PAID', "paidAt" = now() AT TIME ZONE 'UTC' WHERE "id" = ${id}`;
      return id;
    });
    // Both count: two orders of each product, their commissions split over their items.
    const counted = await db.$queryRaw<{ orders: number; commissions: number }[]>`
      SELECT coalesce(sum("orders"), 0)::int AS orders, coalesce(sum("commissions"), 0)::int AS commissions
      FROM "OrderProductDailyRollup" WHERE "productId" IN (${product.id}, ${bump.offerProductId})`;
    expect(counted).toEqual([{ orders: 4, commissions: 2 * 1007 }]);
    expect(await db.order.count({ where: { id: { in: [written, madePaid] }, status: "PAID" } })).toBe(2);
    expect(await drift(), "after orders written PAID in their own transactions").toEqual([]);
  });

  it("is folded by compaction without a figure changing", async () => {
    // This file's products had a delta per write; other files may compact at the same time, so
    // what is checked is the result: one row per key.
    const rowsPerKey = () =>
      db.$queryRaw<{ rows: number; keys: number }[]>`
        SELECT count(*)::int AS rows, count(DISTINCT ("day", "productId", "currency"))::int AS keys
        FROM "OrderProductDailyRollup" WHERE "productId" = ANY(${productIds}::text[])`;
    await compactOrderRollups(db);
    // Keys whose deltas summed to nothing (the deleted order's) are gone.
    const [after] = await rowsPerKey();
    expect(after!.keys).toBeGreaterThan(0);
    expect(after!.rows).toBe(after!.keys);
    expect(await drift(), "after compaction").toEqual([]);
  });
});
