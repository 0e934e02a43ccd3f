// `npm run bench:crm` (also `npm run bench` with BENCH_ONLY including `crm`): the CRM at size —
// 300,000 customers (with phones, emails and addresses), 1,000,000 orders over a year (mixed
// statuses, about a third PAID) and 2,000 open deals — and the time of what the CRM does with
// them, each beside a raw-SQL baseline of the same query measured in the same run (bare pg):
// - customer search by phone and by email (listCustomers, the list page's query), p50/p95;
// - the customer card (getCustomerOrThrow), p50/p95;
// - the RFM/ABC recompute (recomputeSegments, the nightly job's work), wall time; baseline: one
//   UPDATE statement that scores every customer with ntile() in place (no revenue refresh, no
//   history, all rows locked at once — what the job avoids);
// - the kanban of 2,000 open deals (getDealBoard), p50/p95.
// Data is generated inside PostgreSQL (INSERT … SELECT generate_series), the order trigger off
// during the bulk insert and the customer counters filled in one statement after. The database
// lavka_bench_crm is left for a closer look; the next run recreates it.
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { recreateDatabase, startEmbeddedPostgres, withDatabase } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { step, timeRuns } from "./lib/bench";
import { DATA_DIR, ensureAuthSecret } from "./lib/runtime";
import { seedDemo } from "./seed-demo";

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS) || 300_000;
const ORDERS = Number(process.env.BENCH_CRM_ORDERS) || 1_000_000;
const DEALS = 2_000;
const RUNS = 30;
const TARGETS = { search: 50, card: 100, recompute: 60_000, kanban: 150 };

const started = Date.now();
const server = process.env.TEST_DATABASE_URL
  ? { serverUrl: process.env.TEST_DATABASE_URL, stop: async () => {} }
  : await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "bench-postgres"), persistent: false });
const databaseUrl = withDatabase(server.serverUrl, "lavka_bench_crm");
const client = new pg.Client({ connectionString: databaseUrl });

/** p50/p95 over RUNS runs. */
const time = (run: (index: number) => Promise<unknown>) => timeRuns(RUNS, run);

