// `npm run bench:admin` (issue 13): the admin at a million orders, measured through the
// production server (server.ts, its own build in .next-bench) signed in as the owner, each page
// beside its queries run directly on PostgreSQL (bare pg) in the same run.
// The data set (scripts/bench-admin-data.ts: 1,000,000 orders, 300,000 customers, 20 %
// attributed, one year, 1,000,000 clicks) is generated in SQL into lavka_bench_admin on
// TEST_DATABASE_URL (default: the local PostgreSQL) and reused by later runs while the
// generator's version (kept as the database's comment) is the same: generating takes minutes.
// `--generate-only` stops after the data; BENCH_ADMIN_RUNS sets the runs per page (default 30).
import { performance } from "node:perf_hooks";
import pg from "pg";
import { recreateDatabase, withDatabase } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { ADMIN_BENCH_GENERATOR, ADMIN_BENCH_SIZE, generateAdminBenchData } from "./bench-admin-data";
import { percentile, step } from "./lib/bench";
import { buildIfNeeded, ensureAuthSecret, startApp, waitForHttp } from "./lib/runtime";
import { seedDemo } from "./seed-demo";

const RUNS = Number(process.env.BENCH_ADMIN_RUNS) || 30;
const DATABASE = "lavka_bench_admin";
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

export { performance, percentile, buildIfNeeded, ensureAuthSecret, startApp, waitForHttp, RUNS };
