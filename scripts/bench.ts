// `npm run bench`: load figures of the production server (server.ts, as `npm start` runs it) on
// this machine, each beside a baseline measured in the same run. BENCH_ONLY=orders,checkout,clicks,crm
// picks parts (`crm` is scripts/bench-crm.ts, `npm run bench:crm`, run first in a process of its own).
// - Order submissions (POST /api/v1/orders: validation, pricing, customer, duplicate check,
//   order, item, history, token, stock, outbox in one transaction) at a fixed rate — evenly
//   spaced, latency from the moment each was due (scripts/lib/paced-load.ts) — and at the highest
//   rate it sustains; baseline: the same rows written by plain statements behind bare
//   node:http + pg. At the fixed rate also with a coupon (a total and a per-customer limit: the
//   coupon's row is updated by every order, like the product's), and with an unlimited coupon on
//   the product with its stock not tracked (neither row updated). And, as earlier sessions measured
//   it, the coupon's and the baseline's rate sent as autocannon does: each second's share at once.
// - Checkout page GET requests/s, beside /api/health (a dynamic route of the same server).
// - Referral click redirects (/r/<login>: click stored, cookie, 302); baseline: one INSERT …
//   SELECT per click and the redirect behind bare node:http + pg.
// The web app runs without the worker so that only the request path is measured. Beside each
// latency, the CPU a request cost (milliseconds: the server's process tree, and PostgreSQL's),
// which a loaded machine moves far less than it moves p99.
import { fork } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import autocannon, { type Result } from "autocannon";
import pg from "pg";
import { findFreePort, recreateDatabase, startEmbeddedPostgres, withDatabase } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { type LoadFigures, pacedLoad } from "./lib/paced-load";
import { cpuBetween, postmasterPid, readTreeCpu } from "./lib/process-cpu";
import { bin, buildIfNeeded, DATA_DIR, ensureAuthSecret, ROOT, run, startApp, waitForHttp } from "./lib/runtime";
import { seedDemo } from "./seed-demo";

const ORDER_RATE = Number(process.env.BENCH_ORDER_RATE) || 300; // orders/s, the issue's target
const DURATION = Number(process.env.BENCH_DURATION) || 10; // seconds per run
const CONNECTIONS = 32;
// BENCH_ONLY=orders,checkout,clicks,crm (any of them) measures only those parts.
const PARTS = new Set((process.env.BENCH_ONLY || "orders,checkout,clicks,crm").split(",").map((part) => part.trim()));

let sequence = 0;
// The coupon scenario's code: 10 % off, a total limit and one use per customer, so the order claims
// a use on the coupon's (hot) row and reads the customer's history under their lock.
const BENCH_COUPON = "BENCH10";
// And a code without limits on a product whose stock is not tracked: rows the order only
// key-share-locks (lib/checkout/order-write-sql reserveStock), so orders do not queue for them.
const OPEN_COUPON = "BENCHOPEN";

function orderBody(coupon?: string) {
  sequence += 1;
  const unique = `${process.pid}${String(sequence).padStart(7, "0")}`;
  return JSON.stringify({
    product: "casio-g-shock",
    ...(coupon ? { coupon } : {}),
    idempotencyKey: `bench-${unique}-${Date.now()}`,
    quantity: 1,
    country: "RU",
    paymentMethod: "COD",
    locale: "ru",
    fields: {
      fullName: "Нагрузочный Тест",
      phone: `+7916${unique.slice(-7)}`,
      email: `bench${unique}@example.ru`,
      country: "RU",
      postcode: "101000",
      city: "Москва",
      street: "ул. Ленина",
      house: "1",
      terms: "on",
    },
  });
}

const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

interface LoadOptions {
  /** Requests per second, evenly spaced (scripts/lib/paced-load.ts); without it, as many as `connections` take. */
  rate?: number;
  /** autocannon's `overallRate`: a budget per second, sent back to back at the start of every second. */
  burstRate?: number;
  duration?: number;
  post?: boolean;
  connections?: number;
  coupon?: string;
}

