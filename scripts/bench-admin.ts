// `npm run bench:admin` (issue 13): the admin at a million orders, measured through the
// production server (server.ts, its own build in .next-bench) signed in as the owner, each page
// beside its queries run directly on PostgreSQL (bare pg) in the same run.
// The data set (scripts/bench-admin-data.ts: 1,000,000 orders, 300,000 customers, 20 %
// attributed, one year, 1,000,000 clicks) is generated in SQL into lavka_bench_admin on
// TEST_DATABASE_URL (default: the local PostgreSQL) and reused by later runs while the
// generator's version (kept as the database's comment) is the same: generating takes minutes.
// `--generate-only` stops after the data; BENCH_ADMIN_RUNS sets the runs per page (default 30),
// BENCH_ADMIN_WARMUP the unmeasured requests before them (default 10: a server just started runs
// its first requests of a page through the JIT's cold code, which is not what a shop's admin sees);
// `--export-only` measures only the CSV export; BENCH_DIST_DIR another build folder than .next-bench. BENCH_ADMIN_ORDERS (with BENCH_CUSTOMERS and
// BENCH_ADMIN_CLICKS) makes a smaller set for development, kept apart in lavka_bench_admin_<orders>.
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { recreateDatabase, withDatabase } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { addDays, zonedDayStart } from "../lib/reports/resolve-period";
import { ADMIN_BENCH_GENERATOR, ADMIN_BENCH_SIZE, generateAdminBenchData } from "./bench-admin-data";
import { percentile, step } from "./lib/bench";
import { buildIfNeeded, ensureAuthSecret, startApp, waitForHttp } from "./lib/runtime";
import { seedDemo } from "./seed-demo";

const RUNS = Number(process.env.BENCH_ADMIN_RUNS) || 30;
const WARMUP = Number(process.env.BENCH_ADMIN_WARMUP) || 10;
const DATABASE = process.env.BENCH_ADMIN_ORDERS ? `lavka_bench_admin_${ADMIN_BENCH_SIZE.orders}` : "lavka_bench_admin";
const exportOnly = process.argv.includes("--export-only");
const serverUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const databaseUrl = withDatabase(serverUrl, DATABASE);
const started = Date.now();

/** The data set: reused when the database exists and was made by this generator version. */
async function ensureData() {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const { rows } = await admin.query<{ comment: string | null }>(`SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`, [DATABASE]);
  await admin.end();
  if (rows[0]?.comment === ADMIN_BENCH_GENERATOR) {
    console.log(`reusing ${DATABASE} (${ADMIN_BENCH_GENERATOR}); migrating it`);
    await migrate({ connectionString: databaseUrl });
    return;
  }
  console.log(`generating ${DATABASE}: ${ADMIN_BENCH_SIZE.orders.toLocaleString("en")} orders, ${ADMIN_BENCH_SIZE.customers.toLocaleString("en")} customers (a few minutes)`);
  await recreateDatabase(serverUrl, DATABASE);
  await migrate({ connectionString: databaseUrl });
  await seedDemo(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await generateAdminBenchData(client);
    await client.query(`COMMENT ON DATABASE ${DATABASE} IS '${ADMIN_BENCH_GENERATOR}'`);
  } finally {
    await client.end();
  }
}

