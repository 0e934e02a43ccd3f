// `npm run bench:partner-stats`: how fast the partner cabinet's statistics answer over a large
// program — 1,000,000 clicks and 100,000 orders (with their level-0 commissions) for 50 partners
// over 90 days, one of them busy (about a tenth of all traffic). Times getPartnerStats and
// getPartnerBreakdown (by day) for that partner over 7, 30 and 90 days, 20 runs each (median and
// p95), beside a baseline measured in the same run: the same headline numbers from one
// hand-written SQL statement over bare pg. Ends with EXPLAIN ANALYZE summaries of the 90-day
// queries, so that a slow figure comes with the plan that explains it. The data is left in the
// database lavka_bench_partner_stats for a closer look; the next run recreates it.
// Data is generated inside PostgreSQL (one INSERT … SELECT generate_series per table): seeding
// row by row from Node would take longer than everything measured here.
import path from "node:path";
import pg from "pg";
import { recreateDatabase, startEmbeddedPostgres, withDatabase } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { step, timeRuns } from "./lib/bench";
import { DATA_DIR, ensureAuthSecret } from "./lib/runtime";
import { seedDemo } from "./seed-demo";

const CLICKS = Number(process.env.BENCH_CLICKS) || 1_000_000;
const ORDERS = Number(process.env.BENCH_ORDERS) || 100_000;
const PARTNERS = 50;
const DAYS = 90;
const RUNS = 20;
const BUSY_PARTNER = "bench-partner-00";
const TARGET_MS = 200; // the target for one period's statistics

const started = Date.now();
const server = process.env.TEST_DATABASE_URL
  ? { serverUrl: process.env.TEST_DATABASE_URL, stop: async () => {} }
  : await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "bench-postgres"), persistent: false });
const databaseUrl = withDatabase(server.serverUrl, "lavka_bench_partner_stats");
const client = new pg.Client({ connectionString: databaseUrl });

/** p50/p95 over RUNS runs. */
const time = (run: (index: number) => Promise<unknown>) => timeRuns(RUNS, run);