async function load(url: string, options: LoadOptions): Promise<LoadFigures> {
  if (options.rate) {
    return pacedLoad({
      url,
      rate: options.rate,
      duration: options.duration ?? DURATION,
      method: options.post ? "POST" : "GET",
      headers: { "user-agent": BROWSER_UA, ...(options.post ? { "content-type": "application/json" } : {}) },
      body: options.post ? () => orderBody(options.coupon) : undefined,
    });
  }
  return figures(await autocannonLoad(url, options));
}

function autocannonLoad(url: string, options: LoadOptions): Promise<Result> {
  return autocannon({
    url,
    headers: { "user-agent": BROWSER_UA },
    connections: options.connections ?? CONNECTIONS,
    duration: options.duration ?? DURATION,
    overallRate: options.burstRate,
    timeout: 10,
    requests: options.post ? [{ method: "POST", headers: { "content-type": "application/json" }, setupRequest: (request) => ({ ...request, body: orderBody(options.coupon) }) }] : undefined,
  });
}

async function withPg<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function figures(result: Result): LoadFigures {
  const redirects = result.statusCodeStats?.["302"]?.count ?? 0;
  return {
    ok: result["2xx"] + redirects,
    duration: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx - redirects,
  };
}

function summary(result: LoadFigures, cpu: { server: number; postgres: number } | null) {
  const perRequest = (ms: number) => (result.ok > 0 ? +(ms / result.ok).toFixed(2) : null);
  return {
    ok: result.ok,
    rps: +(result.ok / result.duration).toFixed(1),
    p50: result.p50,
    p99: result.p99,
    errors: result.errors,
    serverCpuMs: cpu ? perRequest(cpu.server) : null,
    postgresCpuMs: cpu ? perRequest(cpu.postgres) : null,
  };
}

/** A load run with the CPU the server under test (its process tree) and PostgreSQL spent on it. */
async function measure(url: string, options: Parameters<typeof load>[1], roots: { server: readonly number[]; postgres: readonly number[] }) {
  const read = () => Promise.all([readTreeCpu(roots.server), readTreeCpu(roots.postgres)]);
  const [serverBefore, postgresBefore] = await read();
  const result = await load(url, options);
  const [serverAfter, postgresAfter] = await read();
  const cpu = serverBefore.size > 0 ? { server: cpuBetween(serverBefore, serverAfter), postgres: cpuBetween(postgresBefore, postgresAfter) } : null;
  return summary(result, cpu);
}

// The CRM part needs no web app: it runs first, with its own database, and alone when it is the only part.
if (PARTS.has("crm")) {
  console.log("CRM part (scripts/bench-crm.ts)…");
  await run(bin("tsx"), ["scripts/bench-crm.ts"], process.env);
  if (PARTS.size === 1) process.exit(0);
}

const started = Date.now();
const server = process.env.TEST_DATABASE_URL
  ? { serverUrl: process.env.TEST_DATABASE_URL, stop: async () => {} }
  : await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "bench-postgres"), persistent: false });
