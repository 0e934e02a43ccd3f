// `npm start` (and `npm run dev` with --dev): everything on one machine. Uses DATABASE_URL,
// REDIS_URL and SMTP_URL when set, else the embedded defaults: embedded PostgreSQL in .data/,
// the PostgreSQL queue backend and captured mail. Migrates, seeds an empty embedded database
// with demo data, builds when the sources changed, runs the web app and the worker, and stops
// everything (the embedded database included) on Ctrl-C.
import { issueSetupToken } from "../lib/auth/first-owner-setup";
import { createDbClient } from "../lib/db";
import { leaveSignalsToCaller } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { parseEnv } from "../lib/env";
import { buildIfNeeded, ensureAuthSecret, ensureDatabaseServer, startApp, waitForHttp } from "./lib/runtime";
import { DEMO_ACCOUNTS, isDatabaseEmpty, seedDemo } from "./seed-demo";

const dev = process.argv.includes("--dev");
const log = (line: string) => console.log(`[lavka] ${line}`);

const database = await ensureDatabaseServer(log);
let shuttingDown = false;
let app: Awaited<ReturnType<typeof startApp>> | undefined;

async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  log("stopping…");
  await app?.stop();
  await database.embedded?.stop();
  log("stopped");
  process.exit(code);
}
// Ctrl-C reaches the web app and the worker too (the terminal's process group); the embedded
// database, in a group of its own, is stopped here once they have.
leaveSignalsToCaller();
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));

try {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: await ensureAuthSecret(),
    NODE_ENV: dev ? "development" : "production",
  };
  parseEnv(env); // fail fast, naming the variable, before anything starts

  const migrated = await migrate({ connectionString: database.url, log });
  log(`database ready (${migrated.applied.length} new migration(s))`);

  const seedAllowed = Boolean(database.embedded) || process.env.LAVKA_SEED_DEMO === "1";
  let seeded = false;
  if (seedAllowed && (await isDatabaseEmpty(database.url))) {
    log("empty database: loading demo data");
    await seedDemo(database.url);
    seeded = true;
  }

  // No owner yet (a new database of your own): a one-time link to the first-run page /setup.
  const setupClient = createDbClient(database.url, 2);
  const setup = await issueSetupToken(setupClient).finally(() => setupClient.$disconnect());

  if (!dev) await buildIfNeeded(env, log);
  app = await startApp({ env, dev });
  await waitForHttp(`${app.url}/api/health`, dev ? 180_000 : 60_000);

  const banner = [
    "",
    `Lavka is running at ${app.url}`,
    `  admin panel     ${app.url}/admin`,
    `  partner cabinet ${app.url}/partner`,
    `  health          ${app.url}/api/health`,
    `  database        ${database.embedded ? "embedded PostgreSQL (.data/postgres)" : "DATABASE_URL"}`,
    `  job queue       ${process.env.REDIS_URL ? "Redis (REDIS_URL)" : "PostgreSQL (BullMQ's PostgreSQL backend)"}`,
    `  mail            ${process.env.SMTP_URL ? "SMTP (SMTP_URL)" : `captured: read it at ${app.url}/admin/mail`}`,
  ];
  if (seeded || seedAllowed) {
    banner.push("", "Demo sign-ins:");
    for (const account of DEMO_ACCOUNTS) {
      banner.push(`  ${account.label.padEnd(22)} ${account.signInPath.padEnd(18)} ${account.identifier} / ${account.password}`);
    }
  }
  if (setup) {
    banner.push("", "No owner yet. Create the first one (one-time link, valid 24 hours; or npm run create-owner):", `  ${app.url}/setup?token=${setup.token}`);
  }
  banner.push("", "Press Ctrl-C to stop.", "");
  console.log(banner.join("\n"));

  const crashed = await app.exited;
  if (!shuttingDown) {
    log(`${crashed.name} exited unexpectedly (code ${crashed.code}); stopping everything`);
    await shutdown(1);
  }
} catch (error) {
  console.error(`[lavka] ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}
