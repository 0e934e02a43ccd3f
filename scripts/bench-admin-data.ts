// The data set of `npm run bench:admin` (issue 13), generated inside PostgreSQL with
// INSERT … SELECT generate_series so a million orders take minutes, not hours:
// - 20 products (the demo's three and 17 more; sales skewed: the best seller takes ~22 %),
//   100 approved partners (traffic skewed the same way), 1,000,000 clicks over the year;
// - 300,000 customers with a phone (+7916NNNNNNN) and an email (customerN@example.ru);
// - 1,000,000 orders over 365 days, 20 % attributed to a partner (with sub1), 85 % COD, 7 %
//   courier, 8 % card prepaid; 96 % RUB, 4 % KZT; statuses as a year of a COD shop leaves them
//   (orders of the last two days mostly open, older ones mostly PAID, RETURNED or CANCELLED), with
//   confirmedAt / shippedAt / deliveredAt / handedAt / paidAt / cancelledAt / returnedAt to match;
// - one MAIN item per order (base cost frozen), an order bump on every tenth; one commission per
//   attributed order (10 %, cancelled when the order failed) and a level-1 one on a third of them.
// Status histories, link tokens and outbox rows are not generated: no measured page reads them.
// User triggers are off during the bulk insert; the customer counters and the order rollups are
// then computed once, as the triggers would have left them (the rollups by the same SQL function
// `npm run rollups:rebuild` calls), then VACUUM ANALYZE.
import type pg from "pg";
import { step } from "./lib/bench";

/** Bump when the generated data changes: a database made by another version is regenerated. */
export const ADMIN_BENCH_GENERATOR = "bench-admin generator v1";

export const ADMIN_BENCH_SIZE = {
  customers: Number(process.env.BENCH_CUSTOMERS) || 300_000,
  orders: Number(process.env.BENCH_ADMIN_ORDERS) || 1_000_000,
  clicks: Number(process.env.BENCH_ADMIN_CLICKS) || 1_000_000,
  products: 20,
  partners: 100,
};