const databaseUrl = withDatabase(server.serverUrl, "lavka_bench");
let app: Awaited<ReturnType<typeof startApp>> | undefined;
let baseline: ReturnType<typeof fork> | undefined;
try {
  await recreateDatabase(server.serverUrl, "lavka_bench");
  await migrate({ connectionString: databaseUrl });
  await seedDemo(databaseUrl);
  // Enough stock for every run: the reservation (one hot product row) stays in the measured path.
  const pgClient = new pg.Client({ connectionString: databaseUrl });
  await pgClient.connect();
  await pgClient.query(`UPDATE "Product" SET stock = 100000000 WHERE slug = 'casio-g-shock'`);
  await pgClient.query(
    `INSERT INTO "Coupon" (id, code, kind, value, "maxUses", "maxUsesPerCustomer", "updatedAt") VALUES ('bench-coupon', '${BENCH_COUPON}', 'PERCENT', 1000, 1000000000, 1, now())`,
  );
  await pgClient.query(`INSERT INTO "Coupon" (id, code, kind, value, "updatedAt") VALUES ('bench-open-coupon', '${OPEN_COUPON}', 'PERCENT', 1000, now())`);
  await pgClient.end();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: await ensureAuthSecret(),
    LOG_LEVEL: "warn",
    CHECKOUT_RATE_LIMIT_PER_MINUTE: "100000000",
  };
  await buildIfNeeded(env, console.log);
  app = await startApp({ env, quiet: true, worker: false });
  await waitForHttp(`${app.url}/api/health`);

  const baselinePort = await findFreePort();
  baseline = fork(path.join(ROOT, "scripts/bench/baseline-server.ts"), [], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(baselinePort) },
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await new Promise<void>((resolve, reject) => {
    baseline!.once("message", () => resolve());
    baseline!.once("exit", (code) => reject(new Error(`baseline server exited with ${code}`)));
  });
  const baselineUrl = `http://127.0.0.1:${baselinePort}/orders`;
  const ordersUrl = `${app.url}/api/v1/orders`;
  const checkoutUrl = `${app.url}/checkout/casio-g-shock`;

  const pgPid = await postmasterPid(databaseUrl);
  const postgres = pgPid ? [pgPid] : [];
  const lavka = { server: app.pids, postgres };
  const bare = { server: baseline.pid ? [baseline.pid] : [], postgres };

  type Row = readonly [string, ReturnType<typeof summary>];
  const rows: Row[] = [];
  const ratios: Record<string, number> = {};
  const ratio = (a: ReturnType<typeof summary>, b: ReturnType<typeof summary>) => +(a.rps / b.rps).toFixed(2);

  if (PARTS.has("orders")) {
    // Each run starts on tables vacuumed and analysed: the database is new and grows by thousands
    // of orders a run, so autovacuum's first rounds (and the re-planning after each analyse) would
    // otherwise land on whichever run happens to be going then — the CPU figures compare runs.
    const settle = () => withPg(databaseUrl, (client) => client.query("VACUUM (ANALYZE)"));
    console.log("warming up orders…");
    // Both of Lavka's paths: the coupon's code (pricing, the customer's history, the claim) would
    // otherwise meet the JIT compiler and the coupon cache for the first time in its measured run.
    await load(ordersUrl, { duration: 3, post: true, rate: 100 });
    await load(ordersUrl, { duration: 3, post: true, rate: 100, coupon: BENCH_COUPON });
    await load(ordersUrl, { duration: 2, post: true, rate: 100, coupon: OPEN_COUPON });
    await load(baselineUrl, { duration: 3, post: true, rate: 100 });
    console.log(`orders at a fixed ${ORDER_RATE}/s, evenly spaced, for ${DURATION} s…`);
    await settle();
    const lavkaFixed = await measure(ordersUrl, { post: true, rate: ORDER_RATE }, lavka);
    await settle();
    const baseFixed = await measure(baselineUrl, { post: true, rate: ORDER_RATE }, bare);
    console.log(`orders with a coupon at a fixed ${ORDER_RATE}/s…`);
    await settle();
    const couponFixed = await measure(ordersUrl, { post: true, rate: ORDER_RATE, coupon: BENCH_COUPON }, lavka);
    console.log(`orders with an unlimited coupon, stock not tracked, at a fixed ${ORDER_RATE}/s…`);
    const trackStock = (stock: number | null) => withPg(databaseUrl, (client) => client.query(`UPDATE "Product" SET stock = $1 WHERE slug = 'casio-g-shock'`, [stock]));
    await trackStock(null);
    await settle();
    const openFixed = await measure(ordersUrl, { post: true, rate: ORDER_RATE, coupon: OPEN_COUPON }, lavka).finally(() => trackStock(100_000_000));
    // The harsher load earlier sessions measured: each second's ${ORDER_RATE} sent at once by the 32
    // connections (autocannon's overallRate), so that every second starts with a queue.
    console.log(`orders with a coupon, ${ORDER_RATE} at the start of every second…`);
    await settle();
    const couponBursts = await measure(ordersUrl, { post: true, burstRate: ORDER_RATE, coupon: BENCH_COUPON }, lavka);
    await settle();
    const baseBursts = await measure(baselineUrl, { post: true, burstRate: ORDER_RATE }, bare);
    console.log("orders at the highest sustained rate…");
    await settle();
    const lavkaMax = await measure(ordersUrl, { post: true }, lavka);
    await settle();
    const baseMax = await measure(baselineUrl, { post: true }, bare);
    rows.push(
      [`orders @ ${ORDER_RATE}/s evenly (Lavka)`, lavkaFixed],
      [`orders + coupon @ ${ORDER_RATE}/s evenly (Lavka)`, couponFixed],
      [`orders + open coupon, untracked stock @ ${ORDER_RATE}/s evenly`, openFixed],
      [`orders @ ${ORDER_RATE}/s evenly (node:http + pg)`, baseFixed],
      [`orders + coupon, ${ORDER_RATE} a second in bursts (Lavka)`, couponBursts],
      [`orders, ${ORDER_RATE} a second in bursts (node:http + pg)`, baseBursts],
      ["orders max (Lavka)", lavkaMax],
      ["orders max (node:http + pg)", baseMax],
    );
    ratios.ordersAtFixedRate = ratio(lavkaFixed, baseFixed);
    ratios.couponOrdersAtFixedRate = ratio(couponFixed, baseFixed);
    ratios.openCouponOrdersAtFixedRate = ratio(openFixed, baseFixed);
    ratios.couponOrdersInBursts = ratio(couponBursts, baseBursts);
    ratios.ordersMax = ratio(lavkaMax, baseMax);
  }
  if (PARTS.has("checkout")) {
    console.log("checkout page GET…");
    await load(checkoutUrl, { duration: 3, connections: 8 });
    const checkout = await measure(checkoutUrl, {}, lavka);
    const health = await measure(`${app.url}/api/health`, {}, lavka);
    rows.push(["GET /checkout/casio-g-shock", checkout], ["GET /api/health (same server)", health]);
    ratios.checkoutVsHealth = ratio(checkout, health);
  }
  if (PARTS.has("clicks")) {
    console.log("referral click redirects…");
    const clickPath = "/r/alpha?to=casio-g-shock&sub1=bench";
    await load(`${app.url}${clickPath}`, { duration: 3, connections: 8 });
    const clicks = await measure(`${app.url}${clickPath}`, {}, lavka);
    const baseClicks = await measure(`http://127.0.0.1:${baselinePort}${clickPath}`, {}, bare);
    rows.push(["GET /r/alpha (click + 302, Lavka)", clicks], ["GET /r/alpha (node:http + pg)", baseClicks]);
    ratios.clicks = ratio(clicks, baseClicks);
  }

  const columns = [
    ["req/s", 10],
    ["p50 ms", 9],
    ["p99 ms", 9],
    ["errors", 8],
    ["CPU ms/req: server", 20],
    ["PostgreSQL", 12],
  ] as const;
  console.log(`\n${"run".padEnd(58)}${columns.map(([title, width]) => title.padStart(width)).join("")}`);
  for (const [name, row] of rows) {
    const cells = [row.rps, row.p50, row.p99, row.errors, row.serverCpuMs ?? "–", row.postgresCpuMs ?? "–"];
    console.log(`${name.padEnd(58)}${cells.map((cell, index) => String(cell).padStart(columns[index]![1])).join("")}`);
  }
  console.log(
    `\nratios (Lavka / baseline): ${Object.entries(ratios)
      .map(([name, value]) => `${name} ${value}`)
      .join(", ")}`,
  );
  await mkdir(DATA_DIR, { recursive: true });
  await writeFile(path.join(DATA_DIR, "bench.json"), JSON.stringify({ at: new Date().toISOString(), rate: ORDER_RATE, duration: DURATION, rows: Object.fromEntries(rows), ratios }, null, 2));
  console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s; figures in .data/bench.json)`);
} finally {
  baseline?.kill("SIGTERM");
  await app?.stop();
  await server.stop();
}
