// An attributed order's commissions are computed inside the order's transaction, which holds one
// connection of the process's pool. Found by the crash tests (npm run test:chaos): the exchange
// rates were read there through the shared pool whenever their 5-second cache had run out, so
// with as many attributed orders in flight as the pool has connections, every connection was held
// by a transaction waiting for a free one — orders failed after the 20-second transaction timeout
// (right after every web restart, and under any load that made transactions queue). The rates now
// come from the caller or through the transaction itself.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createOrderCommissions } from "@/lib/affiliates/commissions/create-order-commissions";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import { clearRatesCache } from "@/lib/pricing/get-rates-map";

const fx = checkoutFixtures("aff-pool");
const run = randomUUID().slice(0, 8);
// lib/db's pool (createDbClient's default): one transaction per connection fills it.
const POOL_SIZE = 10;
const partnerIds: string[] = [];

beforeAll(async () => {
  await ensureCheckoutReferenceData();
});

afterAll(async () => {
  await db.commission.deleteMany({ where: { partnerId: { in: partnerIds } } });
  await fx.cleanup();
  for (const id of partnerIds) await db.partner.delete({ where: { id } });
  await disconnectDb();
});

it("computes the commissions of as many attributed orders at once as the pool has connections, with the rates cache cold", async () => {
  const parent = await db.partner.create({
    data: { login: `pool_${run}_p`, email: `pool_${run}_p@partners.test`, name: "Parent", passwordHash: "x", status: "ACTIVE" },
    select: { id: true },
  });
  const partner = await db.partner.create({
    data: { login: `pool_${run}_c`, email: `pool_${run}_c@partners.test`, name: "Child", passwordHash: "x", status: "ACTIVE", parentId: parent.id },
    select: { id: true },
  });
  partnerIds.push(partner.id, parent.id);
  const product = await fx.createProduct({ confirmationMode: "OPERATOR" });
  await db.productCommission.createMany({
    data: [
      { productId: product.id, level: 0, kind: "PERCENT", value: 1000 }, // 10 %
      { productId: product.id, level: 1, kind: "FIXED", value: 5000 }, // 50.00 RUB
    ],
  });
  const orders = [];
  for (let index = 0; index < POOL_SIZE; index++) {
    orders.push((await placeOrder(fx.input(product.slug), { ip: fx.ip(), attribution: { partnerId: partner.id } })).order);
  }
  // Computed again from scratch below, all at once.
  await db.commission.deleteMany({ where: { orderId: { in: orders.map((order) => order.id) } } });
  clearRatesCache();

  // Every transaction takes its connection and waits for the others before computing: the pool
  // has no free connection left while the commissions are computed.
  let holding = 0;
  let allHolding!: () => void;
  const everyoneHolds = new Promise<void>((resolve) => (allHolding = resolve));
  const started = Date.now();
  const results = await Promise.all(
    orders.map((order) =>
      db.$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT 1`;
          if (++holding === orders.length) allHolding();
          await everyoneHolds;
          return createOrderCommissions(tx, order);
        },
        { maxWait: 5_000, timeout: 8_000 },
      ),
    ),
  );

  expect(results.map((commissions) => commissions.map(({ level, partnerId, amount }) => ({ level, partnerId, amount })))).toEqual(
    orders.map(() => [
      { level: 0, partnerId: partner.id, amount: 19500 }, // 10 % of 1,950.00 RUB
      { level: 1, partnerId: parent.id, amount: 5000 }, // 50.00 RUB
    ]),
  );
  // Not merely within the timeout: nothing waited for a connection.
  expect(Date.now() - started).toBeLessThan(5_000);
});
