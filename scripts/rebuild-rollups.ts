// `npm run rollups:rebuild`: rewrites the order counters and daily rollups of DATABASE_URL's
// database (or the embedded one) from the orders (lib/reports/rebuild-order-rollups.ts),
// migrating it first. Order writes wait while it runs.
import { createDbClient } from "../lib/db";
import { migrate } from "../lib/db/migrate";
import { rebuildOrderRollups } from "../lib/reports/rebuild-order-rollups";
import { ensureDatabaseServer } from "./lib/runtime";

const database = await ensureDatabaseServer((line) => console.log(line));
const client = createDbClient(database.url, 2);
try {
  await migrate({ connectionString: database.url, log: (line) => console.log(line) });
  console.log("rebuilding the order counters and daily rollups (order writes wait meanwhile)…");
  const result = await rebuildOrderRollups(client);
  console.log(`done in ${(result.ms / 1000).toFixed(1)} s: ${result.orders.toLocaleString("en")} orders, ${result.rollupRows.toLocaleString("en")} rollup rows`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await client.$disconnect();
  await database.embedded?.stop();
}
process.exit(process.exitCode ?? 0);
