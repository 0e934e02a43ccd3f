// `npm test`: the whole suite, in order: type check, lint (eslint, then prettier --check), unit +
// integration tests (real PostgreSQL: TEST_DATABASE_URL or an embedded server; the queue suite on
// both backends), then Playwright in Chromium against the production build with the worker running.
// Ends with one line "N passed, N failed" over every runner.
import { existsSync } from "node:fs";
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { recreateDatabase, startEmbeddedPostgres, withDatabase } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { bin, buildIfNeeded, DATA_DIR, ensureAuthSecret, run, startApp, waitForHttp } from "./lib/runtime";
import { seedDemo } from "./seed-demo";

const RESULTS = path.join(DATA_DIR, "test-results");
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const stage = (name: string) => console.log(`\n━━━ ${name} (at ${elapsed()}) ━━━`);

async function counts(file: string, kind: "vitest" | "playwright") {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const report = JSON.parse(await readFile(file, "utf8"));
  if (kind === "vitest") {
    // A file that failed outside its tests (a hook, an import) counts as one failure more.
    const failedOutsideTests = (report.testResults ?? []).filter(
      (file: { status: string; assertionResults?: { status: string }[] }) => file.status === "failed" && !file.assertionResults?.some((test) => test.status === "failed"),
    ).length;
    return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + failedOutsideTests };
  }
  return { passed: report.stats?.expected ?? 0, failed: (report.stats?.unexpected ?? 0) + (report.stats?.flaky ?? 0) };
}

let server: { serverUrl: string; stop(): Promise<void> } | undefined;
let app: Awaited<ReturnType<typeof startApp>> | undefined;
let failure: unknown;

try {
  await rm(RESULTS, { recursive: true, force: true });
  await mkdir(RESULTS, { recursive: true });

  // Each is one process on one core: side by side (prettier, the shortest, takes the core tsc
  // leaves before eslint is done).
  stage("type check and lint (tsc, eslint, prettier --check)");
  await Promise.all([run(bin("tsc"), ["--noEmit"]), run(bin("eslint"), ["--max-warnings", "0", "."]), run(bin("prettier"), ["--check", "."])]);

  stage("database");
  if (process.env.TEST_DATABASE_URL) {
    server = { serverUrl: process.env.TEST_DATABASE_URL, stop: async () => {} };
    console.log("using TEST_DATABASE_URL");
  } else {
    server = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "test-postgres"), persistent: false });
    console.log(`TEST_DATABASE_URL is not set: started an embedded PostgreSQL on port ${new URL(server.serverUrl).port}`);
  }
  if (!process.env.REDIS_URL) {
    console.log("REDIS_URL is not set: the queue suite starts its own redis-server if one is on PATH");
  }

  // The browser tests' shop first: the production build, which runs beside vitest, may read it.
  const e2eUrl = withDatabase(server.serverUrl, "lavka_e2e");
  await recreateDatabase(server.serverUrl, "lavka_e2e");
  await migrate({ connectionString: e2eUrl });
  await seedDemo(e2eUrl);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: e2eUrl,
    NEXTAUTH_SECRET: await ensureAuthSecret(),
    SMTP_URL: "",
    LOG_LEVEL: "warn",
    // Specs vary their address with X-Forwarded-For (per-IP rate limits): the browser is the proxy.
    TRUSTED_PROXIES: "127.0.0.1,::1",
  };
  delete env.APP_URL;

  // The integration files mostly wait on PostgreSQL, SMTP and the queue: the build (CPU) overlaps
  // them. Its output goes to a file, printed only when it fails; tsc has checked the types already.
  stage("unit and integration tests (vitest), with the production build beside them");
  const buildLog = path.join(RESULTS, "next-build.log");
  const building = buildIfNeeded({ ...env, LAVKA_TYPES_CHECKED: "1" }, console.log, { outputFile: buildLog }).then(
    () => void console.log(`production build done (at ${elapsed()})`),
    (error: unknown) => error,
  );
  const vitest = await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${path.join(RESULTS, "vitest.json")}`], {
    ...process.env,
    TEST_DATABASE_URL: server.serverUrl,
  }).then(
    () => null,
    (error: unknown) => error,
  );
  const buildFailure = await building;
  if (buildFailure) {
    console.error(await readFile(buildLog, "utf8").catch(() => ""));
    throw buildFailure;
  }
  if (vitest) throw vitest;

  stage("browser tests (Playwright, Chromium)");
  app = await startApp({ env });
  await waitForHttp(`${app.url}/api/health`);
  await run(bin("playwright"), ["test"], { ...env, E2E_BASE_URL: app.url, E2E_DATABASE_URL: e2eUrl });
} catch (error) {
  failure = error;
} finally {
  await app?.stop().catch(() => {});
  await server?.stop().catch(() => {});
}

const vitest = await counts(path.join(RESULTS, "vitest.json"), "vitest");
const playwright = await counts(path.join(RESULTS, "playwright.json"), "playwright");
const passed = vitest.passed + playwright.passed;
const failed = vitest.failed + playwright.failed;
console.log(
  `\nvitest: ${vitest.passed} passed, ${vitest.failed} failed; playwright: ${playwright.passed} passed, ${playwright.failed} failed; ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
if (failure) console.error(`\n✗ ${failure instanceof Error ? failure.message : String(failure)}`);
console.log(`tests: ${passed} passed, ${failure && failed === 0 ? 1 : failed} failed`);
process.exit(failure || failed ? 1 : 0);