async function generate() {
  const { rows } = await client.query<{ id: string; currency: string }>(`SELECT "id", "currency" FROM "Product" WHERE "slug" = 'casio-g-shock'`);
  const product = rows[0]!;
  // Partners bench-partner-00 … 49; 00 is the busy one the figures are for.
  await step(`${PARTNERS} partners`, () =>
    client.query(
      `INSERT INTO "Partner" ("id", "login", "email", "name", "passwordHash", "status", "emailVerifiedAt", "updatedAt")
       SELECT 'bench-partner-' || lpad(g::text, 2, '0'), 'benchpartner' || g, 'bench-partner-' || g || '@example.com',
              'Bench partner ' || g, 'x', 'ACTIVE', now(), now()
       FROM generate_series(0, $1 - 1) g`,
      [PARTNERS],
    ),
  );
  await client.query(`INSERT INTO "Customer" ("id", "name", "updatedAt") VALUES ('bench-customer', 'Bench customer', now())`);
  // Partner of row g: a tenth of the rows go to partner 00, the rest spread over the others.
  const partnerOf = `'bench-partner-' || lpad((CASE WHEN random() < 0.1 THEN 0 ELSE 1 + floor(random() * ($2 - 1))::int END)::text, 2, '0')`;
  const spreadOverDays = `(now() AT TIME ZONE 'UTC') - random() * interval '${DAYS} days'`;
  await step(`${CLICKS.toLocaleString("en")} clicks`, () =>
    client.query(
      `INSERT INTO "Click" ("partnerId", "productId", "sub1", "fingerprintHash", "isUnique", "isBot", "createdAt")
       SELECT ${partnerOf}, $3, 'sub' || (g % 20), md5(g::text), random() < 0.7, random() < 0.03, ${spreadOverDays}
       FROM generate_series(1, $1) g`,
      [CLICKS, PARTNERS, product.id],
    ),
  );
  // Statuses in roughly a COD shop's proportions; shipped ones get a shipping time after placing.
  await step(`${ORDERS.toLocaleString("en")} orders`, () =>
    client.query(
      `INSERT INTO "Order" ("id", "publicId", "status", "paymentMethod", "paymentStatus", "customerId", "productId", "region", "country",
                            "currency", "itemsTotal", "total", "partnerId", "sub1", "shippedAt", "createdAt", "updatedAt")
       SELECT 'bench-order-' || g, gen_random_uuid()::text, s.status::"OrderStatus", s.method::"PaymentMethod",
              (CASE WHEN s.status = 'PAID' THEN 'PAID' ELSE 'UNPAID' END)::"PaymentStatus",
              'bench-customer', $3, 'RU', 'RU', $4,
              129000, 129000, -- 1,290.00 RUB
              s.partner, 'sub' || (g % 20),
              CASE WHEN s.status IN ('SHIPPED', 'DELIVERED', 'HANDED', 'PAID', 'RETURNED') THEN s.created + interval '2 days' END,
              s.created, s.created
       FROM generate_series(1, $1) g
       CROSS JOIN LATERAL (
         SELECT ${partnerOf} AS partner, ${spreadOverDays} AS created,
                (ARRAY['UNCONFIRMED','CONFIRMED','SHIPPED','DELIVERED','HANDED','PAID','PAID','PAID','CANCELLED','RETURNED','DUPLICATE','SPAM'])[1 + floor(random() * 12)::int] AS status,
                (ARRAY['COD','COD','COD','COURIER','PREPAID'])[1 + floor(random() * 5)::int] AS method,
                g AS seed -- a reference to g makes PostgreSQL draw new random values for every row
       ) s`,
      [ORDERS, PARTNERS, product.id, product.currency],
    ),
  );
  await step(`${ORDERS.toLocaleString("en")} commissions`, () =>
    client.query(
      `INSERT INTO "Commission" ("id", "orderId", "partnerId", "level", "amount", "currency", "ruleKind", "ruleValue", "trigger",
                                 "status", "approvedAt", "availableAt", "createdAt", "updatedAt")
       SELECT 'bench-commission-' || o."id", o."id", o."partnerId", 0,
              12900, -- 129.00 RUB: 10% of the order
              o."currency", 'PERCENT', 1000, 'APPROVAL',
              (CASE WHEN o."status" IN ('CANCELLED', 'RETURNED', 'DUPLICATE', 'SPAM') THEN 'CANCELLED'
                    WHEN o."status" = 'UNCONFIRMED' THEN 'PENDING'
                    WHEN o."createdAt" < (now() AT TIME ZONE 'UTC') - interval '60 days' THEN 'PAID'
                    ELSE 'APPROVED' END)::"CommissionStatus",
              CASE WHEN o."status" <> 'UNCONFIRMED' THEN o."createdAt" END,
              CASE WHEN o."status" <> 'UNCONFIRMED' THEN o."createdAt" + interval '14 days' END,
              o."createdAt", o."createdAt"
       FROM "Order" o WHERE o."id" LIKE 'bench-order-%'`,
    ),
  );
  // VACUUM as well: it sets the visibility map that index-only scans need. Autovacuum does the
  // same for an insert-mostly table like Click in production (PostgreSQL 13+ vacuums after inserts).
  await step("VACUUM ANALYZE", () => client.query(`VACUUM ANALYZE "Click", "Order", "Commission"`));
}