async function generate() {
  const { rows } = await client.query<{ id: string }>(`SELECT "id" FROM "Product" WHERE "slug" = 'casio-g-shock'`);
  const productId = rows[0]!.id;
  await step(`${CUSTOMERS.toLocaleString("en")} customers`, () =>
    client.query(
      `INSERT INTO "Customer" ("id", "name", "phone", "phoneNormalized", "email", "emailNormalized", "country", "region", "updatedAt", "createdAt")
       SELECT 'bc' || lpad(g::text, 7, '0'), 'Покупатель ' || g, '+7 916 ' || lpad(g::text, 7, '0'), '+7916' || lpad(g::text, 7, '0'),
              'customer' || g || '@example.ru', 'customer' || g || '@example.ru', 'RU', 'RU', now(), now() - random() * interval '400 days'
       FROM generate_series(1, $1) g`,
      [CUSTOMERS],
    ),
  );
  await step("their phones, emails and addresses", async () => {
    await client.query(
      `INSERT INTO "CustomerPhone" ("id", "customerId", "phone", "normalized", "isPrimary")
       SELECT 'bp' || g, 'bc' || lpad(g::text, 7, '0'), '+7 916 ' || lpad(g::text, 7, '0'), '+7916' || lpad(g::text, 7, '0'), true FROM generate_series(1, $1) g`,
      [CUSTOMERS],
    );
    await client.query(
      `INSERT INTO "CustomerEmail" ("id", "customerId", "email", "normalized", "isPrimary")
       SELECT 'be' || g, 'bc' || lpad(g::text, 7, '0'), 'customer' || g || '@example.ru', 'customer' || g || '@example.ru', true FROM generate_series(1, $1) g`,
      [CUSTOMERS],
    );
    await client.query(
      `INSERT INTO "CustomerAddress" ("id", "customerId", "country", "postcode", "city", "street", "house", "isDefault", "updatedAt")
       SELECT 'ba' || g, 'bc' || lpad(g::text, 7, '0'), 'RU', lpad((100000 + g % 90000)::text, 6, '0'), (ARRAY['Москва','Санкт-Петербург','Казань','Новосибирск','Екатеринбург'])[1 + g % 5],
              'ул. Ленина', (1 + g % 120)::text, true, now()
       FROM generate_series(1, $1) g`,
      [CUSTOMERS],
    );
  });
  // The counters trigger would update a customer per order row: off for the bulk insert, then
  // the counters are computed once, as the trigger would have left them.
  await step(`${ORDERS.toLocaleString("en")} orders over a year`, async () => {
    await client.query(`ALTER TABLE "Order" DISABLE TRIGGER USER`);
    await client.query(
      `INSERT INTO "Order" ("id", "publicId", "status", "statusChangedAt", "paymentMethod", "customerId", "productId", "customerName", "phone", "phoneNormalized",
                            "region", "country", "currency", "itemsTotal", "total", "paidAt", "createdAt", "updatedAt")
       SELECT 'bo' || g, gen_random_uuid()::text, s.status::"OrderStatus", o.created + interval '5 days', 'COD', 'bc' || lpad(o.customer::text, 7, '0'), $2,
              'Покупатель ' || o.customer, '+7 916 ' || lpad(o.customer::text, 7, '0'), '+7916' || lpad(o.customer::text, 7, '0'),
              'RU', 'RU', 'RUB', o.amount, o.amount, CASE WHEN s.status = 'PAID' THEN o.created + interval '7 days' END, o.created, now()
       FROM generate_series(1, $1) g
       CROSS JOIN LATERAL (SELECT 1 + floor(random() * $3)::int AS customer, (now() AT TIME ZONE 'UTC') - random() * interval '365 days' AS created,
                                  (990 + floor(random() * 20) * 500) * 100 AS amount, random() AS dice, g AS seq) o
       CROSS JOIN LATERAL (SELECT CASE WHEN o.dice < 0.35 THEN 'PAID' WHEN o.dice < 0.5 THEN 'RETURNED' WHEN o.dice < 0.6 THEN 'CANCELLED'
                                       WHEN o.dice < 0.7 THEN 'SHIPPED' WHEN o.dice < 0.8 THEN 'CONFIRMED' WHEN o.dice < 0.9 THEN 'UNCONFIRMED' ELSE 'DELIVERED' END AS status) s`,
      [ORDERS, productId, CUSTOMERS],
    );
    await client.query(`ALTER TABLE "Order" ENABLE TRIGGER USER`);
  });
  await step("customer counters", () =>
    client.query(`
      UPDATE "Customer" c SET "ordersCount" = a.orders, "paidOrdersCount" = a.paid, "firstOrderAt" = a.first, "lastOrderAt" = a.last, "lastPaidAt" = a.last_paid
      FROM (SELECT "customerId", count(*)::int AS orders, (count(*) FILTER (WHERE "status" = 'PAID'))::int AS paid, min("createdAt") AS first, max("createdAt") AS last,
                   max("paidAt") FILTER (WHERE "status" = 'PAID') AS last_paid
            FROM "Order" GROUP BY 1) a
      WHERE c."id" = a."customerId"`),
  );
  const pipelineId = "bench-pipeline";
  await step(`${DEALS.toLocaleString("en")} open deals`, async () => {
    await client.query(`INSERT INTO "Pipeline" ("id", "name", "position", "updatedAt") VALUES ($1, 'Bench pipeline', 99, now())`, [pipelineId]);
    await client.query(
      `INSERT INTO "DealStage" ("id", "pipelineId", "name", "position", "kind", "updatedAt")
       SELECT 'bench-stage-' || g, $1, 'Stage ' || g, g, (CASE WHEN g <= 4 THEN 'OPEN' WHEN g = 5 THEN 'WON' ELSE 'LOST' END)::"DealStageKind", now() FROM generate_series(1, 6) g`,
      [pipelineId],
    );
    await client.query(
      `INSERT INTO "Deal" ("id", "title", "pipelineId", "stageId", "customerId", "budget", "currency", "probability", "sortOrder", "updatedAt")
       SELECT 'bench-deal-' || g, 'Сделка ' || g, $1, 'bench-stage-' || (1 + g % 4), 'bc' || lpad((1 + g * 97 % $3)::text, 7, '0'), (10000 + g * 1000)::bigint * 100, 'RUB', 10 * (g % 10), g, now()
       FROM generate_series(1, $2) g`,
      [pipelineId, DEALS, CUSTOMERS],
    );
  });
  await step("ANALYZE", () => client.query(`ANALYZE`));
  return { pipelineId };
}

interface Row {
  what: string;
  lavka: string;
  baseline: string;
  ratio: string;
  target: string;
}

const ms = (value: number) => `${value.toLocaleString("en")} ms`;
const steps = (result: { steps: { refreshMs: number; computeMs: number; writeMs: number } }) =>
  `revenue refresh ${ms(result.steps.refreshMs)}, ranking ${ms(result.steps.computeMs)}, write-back ${ms(result.steps.writeMs)}`;