export async function generateAdminBenchData(client: pg.Client) {
  const { customers, orders, clicks, products, partners } = ADMIN_BENCH_SIZE;
  const { rows: demoProducts } = await client.query<{ id: string }>(`SELECT "id" FROM "Product" ORDER BY "sortOrder", "createdAt", "id"`);
  await step(`${products - demoProducts.length} more products, ${partners} partners`, async () => {
    await client.query(
      `INSERT INTO "Product" ("id", "slug", "name", "currency", "baseCost", "sortOrder", "updatedAt")
       SELECT 'bench-product-' || g, 'bench-product-' || g, 'Товар ' || g, 'RUB', (200 + g * 37) * 100, 100 + g, now() FROM generate_series(1, $1) g`,
      [products - demoProducts.length],
    );
    // The partners sign in with the demo partners' password (their hash is copied).
    await client.query(
      `INSERT INTO "Partner" ("id", "login", "email", "name", "passwordHash", "status", "emailVerifiedAt", "updatedAt")
       SELECT 'bench-partner-' || g, 'bench' || g, 'bench' || g || '@partners.example', 'Bench partner ' || g,
              (SELECT "passwordHash" FROM "Partner" WHERE "login" = 'alpha'), 'ACTIVE', now(), now()
       FROM generate_series(1, $1) g`,
      [partners],
    );
  });
  await createPickTables(client);

  await step(`${clicks.toLocaleString("en")} clicks`, () =>
    client.query(
      `INSERT INTO "Click" ("partnerId", "productId", "sub1", "fingerprintHash", "isUnique", "isBot", "country", "createdAt")
       SELECT pa.id, pr.id, 'sub' || (c.g % 7), md5(c.g::text), random() < 0.8, random() < 0.03, 'RU', (now() AT TIME ZONE 'UTC') - random() * interval '365 days'
       FROM generate_series(1, $1) gs(g)
       CROSS JOIN LATERAL (SELECT gs.g AS g, floor($2 * random() ^ 2)::int AS partner, floor($3 * random() ^ 2)::int AS product) c
       JOIN bench_partner pa ON pa.n = c.partner
       JOIN bench_product pr ON pr.n = c.product`,
      [clicks, partners, products],
    ),
  );

  await step(`${customers.toLocaleString("en")} customers`, () =>
    client.query(
      `INSERT INTO "Customer" ("id", "name", "phone", "phoneNormalized", "email", "emailNormalized", "country", "region", "updatedAt", "createdAt")
       SELECT 'bc' || lpad(g::text, 7, '0'), 'Покупатель ' || g, '+7 916 ' || lpad(g::text, 7, '0'), '+7916' || lpad(g::text, 7, '0'),
              'customer' || g || '@example.ru', 'customer' || g || '@example.ru', 'RU', 'RU', now(), now() - random() * interval '400 days'
       FROM generate_series(1, $1) g`,
      [customers],
    ),
  );

  await client.query(`ALTER TABLE "Order" DISABLE TRIGGER USER`);
  await client.query(`ALTER TABLE "OrderItem" DISABLE TRIGGER USER`);
  await client.query(`ALTER TABLE "Commission" DISABLE TRIGGER USER`);
  await step(`${orders.toLocaleString("en")} orders over a year`, () =>
    client.query(
      `INSERT INTO "Order" ("id", "publicId", "status", "statusChangedAt", "paymentMethod", "paymentStatus", "customerId", "productId", "customerName", "phone", "phoneNormalized",
                            "email", "emailNormalized", "region", "country", "city", "street", "house", "currency", "itemsTotal", "shippingTotal", "total",
                            "partnerId", "sub1", "source", "confirmedAt", "shippedAt", "deliveredAt", "handedAt", "paidAt", "cancelledAt", "returnedAt", "createdAt", "updatedAt")
       SELECT 'bo' || lpad(o.g::text, 7, '0'), gen_random_uuid()::text, s.status::"OrderStatus", o.created, o.method::"PaymentMethod",
              (CASE WHEN o.method = 'PREPAID' THEN 'PAID' ELSE 'UNPAID' END)::"PaymentStatus",
              'bc' || lpad(o.customer::text, 7, '0'), pr.id, 'Покупатель ' || o.customer, '+7 916 ' || lpad(o.customer::text, 7, '0'), '+7916' || lpad(o.customer::text, 7, '0'),
              'customer' || o.customer || '@example.ru', 'customer' || o.customer || '@example.ru', 'RU', 'RU', 'Москва', 'ул. Ленина', (1 + o.g % 120)::text,
              o.currency, o.amount, o.shipping, o.amount + o.shipping,
              pa.id, CASE WHEN pa.id IS NOT NULL THEN 'sub' || (o.g % 7) END, 'checkout',
              CASE WHEN s.status IN ('CONFIRMED', 'SHIPPED', 'DELIVERED', 'HANDED', 'PAID', 'RETURNED') THEN least(o.created + interval '3 hours', o.now) END,
              CASE WHEN s.status IN ('SHIPPED', 'DELIVERED', 'HANDED', 'PAID', 'RETURNED') THEN least(o.created + interval '1 day', o.now) END,
              CASE WHEN s.status IN ('DELIVERED', 'HANDED', 'PAID', 'RETURNED') THEN least(o.created + interval '5 days', o.now) END,
              CASE WHEN s.status IN ('HANDED', 'PAID') THEN least(o.created + interval '6 days', o.now) END,
              CASE WHEN s.status = 'PAID' THEN least(o.created + interval '9 days', o.now) END,
              CASE WHEN s.status = 'CANCELLED' THEN least(o.created + interval '4 hours', o.now) END,
              CASE WHEN s.status = 'RETURNED' THEN least(o.created + interval '20 days', o.now) END,
              o.created, o.created
       FROM generate_series(1, $1) gs(g)
       CROSS JOIN LATERAL (
         SELECT gs.g AS g, 1 + floor(random() * $2)::int AS customer, (now() AT TIME ZONE 'UTC') AS now,
                -- ordered by number: order numbers grow with time, as they do in a shop
                (now() AT TIME ZONE 'UTC') - (1 - gs.g::float8 / $1) * interval '365 days' AS created,
                floor($3 * random() ^ 2)::int AS product, random() AS attributed, floor($4 * random() ^ 2)::int AS partner,
                CASE WHEN gs.g % 25 = 0 THEN 'KZT' ELSE 'RUB' END::char(3) AS currency, (990 + floor(random() * 20) * 500) * 100 AS amount,
                CASE WHEN random() < 0.5 THEN 30000 ELSE 0 END AS shipping,
                CASE WHEN gs.g % 100 < 8 THEN 'PREPAID' WHEN gs.g % 100 < 15 THEN 'COURIER' ELSE 'COD' END AS method, random() AS dice
       ) o
       CROSS JOIN LATERAL (
         SELECT CASE
           WHEN o.created > o.now - interval '2 days' THEN
             CASE WHEN o.method = 'PREPAID' THEN 'CONFIRMED' WHEN o.dice < 0.5 THEN 'UNCONFIRMED' WHEN o.dice < 0.8 THEN 'CONFIRMED' WHEN o.dice < 0.85 THEN 'CANCELLED'
                  WHEN o.dice < 0.9 THEN 'DUPLICATE' WHEN o.dice < 0.92 THEN 'SPAM' ELSE 'SHIPPED' END
           WHEN o.method = 'PREPAID' THEN CASE WHEN o.dice < 0.9 THEN 'PAID' ELSE 'SHIPPED' END
           WHEN o.dice < 0.45 THEN 'PAID' WHEN o.dice < 0.57 THEN 'RETURNED' WHEN o.dice < 0.67 THEN 'CANCELLED' WHEN o.dice < 0.71 THEN 'DUPLICATE'
           WHEN o.dice < 0.73 THEN 'SPAM' WHEN o.dice < 0.80 THEN 'SHIPPED' WHEN o.dice < 0.85 THEN 'DELIVERED' WHEN o.dice < 0.88 THEN 'HANDED'
           WHEN o.dice < 0.96 THEN 'CONFIRMED' ELSE 'UNCONFIRMED' END AS status
       ) s
       JOIN bench_product pr ON pr.n = o.product
       LEFT JOIN bench_partner pa ON pa.n = o.partner AND o.attributed < 0.2`,
      [orders, customers, products, partners],
    ),
  );
  await finishAdminBenchData(client);
}