// The cabinet's headline numbers (clicks, orders by outcome, buyout, earnings by currency) in one
// statement over the same columns: what a hand-tuned query costs, without Prisma or Node merging.
const BASELINE_SQL = `
  WITH bounds AS (SELECT $2::timestamp AS "start", $3::timestamp AS "end"),
  clicks AS (
    SELECT count(*) FILTER (WHERE NOT c."isBot") AS "raw", count(*) FILTER (WHERE c."isUnique" AND NOT c."isBot") AS "unique"
    FROM "Click" c, bounds b WHERE c."partnerId" = $1 AND c."createdAt" >= b."start" AND c."createdAt" < b."end"),
  orders AS (
    SELECT count(*) AS "total",
           count(*) FILTER (WHERE o."status" IN ('CONFIRMED','SHIPPED','DELIVERED','HANDED','PAID')) AS "confirmed",
           count(*) FILTER (WHERE o."status" IN ('DUPLICATE','SPAM')) AS "duplicateOrSpam",
           count(*) FILTER (WHERE o."paymentMethod" IN ('COD','COURIER') AND o."status" = 'UNCONFIRMED') AS "codUnconfirmed",
           count(*) FILTER (WHERE o."paymentMethod" IN ('COD','COURIER') AND o."status" = 'PAID') AS "codConfirmedPaid",
           count(*) FILTER (WHERE o."paymentMethod" IN ('COD','COURIER') AND o."status" IN ('CONFIRMED','SHIPPED','DELIVERED','HANDED')) AS "codConfirmedUnpaid",
           count(*) FILTER (WHERE o."paymentMethod" = 'PREPAID' AND o."paymentStatus" = 'PAID') AS "prepaidPaid"
    FROM "Order" o, bounds b WHERE o."partnerId" = $1 AND o."createdAt" >= b."start" AND o."createdAt" < b."end"),
  buyout AS (
    SELECT count(*) AS "shipped", count(*) FILTER (WHERE o."status" = 'PAID') AS "paid"
    FROM "Order" o, bounds b WHERE o."partnerId" = $1 AND o."shippedAt" >= b."start" AND o."shippedAt" < b."end"),
  earnings AS (
    SELECT cm."currency", sum(cm."amount") FILTER (WHERE cm."status" = 'PENDING') AS "pending",
           sum(cm."amount") FILTER (WHERE cm."status" = 'APPROVED' AND (cm."availableAt" IS NULL OR cm."availableAt" > now() AT TIME ZONE 'UTC')) AS "onHold",
           sum(cm."amount") FILTER (WHERE cm."status" = 'AVAILABLE' OR (cm."status" = 'APPROVED' AND cm."availableAt" <= now() AT TIME ZONE 'UTC')) AS "available",
           sum(cm."amount") FILTER (WHERE cm."status" = 'PAID') AS "paid"
    FROM "Commission" cm, bounds b
    WHERE cm."partnerId" = $1 AND cm."status" <> 'CANCELLED' AND cm."createdAt" >= b."start" AND cm."createdAt" < b."end"
    GROUP BY cm."currency")
  SELECT row_to_json(clicks) AS "clicks", row_to_json(orders) AS "orders", row_to_json(buyout) AS "buyout",
         (SELECT json_agg(earnings) FROM earnings) AS "earnings"
  FROM clicks, orders, buyout`;

// The 90-day statements as the cabinet sends them (lib/affiliates/cabinet), for EXPLAIN.
const EXPLAINED = {
  "clicks by day": `SELECT to_char((c."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Moscow', 'YYYY-MM-DD'), count(*) FILTER (WHERE NOT c."isBot"), count(*) FILTER (WHERE c."isUnique" AND NOT c."isBot") FROM "Click" c WHERE c."partnerId" = $1 AND c."createdAt" >= $2::timestamp AND c."createdAt" < $3::timestamp GROUP BY 1`,
  orders: `SELECT count(*), count(*) FILTER (WHERE o."status" = 'PAID') FROM "Order" o WHERE o."partnerId" = $1 AND o."createdAt" >= $2::timestamp AND o."createdAt" < $3::timestamp`,
  "buyout (shippedAt)": `SELECT count(*), count(*) FILTER (WHERE o."status" = 'PAID') FROM "Order" o WHERE o."partnerId" = $1 AND o."shippedAt" >= $2::timestamp AND o."shippedAt" < $3::timestamp`,
  earnings: `SELECT cm."currency", sum(cm."amount") FROM "Commission" cm WHERE cm."partnerId" = $1 AND cm."status" <> 'CANCELLED' AND cm."createdAt" >= $2::timestamp AND cm."createdAt" < $3::timestamp GROUP BY 1`,
  "earnings by day": `SELECT to_char((cm."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Moscow', 'YYYY-MM-DD'), cm."currency", sum(cm."amount") FROM "Commission" cm JOIN "Order" o ON o."id" = cm."orderId" WHERE cm."partnerId" = $1 AND cm."status" <> 'CANCELLED' AND cm."createdAt" >= $2::timestamp AND cm."createdAt" < $3::timestamp GROUP BY 1, 2`,
};