const pair = (figures: { p50: number; p95: number }) => `${figures.p50} / ${figures.p95} ms`;

async function main() {
  console.log(`CRM benchmark: ${CUSTOMERS.toLocaleString("en")} customers, ${ORDERS.toLocaleString("en")} orders, ${DEALS.toLocaleString("en")} open deals`);
  await recreateDatabase(server.serverUrl, "lavka_bench_crm");
  await migrate({ connectionString: databaseUrl });
  process.env.DATABASE_URL = databaseUrl;
  process.env.NEXTAUTH_SECRET ??= await ensureAuthSecret();
  process.env.LOG_LEVEL ??= "warn";
  await seedDemo(databaseUrl);
  await client.connect();
  const { pipelineId } = await generate();

  // Imported now: lib/env reads DATABASE_URL on first use.
  const { listCustomers } = await import("../lib/crm/customers/list-customers");
  const { getCustomerOrThrow } = await import("../lib/crm/customers/get-customer");
  const { getDealBoard } = await import("../lib/crm/deals/get-deal-board");
  const { recomputeSegments } = await import("../lib/crm/segments/recompute-segments");
  const { disconnectDb, db } = await import("../lib/db");
  const { getPgPool } = await import("../lib/db/pool");
  const owner = await db.user.findFirstOrThrow({ where: { role: "OWNER" }, select: { id: true, role: true } });

  // Customers looked up: spread over the table, a different one each run.
  const customerNumber = (index: number) => 1 + ((index * 9_973 + 17) % CUSTOMERS);
  const phoneOf = (index: number) => `+7916${String(customerNumber(index)).padStart(7, "0")}`;
  const emailOf = (index: number) => `customer${customerNumber(index)}@example.ru`;
  const idOf = (index: number) => `bc${String(customerNumber(index)).padStart(7, "0")}`;
  const rows: Row[] = [];
  const add = (what: string, lavka: { p50: number; p95: number }, baseline: { p50: number; p95: number }, target: number) =>
    rows.push({
      what,
      lavka: pair(lavka),
      baseline: pair(baseline),
      ratio: (lavka.p95 / Math.max(baseline.p95, 0.1)).toFixed(1),
      target: `p95 ≤ ${target} ms: ${lavka.p95 <= target ? "met" : "MISSED"}`,
    });

  console.log("measuring…");
  const phoneSearch = await time(async (index) => {
    const page = await listCustomers({ q: phoneOf(index) }, owner);
    if (!page.items.length) throw new Error(`phone search found nobody for ${phoneOf(index)}`);
  });
  const phoneBaseline = await time((index) =>
    client.query(
      `SELECT c.id, c.name, c.phone, c.email, c."paidRevenue" FROM "Customer" c
       WHERE c."mergedIntoId" IS NULL AND c.id IN (SELECT "customerId" FROM "CustomerPhone" WHERE normalized LIKE $1 UNION SELECT id FROM "Customer" WHERE "phoneNormalized" = $2)
       ORDER BY c."createdAt" DESC, c.id DESC LIMIT 50`,
      [`%${phoneOf(index).slice(1)}%`, phoneOf(index)],
    ),
  );
  add("customer search by phone (listCustomers)", phoneSearch, phoneBaseline, TARGETS.search);

  const emailSearch = await time(async (index) => {
    const page = await listCustomers({ q: emailOf(index) }, owner);
    if (!page.items.length) throw new Error(`email search found nobody for ${emailOf(index)}`);
  });
  const emailBaseline = await time((index) =>
    client.query(
      `SELECT c.id, c.name, c.phone, c.email, c."paidRevenue" FROM "Customer" c
       WHERE c."mergedIntoId" IS NULL AND c.id IN (SELECT "customerId" FROM "CustomerEmail" WHERE normalized LIKE $1 UNION SELECT id FROM "Customer" WHERE "emailNormalized" = $2)
       ORDER BY c."createdAt" DESC, c.id DESC LIMIT 50`,
      [`%${emailOf(index)}%`, emailOf(index)],
    ),
  );
  add("customer search by email (listCustomers)", emailSearch, emailBaseline, TARGETS.search);

  const card = await time((index) => getCustomerOrThrow({ id: idOf(index) }, owner));
  const cardBaseline = await time(async (index) => {
    await client.query(`SELECT * FROM "Customer" WHERE id = $1`, [idOf(index)]);
    await client.query(`SELECT * FROM "CustomerPhone" WHERE "customerId" = $1`, [idOf(index)]);
    await client.query(`SELECT * FROM "CustomerEmail" WHERE "customerId" = $1`, [idOf(index)]);
    await client.query(`SELECT * FROM "CustomerAddress" WHERE "customerId" = $1`, [idOf(index)]);
    await client.query(`SELECT id, number, status, total, currency, "createdAt" FROM "Order" WHERE "customerId" = $1 ORDER BY "createdAt" DESC, id DESC LIMIT 20`, [idOf(index)]);
    await client.query(`SELECT * FROM "RefusalRecord" WHERE "phoneNormalized" = $1 ORDER BY "createdAt" DESC LIMIT 50`, [phoneOf(index)]);
  });
  add("customer card (getCustomerOrThrow)", card, cardBaseline, TARGETS.card);

  const board = await time(async () => {
    const result = await getDealBoard({ pipelineId }, owner);
    if (result.columns.reduce((sum, column) => sum + column.count, 0) !== DEALS) throw new Error("the board does not show every deal");
  });
  const boardBaseline = await time(() =>
    client.query(
      `SELECT st.id, st.name,
         (SELECT json_agg(x) FROM (SELECT d.id, d.title, d.budget::text, d.currency, c.name FROM "Deal" d LEFT JOIN "Customer" c ON c.id = d."customerId"
                                   WHERE d."stageId" = st.id ORDER BY d."sortOrder", d.id LIMIT 500) x) AS deals,
         (SELECT json_agg(y) FROM (SELECT d.currency, count(*), sum(d.budget)::text FROM "Deal" d WHERE d."stageId" = st.id GROUP BY 1) y) AS totals
       FROM "DealStage" st WHERE st."pipelineId" = $1 ORDER BY st.position`,
      [pipelineId],
    ),
  );
  add(`kanban of ${DEALS.toLocaleString("en")} open deals (getDealBoard)`, board, boardBaseline, TARGETS.kanban);

  // The recompute: the job's function, twice (the first writes every segment and a history row
  // each; the second is the nightly steady state), beside one in-place UPDATE.
  const first = await recomputeSegments();
  const second = await recomputeSegments();
  const baselineStart = performance.now();
  await client.query(`
    UPDATE "Customer" c SET "rfmRecency" = s.r, "rfmFrequency" = s.f, "rfmMonetary" = s.m, "segmentedAt" = now() AT TIME ZONE 'UTC'
    FROM (SELECT id, ntile(5) OVER (ORDER BY "lastPaidAt", "paidOrdersCount", "paidRevenue", id COLLATE "C") AS r,
                 ntile(5) OVER (ORDER BY "paidOrdersCount", "paidRevenue", "lastPaidAt", id COLLATE "C") AS f,
                 ntile(5) OVER (ORDER BY "paidRevenue", "paidOrdersCount", "lastPaidAt", id COLLATE "C") AS m
          FROM "Customer" WHERE "paidOrdersCount" > 0) s
    WHERE c.id = s.id`);
  const baselineMs = Math.round(performance.now() - baselineStart);
  rows.push({
    what: `RFM/ABC recompute (recomputeSegments), first run: ${first.scored.toLocaleString("en")} scored, ${first.written.toLocaleString("en")} written, ${first.changed.toLocaleString("en")} history rows (${steps(first)})`,
    lavka: ms(first.ms),
    baseline: ms(baselineMs),
    ratio: (first.ms / Math.max(baselineMs, 1)).toFixed(1),
    target: `≤ ${TARGETS.recompute / 1000} s: ${first.ms <= TARGETS.recompute ? "met" : "MISSED"}`,
  });
  rows.push({
    what: `RFM/ABC recompute, second run (nothing moved: ${second.written} written, ${second.changed} history rows; ${steps(second)})`,
    lavka: ms(second.ms),
    baseline: ms(baselineMs),
    ratio: (second.ms / Math.max(baselineMs, 1)).toFixed(1),
    target: `≤ ${TARGETS.recompute / 1000} s: ${second.ms <= TARGETS.recompute ? "met" : "MISSED"}`,
  });

  console.log("");
  console.log("| what | Lavka p50 / p95 | baseline (raw SQL) p50 / p95 | ratio (p95) | target |");
  console.log("|---|---|---|---|---|");
  for (const row of rows) console.log(`| ${row.what} | ${row.lavka} | ${row.baseline} | ${row.ratio} | ${row.target} |`);
  console.log(`\n(${RUNS} runs each after a warm-up; the recompute is one wall-clock run; total ${((Date.now() - started) / 1000).toFixed(0)} s)`);

  await disconnectDb();
  await getPgPool().end();
}

try {
  await main();
} finally {
  await client.end().catch(() => undefined);
  await server.stop();
}
