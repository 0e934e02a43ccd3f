// Browser tests in Chromium against the production build. `npm test` (scripts/test.ts) starts
// the app and the worker on a fresh seeded database and passes E2E_BASE_URL; the browser is
// Debian's /usr/bin/chromium (or PLAYWRIGHT_CHROMIUM_PATH): Playwright never downloads one.
//
// The specs share that one app and database, so they run in two phases: first the "serial"
// project (SERIAL_SPECS below), one spec at a time with nothing else running, on the fresh seed;
// then the "parallel" project, every other spec, E2E_WORKERS files at a time (a file's tests stay
// in order on one worker). The default is one: on this 2-core machine the web app, the worker and
// the browsers are CPU-bound, and two workers made each test about twice as slow — CI's e2e took
// 9.0 min with two against 7.0 min with one (2026-12-06, idle machine). On more cores, raise it. "parallel" is the serial project's teardown rather than a dependent, so
// it runs whatever the serial specs' results were. Running chosen specs: add --no-deps (as
// scripts/e2e-local.ts does), else the other project runs in full.
//
// The rule: a spec goes in SERIAL_SPECS when it changes shop-wide state (settings, rates,
// requisites, the seed's accounts, rows other specs read), asserts something another spec
// changes, or counts over the whole shop. A spec is parallel only when what it writes is its own
// rows (unique names per run) or shared rows no other parallel spec reads (listed below), and
// what it asserts no parallel spec changes. A new spec is serial unless it only touches its own rows.
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

function chromiumPath(): string | undefined {
  const candidates = [process.env.PLAYWRIGHT_CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate)));
}

const baseURL = process.env.E2E_BASE_URL ?? "http://localhost:3000";

// Why each is serial (what it changes, or what it counts on that others change).
const SERIAL_SPECS = [
  "admin-orders", // moves the demo orders; compares the dashboard's shop-wide counts before and after
  "admin-settings", // exchange rates, the duplicate window, shipping rules: prices and totals of every checkout
  "backup-restore", // a snapshot of the whole database; its second app empties the build's page cache
  "coowners", // co-owner shares of the demo products (the 100 % limit counts every co-owner)
  "crm-segments", // recomputes the RFM/ABC segments of every customer
  "employees", // invites a staff account (the staff and their roles are shop-wide)
  "logistics-forms", // the shop's requisites, printed on every postal form
  "partner-payouts", // shows the program's minimum payout, which affiliate-flow lowers for its payout
  "password-reset", // changes the demo partner beta's password (partner-cabinet signs in as beta)
  "setup", // deactivates every owner for its run
];
const serialFiles = SERIAL_SPECS.map((name) => `**/${name}.spec.ts`);
// Parallel specs that write shared rows, which no other parallel spec reads: admin-products (the
// Diesel's form fields, put back), affiliate-flow (the program's minimum payout, put back),
// crm-customers (Иван Петров's tags), crm-deals (the seed's deals), partner-postbacks (alpha's
// postback URL, put back).

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: chromiumPath(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  },
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS) || 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: ".data/test-results/playwright.json" }]],
  outputDir: "test-results",
  use: {
    baseURL,
    locale: "en-US",
    // No trace: recording one for every test cost ~15–30 % of the run's time on this 2-core
    // machine (measured 2026-12-06 on five specs: 1.1–1.2 min without, 1.3–1.6 min with), and CI
    // shows only its log. A failure still leaves a screenshot and error-context.md (the page's
    // ARIA snapshot and the call log); add --trace=retain-on-failure to record traces locally.
    trace: "off",
    screenshot: "only-on-failure",
    // An action that cannot happen (a button that stays disabled, an element that never comes)
    // fails as that step, with its call log, rather than as the test's 60 s timeout with none.
    actionTimeout: 20_000,
  },
  projects: [
    { name: "serial", testMatch: serialFiles, workers: 1, teardown: "parallel", use: chromium },
    { name: "parallel", testIgnore: serialFiles, use: chromium },
  ],
});