/** The plan's scan nodes and its execution time: enough to see which index (if any) was used. */
async function explain(sql: string, params: unknown[]) {
  const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  const lines = rows.map((row) => row["QUERY PLAN"]);
  return lines.filter((line) => /Scan|Execution Time|Sort Method|Workers Launched/.test(line)).map((line) => line.trim().replace(/\s+\(cost=[^)]*\)/, ""));
}

try {
  await recreateDatabase(server.serverUrl, "lavka_bench_partner_stats");
  await migrate({ connectionString: databaseUrl });
  await seedDemo(databaseUrl);
  await client.connect();
  console.log("generating data…");
  await generate();

  // The cabinet's modules read the one Prisma client, configured from the environment on first use.
  process.env.DATABASE_URL = databaseUrl;
  process.env.NEXTAUTH_SECRET ??= await ensureAuthSecret();
  const { getPartnerStats } = await import("../lib/affiliates/cabinet/get-partner-stats");
  const { getPartnerBreakdown } = await import("../lib/affiliates/cabinet/get-partner-breakdown");
  const { addDays, resolvePeriod, zonedDay } = await import("../lib/reports/resolve-period");
  const { disconnectDb } = await import("../lib/db");

  const now = new Date();
  const today = zonedDay(now);
  const periods = [
    { label: "7 days", input: { period: "7d" as const } },
    { label: "30 days", input: { period: "30d" as const } },
    { label: `${DAYS} days`, input: { period: "custom" as const, from: addDays(today, -(DAYS - 1)), to: today } },
  ];

  const results = [];
  for (const { label, input } of periods) {
    const period = resolvePeriod(input, now);
    const bounds = [BUSY_PARTNER, period.start.toISOString().replace("Z", ""), period.end.toISOString().replace("Z", "")];
    const stats = await getPartnerStats(BUSY_PARTNER, input, now);
    console.log(`\n${label} (${period.fromDay} … ${period.toDay}): ${stats.clicks.raw} raw clicks, ${stats.orders.total} orders, ${stats.buyout.shipped} shipped`);
    const statsTime = await time(() => getPartnerStats(BUSY_PARTNER, input, now));
    const breakdownTime = await time(() => getPartnerBreakdown(BUSY_PARTNER, { ...input, group: "day" }, now));
    // As the cabinet page loads them: side by side.
    const bothTime = await time(() => Promise.all([getPartnerStats(BUSY_PARTNER, input, now), getPartnerBreakdown(BUSY_PARTNER, { ...input, group: "day" }, now)]));
    const baselineTime = await time(() => client.query(BASELINE_SQL, bounds));
    const baseline = (await client.query<{ clicks: { raw: number }; orders: { total: number } }>(BASELINE_SQL, bounds)).rows[0]!;
    if (baseline.clicks.raw !== stats.clicks.raw || baseline.orders.total !== stats.orders.total) {
      throw new Error(`baseline disagrees: ${JSON.stringify(baseline)} vs ${JSON.stringify(stats)}`);
    }
    results.push({ label, statsTime, breakdownTime, bothTime, baselineTime, bounds });
  }

  console.log(`\n${"period".padEnd(10)}${"stats med/p95".padStart(16)}${"breakdown med/p95".padStart(20)}${"both med/p95".padStart(16)}${"1 SQL med/p95".padStart(16)}  (ms, ${RUNS} runs)`);
  const cell = (t: { p50: number; p95: number }, width: number) => `${t.p50}/${t.p95}`.padStart(width);
  for (const row of results) {
    console.log(`${row.label.padEnd(10)}${cell(row.statsTime, 16)}${cell(row.breakdownTime, 20)}${cell(row.bothTime, 16)}${cell(row.baselineTime, 16)}`);
  }
  const worst = Math.max(...results.map((row) => row.bothTime.p95));
  console.log(`\nworst p95 of stats + breakdown: ${worst} ms (target ≤ ${TARGET_MS} ms): ${worst <= TARGET_MS ? "met" : "NOT met"}`);

  const longest = results.at(-1)!;
  console.log(`\nEXPLAIN ANALYZE, ${longest.label}:`);
  for (const [name, sql] of Object.entries(EXPLAINED)) {
    console.log(`- ${name}`);
    for (const line of await explain(sql, longest.bounds)) console.log(`    ${line}`);
  }
  await disconnectDb();
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)`);
} finally {
  await client.end().catch(() => {});
  await server.stop();
}