/** Product n (0-based, by sort order) and partner n: floor(count · random()²) favours the first. */
async function createPickTables(client: pg.Client) {
  await client.query(`DROP TABLE IF EXISTS bench_product, bench_partner`);
  await client.query(`CREATE TEMP TABLE bench_product AS SELECT (row_number() OVER (ORDER BY "sortOrder", "createdAt", "id") - 1)::int AS n, "id", "name", "baseCost" FROM "Product"`);
  await client.query(`CREATE TEMP TABLE bench_partner AS SELECT g - 1 AS n, 'bench-partner-' || g AS id FROM generate_series(1, $1) g`, [ADMIN_BENCH_SIZE.partners]);
  await client.query(`CREATE INDEX ON bench_product (n); CREATE INDEX ON bench_partner (n); ANALYZE bench_product; ANALYZE bench_partner`);
}

/** After the orders: items, commissions, counters, rollups (separate so a failed run can resume here). */
export async function finishAdminBenchData(client: pg.Client) {
  await createPickTables(client);
  await client.query(`ALTER TABLE "OrderItem" DISABLE TRIGGER USER`);
  await client.query(`ALTER TABLE "Commission" DISABLE TRIGGER USER`);
  await step("order items (a bump on every tenth order)", () =>
    client.query(`
      INSERT INTO "OrderItem" ("id", "orderId", "productId", "kind", "productName", "quantity", "unitPrice", "unitCost", "total", "createdAt")
      SELECT 'bi' || o.id, o.id, o."productId", 'MAIN'::"OrderItemKind", pr.name, 1, o."itemsTotal", pr."baseCost", o."itemsTotal", o."createdAt"
      FROM "Order" o JOIN bench_product pr ON pr.id = o."productId"
      UNION ALL
      SELECT 'bb' || o.id, o.id, pr.id, 'BUMP'::"OrderItemKind", pr.name, 1, 0, pr."baseCost", 0, o."createdAt"
      FROM "Order" o JOIN bench_product pr ON pr.n = 19
      WHERE right(o.id, 1) = '0'`),
  );
  await step("commissions of the attributed orders", () =>
    client.query(`
      INSERT INTO "Commission" ("id", "orderId", "partnerId", "level", "amount", "currency", "ruleKind", "ruleValue", "trigger", "status", "approvedAt", "cancelledAt", "createdAt", "updatedAt")
      SELECT 'bk' || l.level || o.id, o.id, CASE WHEN l.level = 0 THEN o."partnerId" ELSE 'bench-partner-1' END, l.level, o."total" / (10 * (l.level + 1)), o."currency",
             'PERCENT', 1000 / (l.level + 1), 'APPROVAL',
             (CASE WHEN o."status" IN ('CANCELLED', 'RETURNED', 'DUPLICATE', 'SPAM') THEN 'CANCELLED' WHEN o."confirmedAt" IS NOT NULL THEN 'APPROVED' ELSE 'PENDING' END)::"CommissionStatus",
             o."confirmedAt", o."cancelledAt", o."createdAt", o."createdAt"
      FROM "Order" o CROSS JOIN (VALUES (0), (1)) l(level)
      WHERE o."partnerId" IS NOT NULL AND (l.level = 0 OR (right(o.id, 1) IN ('1', '2', '3') AND o."partnerId" <> 'bench-partner-1'))`),
  );
  await client.query(`ALTER TABLE "Order" ENABLE TRIGGER USER`);
  await client.query(`ALTER TABLE "OrderItem" ENABLE TRIGGER USER`);
  await client.query(`ALTER TABLE "Commission" ENABLE TRIGGER USER`);
  await client.query(`SELECT setval(pg_get_serial_sequence('"Order"', 'number'), (SELECT max("number") FROM "Order"))`);

  await step("customer counters", () =>
    client.query(`
      UPDATE "Customer" c SET "ordersCount" = a.orders, "paidOrdersCount" = a.paid, "firstOrderAt" = a.first, "lastOrderAt" = a.last, "lastPaidAt" = a.last_paid
      FROM (SELECT "customerId", count(*)::int AS orders, (count(*) FILTER (WHERE "status" = 'PAID'))::int AS paid, min("createdAt") AS first, max("createdAt") AS last,
                   max("paidAt") FILTER (WHERE "status" = 'PAID') AS last_paid
            FROM "Order" GROUP BY 1) a
      WHERE c."id" = a."customerId"`),
  );
  const { rows } = await client.query<{ exists: boolean }>(`SELECT to_regproc('lavka_rebuild_order_rollups') IS NOT NULL AS "exists"`);
  if (rows[0]?.exists) await step("order counters and daily rollups (lavka_rebuild_order_rollups)", () => client.query(`SELECT lavka_rebuild_order_rollups()`));
  await step("VACUUM ANALYZE", () => client.query(`VACUUM ANALYZE`));
}
