// Runs some Playwright specs against a production build of its own, for a developer working
// beside others in one checkout: `tsx scripts/e2e-local.ts <name> [spec files or -g filters…]`.
// The build goes to .next-<name>, the app runs on a free port against a fresh seeded database
// lavka_e2e_<name> on TEST_DATABASE_URL (default: the local PostgreSQL), with the worker.
import { recreateDatabase, withDatabase } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { bin, buildIfNeeded, ensureAuthSecret, run, startApp, waitForHttp } from "./lib/runtime";
import { seedDemo } from "./seed-demo";

const [name, ...specs] = process.argv.slice(2);
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: tsx scripts/e2e-local.ts <name: a-z0-9_> [playwright args…]");
  process.exit(2);
}
const serverUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const database = `lavka_e2e_${name}`;
await recreateDatabase(serverUrl, database);
const databaseUrl = withDatabase(serverUrl, database);
await migrate({ connectionString: databaseUrl });
await seedDemo(databaseUrl);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_DIST_DIR: `.next-${name}`,
  DATABASE_URL: databaseUrl,
  NEXTAUTH_SECRET: await ensureAuthSecret(),
  SMTP_URL: "",
  REDIS_URL: "",
  LOG_LEVEL: "warn",
  // Specs vary their address with X-Forwarded-For (per-IP rate limits): the browser is the proxy.
  TRUSTED_PROXIES: "127.0.0.1,::1",
};
delete env.APP_URL;
await buildIfNeeded(env, console.log);
const app = await startApp({ env });
let code = 0;
try {
  await waitForHttp(`${app.url}/api/health`);
  // Its own output folder: Playwright empties the folder when it starts, under others' feet.
  // Specs or filters named: only those, one at a time (--no-deps: else the serial project's
  // teardown, every parallel spec, would run in full; see playwright.config.ts).
  const selection = specs.length ? ["--no-deps", "--workers=1"] : [];
  await run(bin("playwright"), ["test", `--output=test-results-${name}`, ...selection, ...specs], { ...env, E2E_BASE_URL: app.url, E2E_DATABASE_URL: databaseUrl });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  code = 1;
} finally {
  await app.stop();
}
process.exit(code);