await step("data set", ensureData);
if (process.argv.includes("--generate-only")) {
  console.log(`data ready (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  process.exit(0);
}

interface Figures {
  p50: number;
  p95: number;
}
interface Row {
  what: string;
  lavka: Figures;
  sql: Figures;
  bytes?: number;
  target: number;
}

process.env.DATABASE_URL = databaseUrl;
process.env.LOG_LEVEL ??= "warn";
const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
const one = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows[0]!;
/** A page's queries, one after another: they share the one client, which runs one query at a time. */
const inTurn = async (...queries: (() => Promise<unknown>)[]) => {
  for (const query of queries) await query();
};

/** p50/p95 over RUNS runs after one warm-up, each run given its index. */
async function timeRuns(run: (index: number) => Promise<unknown>, runs = RUNS): Promise<Figures> {
  // Warm-up values past the measured ones: the same kind of request, other rows.
  for (let index = runs; index < runs + WARMUP; index++) await run(index);
  const samples: number[] = [];
  for (let index = 0; index < runs; index++) {
    const before = performance.now();
    await run(index);
    samples.push(performance.now() - before);
  }
  samples.sort((a, b) => a - b);
  return { p50: +percentile(samples, 50).toFixed(1), p95: +percentile(samples, 95).toFixed(1) };
}

// ── What the pages are asked for: spread over the data, a different value each run ──
const customerNumber = (index: number) => 1 + ((index * 9_973 + 17) % ADMIN_BENCH_SIZE.customers);
const phoneOf = (index: number) => `+7 916 ${String(customerNumber(index)).padStart(7, "0")}`;
const e164Of = (index: number) => `+7916${String(customerNumber(index)).padStart(7, "0")}`;
const emailOf = (index: number) => `customer${customerNumber(index)}@example.ru`;
const { max_number: maxNumber } = await one<{ max_number: number }>(`SELECT max("number") AS max_number FROM "Order"`);
const numberOf = (index: number) => maxNumber - ((index * 7_919) % 900_000);
const bestSeller = (await one<{ id: string }>(`SELECT "productId" AS id FROM "Order" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).id;
const busiestPartner = "bench-partner-1";
// Page 50 (49 pages of 50 back), newest first: its cursor as the list encodes it.
const deep = await one<{ iso: string; id: string }>(
  `SELECT to_char("createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS iso, id FROM "Order" ORDER BY "createdAt" DESC, id DESC OFFSET 2449 LIMIT 1`,
);
const deepCursor = Buffer.from(`${deep.iso}|${deep.id}`).toString("base64url");
const today = await one<{ day: string; days_ago: string; year_ago: string; month_from: string; month_to: string }>(
  `SELECT to_char(d, 'YYYY-MM-DD') AS day, to_char(d - 29, 'YYYY-MM-DD') AS days_ago, to_char(d - 364, 'YYYY-MM-DD') AS year_ago,
          to_char(date_trunc('month', d) - interval '1 month', 'YYYY-MM-DD') AS month_from, to_char(date_trunc('month', d) - interval '1 day', 'YYYY-MM-DD') AS month_to
   FROM (SELECT lavka_shop_day((now() AT TIME ZONE 'UTC')::timestamp(3)) AS d) t`,
);

// ── The production server, signed in as the owner ──
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_DIST_DIR: process.env.BENCH_DIST_DIR || ".next-bench",
  DATABASE_URL: databaseUrl,
  NEXTAUTH_SECRET: await ensureAuthSecret(),
  SMTP_URL: "",
  REDIS_URL: "",
  LOG_LEVEL: "warn",
};
delete env.APP_URL;
// The in-process export below reads the configuration too.
process.env.NEXTAUTH_SECRET = env.NEXTAUTH_SECRET;
await step(`production build (${env.NEXT_DIST_DIR})`, () => buildIfNeeded(env, console.log));
const app = await startApp({ env, worker: false, quiet: true });
await waitForHttp(`${app.url}/api/health`);

/** A cookie jar per account: next-auth's CSRF and session cookies. */
async function signIn(kind: "staff" | "partner", identifier: string, password: string) {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await fetch(`${app.url}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${app.url}/api/auth/callback/${kind}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ csrfToken, identifier, password, json: "true" }),
  });
  keep(response);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error(`sign-in as ${identifier} failed (${response.status})`);
  return header();
}

let lastBytes = 0;
async function page(cookie: string, path: string) {
  const response = await fetch(`${app.url}${path}`, { headers: { cookie }, redirect: "manual" });
  const body = await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  lastBytes = body.byteLength;
}

const rows: Row[] = [];
// BENCH_ADMIN_ONLY=finance,partner cabinet measures only the pages whose name contains one of them.
const only = (process.env.BENCH_ADMIN_ONLY ?? "")
  .split(",")
  .map((part) => part.trim())
  .filter(Boolean);
const measure = async (what: string, target: number, path: (index: number) => string, cookie: string, sql: (index: number) => Promise<unknown>) => {
  if (exportOnly || (only.length > 0 && !only.some((part) => what.includes(part)))) return;
  const lavka = await timeRuns((index) => page(cookie, path(index)));
  const bytes = lastBytes;
  const direct = await timeRuns(sql);
  rows.push({ what, lavka, sql: direct, bytes, target });
  console.log(`  ${what}: ${lavka.p50} / ${lavka.p95} ms (SQL ${direct.p50} / ${direct.p95} ms), ${(bytes / 1024).toFixed(0)} KiB`);
};

// The list's own queries, as plain SQL: the page's rows with product, partner and items, and the counts.
const listSql = (where: string, params: unknown[]) =>
  client.query(
    `SELECT o.id, o.number, o."createdAt", o.status, o."paymentMethod", o."paymentStatus", o."customerName", o.phone, o.email, o.city, o.currency, o.total, o."trackingNumber",
            p.name AS product, pa.login AS partner,
            (SELECT json_agg(json_build_object('name', i."productName", 'quantity', i.quantity, 'kind', i.kind) ORDER BY i."createdAt") FROM "OrderItem" i WHERE i."orderId" = o.id) AS items
     FROM "Order" o JOIN "Product" p ON p.id = o."productId" LEFT JOIN "Partner" pa ON pa.id = o."partnerId"
     WHERE ${where} ORDER BY o."createdAt" DESC, o.id DESC LIMIT 51`,
    params,
  );
const countersSql = () => client.query(`SELECT status, sum(count) FROM "OrderStatusCount" GROUP BY 1`);
/** Filtered counts as countOrdersByStatus does them: up to 1,001 matches, then each status up to 1,001. */
const boundedCountsSql = async (where: string, params: unknown[]) => {
  const { rowCount } = await client.query(`SELECT status FROM "Order" o WHERE ${where} LIMIT 1001`, params);
  if ((rowCount ?? 0) <= 1000) return;
  await client.query(
    `SELECT s.status, (SELECT count(*) FROM (SELECT 1 FROM "Order" o WHERE ${where} AND o.status = s.status LIMIT 1001) x) FROM unnest(enum_range(NULL::"OrderStatus")) s(status)`,
    params,
  );
};

try {
  const owner = await signIn("staff", "owner@lavka.local", "lavka-owner");
  const partner = await signIn("partner", "bench1", "lavka-partner");
  console.log(`measuring (${RUNS} runs each after a warm-up)…`);
  const orders = "/admin/orders";
  await measure(
    "/admin/orders, first page",
    50,
    () => orders,
    owner,
    () =>
      inTurn(
        () => listSql("true", []),
        () => countersSql(),
      ),
  );
  await measure(
    "/admin/orders, tab UNCONFIRMED",
    50,
    () => `${orders}?tab=UNCONFIRMED`,
    owner,
    () =>
      inTurn(
        () => listSql(`o.status = 'UNCONFIRMED'`, []),
        () => countersSql(),
      ),
  );
  await measure(
    "/admin/orders, tab SPAM",
    50,
    () => `${orders}?tab=SPAM`,
    owner,
    () =>
      inTurn(
        () => listSql(`o.status = 'SPAM'`, []),
        () => countersSql(),
      ),
  );
  await measure(
    "/admin/orders, page 50 (keyset)",
    50,
    () => `${orders}?cursor=${deepCursor}`,
    owner,
    () =>
      inTurn(
        () => listSql(`o."createdAt" <= $1 AND (o."createdAt" < $1 OR o.id < $2)`, [deep.iso.replace("Z", ""), deep.id]),
        () => countersSql(),
      ),
  );
  await measure(
    "/admin/orders, search by a whole phone",
    50,
    (index) => `${orders}?q=${encodeURIComponent(phoneOf(index))}`,
    owner,
    (index) =>
      inTurn(
        () => listSql(`o."phoneNormalized" = $1`, [e164Of(index)]),
        () => boundedCountsSql(`o."phoneNormalized" = $1`, [e164Of(index)]),
      ),
  );
  await measure(
    "/admin/orders, search by 7 digits of a phone",
    50,
    (index) => `${orders}?q=${e164Of(index).slice(-7)}`,
    owner,
    (index) =>
      inTurn(
        () => listSql(`o."phoneNormalized" LIKE $1`, [`%${e164Of(index).slice(-7)}%`]),
        () => boundedCountsSql(`o."phoneNormalized" LIKE $1`, [`%${e164Of(index).slice(-7)}%`]),
      ),
  );
  await measure(
    "/admin/orders, search by email",
    50,
    (index) => `${orders}?q=${encodeURIComponent(emailOf(index))}`,
    owner,
    (index) =>
      inTurn(
        () => listSql(`o."emailNormalized" = $1`, [emailOf(index)]),
        () => boundedCountsSql(`o."emailNormalized" = $1`, [emailOf(index)]),
      ),
  );
  await measure(
    "/admin/orders, search by order number",
    50,
    (index) => `${orders}?q=${numberOf(index)}`,
    owner,
    (index) =>
      inTurn(
        () => listSql(`o.number = $1`, [numberOf(index)]),
        () => boundedCountsSql(`o.number = $1`, [numberOf(index)]),
      ),
  );
  await measure(
    "/admin/orders, filter by the busiest partner",
    50,
    () => `${orders}?partnerId=${busiestPartner}`,
    owner,
    () =>
      inTurn(
        () => listSql(`o."partnerId" = $1`, [busiestPartner]),
        () => boundedCountsSql(`o."partnerId" = $1`, [busiestPartner]),
      ),
  );
  await measure(
    "/admin/orders, filter by the best-selling product",
    50,
    () => `${orders}?productId=${bestSeller}`,
    owner,
    () =>
      inTurn(
        () => listSql(`o."productId" = $1`, [bestSeller]),
        () => boundedCountsSql(`o."productId" = $1`, [bestSeller]),
      ),
  );
  await measure(
    "/admin/orders, best seller × tab PAID",
    50,
    () => `${orders}?productId=${bestSeller}&tab=PAID`,
    owner,
    () =>
      inTurn(
        () => listSql(`o."productId" = $1 AND o.status = 'PAID'`, [bestSeller]),
        () => boundedCountsSql(`o."productId" = $1`, [bestSeller]),
      ),
  );

  const rollupSql = (kind: string, from: string, to: string, extra = "", group = "") =>
    client.query(
      `SELECT ${group ? `${group},` : ""} sum(orders), sum(total), sum(shipping), sum("baseCost"), sum(commissions), sum(orders) FILTER (WHERE status = 'PAID')
       FROM "OrderDailyRollup" r WHERE kind = $1::"OrderRollupKind" AND day >= $2::date AND day <= $3::date ${extra} ${group ? `GROUP BY ${group}` : ""}`,
      [kind, from, to],
    );
  const dashboardSql = (from: string, to: string) =>
    inTurn(
      () => rollupSql("CREATED", from, to),
      () => rollupSql("SHIPPED", from, to),
      () => rollupSql("CREATED", from, to, `AND (status = 'PAID' OR "paymentStatus" = 'PAID')`, "currency"),
      () => rollupSql("CREATED", from, to, "", "day"),
    );
  const financeSql = (from: string, to: string) =>
    inTurn(
      () => rollupSql("PAID", from, to, `AND status = 'PAID'`, "currency"),
      () => rollupSql("CONFIRMED", from, to, "", "currency"),
      () => rollupSql("PAID", today.year_ago, today.day, `AND status = 'PAID'`, "to_char(day, 'YYYY-MM'), currency"),
      // Co-owners: the product rollup of the period.
      () =>
        client.query(
          `SELECT to_char(day, 'YYYY-MM'), currency, "productId", sum(orders), sum(revenue), sum("baseCost"), sum(commissions)
         FROM "OrderProductDailyRollup" WHERE day >= $1::date AND day <= $2::date GROUP BY 1, 2, 3`,
          [from, to],
        ),
    );
  const year = `period=custom&from=${today.year_ago}&to=${today.day}`;
  await measure(
    "/admin dashboard, today",
    100,
    () => "/admin",
    owner,
    () => dashboardSql(today.day, today.day),
  );
  await measure(
    "/admin dashboard, 30 days",
    100,
    () => "/admin?period=30d",
    owner,
    () => dashboardSql(today.days_ago, today.day),
  );
  await measure(
    "/admin dashboard, 12 months (custom)",
    100,
    () => `/admin?${year}`,
    owner,
    () => dashboardSql(today.year_ago, today.day),
  );
  await measure(
    "/admin/finance, this month",
    100,
    () => "/admin/finance",
    owner,
    () => financeSql(today.month_from, today.day),
  );
  await measure(
    "/admin/finance, 12 months (custom)",
    100,
    () => `/admin/finance?${year}`,
    owner,
    () => financeSql(today.year_ago, today.day),
  );
  await measure(
    "partner cabinet (busiest partner), 30 days",
    200,
    () => "/partner?period=30d",
    partner,
    () => client.query(`SELECT status, count(*) FROM "Order" WHERE "partnerId" = $1 AND "createdAt" >= now() - interval '30 days' GROUP BY 1`, [busiestPartner]),
  );
  await measure(
    "CRM customer search by phone",
    50,
    (index) => `/admin/customers?q=${encodeURIComponent(phoneOf(index))}`,
    owner,
    (index) => client.query(`SELECT * FROM "Customer" WHERE "phoneNormalized" = $1 LIMIT 50`, [e164Of(index)]),
  );

  // The export of last month, through the server (rows/s; the first request of the route, then
  // once more warm, the faster counted) beside one plain SELECT of the same rows, bound by the
  // (createdAt, id) index as the export's batches are.
  const exportPath = `/api/admin/orders/export?from=${today.month_from}&to=${today.month_to}`;
  let exportMs = Number.POSITIVE_INFINITY;
  let exportRows = 0;
  for (const run of ["first", "warm"]) {
    const exportStart = performance.now();
    const exportResponse = await fetch(`${app.url}${exportPath}`, { headers: { cookie: owner } });
    const csv = await exportResponse.text();
    const runMs = performance.now() - exportStart;
    exportRows = csv.split("\r\n").length - 2;
    exportMs = Math.min(exportMs, runMs);
    console.log(`  CSV export (${run}): ${exportRows.toLocaleString("en")} rows in ${(runMs / 1000).toFixed(1)} s through the server`);
  }
  const sqlStart = performance.now();
  const { rowCount } = await client.query(
    `SELECT o.*, pa.login, (SELECT string_agg(i."productName" || ' × ' || i.quantity, '; ' ORDER BY i."createdAt", i.id) FROM "OrderItem" i WHERE i."orderId" = o.id)
     FROM "Order" o LEFT JOIN "Partner" pa ON pa.id = o."partnerId"
     WHERE o."createdAt" >= $1 AND o."createdAt" < $2 ORDER BY o."createdAt" DESC, o.id DESC`,
    [zonedDayStart(today.month_from), zonedDayStart(addDays(today.month_to, 1))],
  );
  const sqlMs = performance.now() - sqlStart;
  console.log(`  one SELECT of them: ${(sqlMs / 1000).toFixed(1)} s`);

  // Memory while streaming: the same export in this process, RSS sampled as it goes.
  const { exportOrdersCsv } = await import("../lib/orders/export-orders-csv");
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  let streamed = 0;
  const inProcessStart = performance.now();
  const reader = exportOrdersCsv({ from: today.month_from, to: today.month_to }).getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    streamed += chunk.value.byteLength;
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }
  const inProcessMs = performance.now() - inProcessStart;

  const load = os.loadavg().map((value) => value.toFixed(1));
  console.log("");
  console.log(`| page (${RUNS} runs, p50 / p95) | Lavka, through the server | the same queries on PostgreSQL | ratio (p95) | HTML | target |`);
  console.log("|---|---|---|---|---|---|");
  for (const row of rows) {
    const ratio = (row.lavka.p95 / Math.max(row.sql.p95, 0.1)).toFixed(1);
    console.log(
      `| ${row.what} | ${row.lavka.p50} / ${row.lavka.p95} ms | ${row.sql.p50} / ${row.sql.p95} ms | ${ratio} | ${((row.bytes ?? 0) / 1024).toFixed(0)} KiB | p95 ≤ ${row.target} ms: ${row.lavka.p95 <= row.target ? "met" : "MISSED"} |`,
    );
  }
  const rate = Math.round(exportRows / (exportMs / 1000));
  console.log(
    `\nCSV export of ${today.month_from}…${today.month_to}: ${exportRows.toLocaleString("en")} rows in ${(exportMs / 1000).toFixed(1)} s = ${rate.toLocaleString("en")} rows/s through the server ` +
      `(target ≥ 20,000: ${rate >= 20_000 ? "met" : "MISSED"}); one SELECT of the same ${rowCount?.toLocaleString("en")} rows ${(sqlMs / 1000).toFixed(1)} s; ` +
      `in-process stream of ${(streamed / 1048576).toFixed(0)} MiB in ${(inProcessMs / 1000).toFixed(1)} s (${Math.round(exportRows / (inProcessMs / 1000)).toLocaleString("en")} rows/s): ` +
      `RSS ${(rssBefore / 1048576).toFixed(0)} → peak ${(rssPeak / 1048576).toFixed(0)} MiB`,
  );
  console.log(`load average at the end: ${load.join(", ")} (${os.cpus().length} CPUs); total ${((Date.now() - started) / 1000).toFixed(0)} s`);
} finally {
  await app.stop();
  await client.end();
  const { disconnectDb } = await import("../lib/db");
  await disconnectDb().catch(() => undefined);
}
process.exit(0);
