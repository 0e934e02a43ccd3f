// `npm run test:chaos`: crash tests (issue 12). The production app (web + worker) runs on a
// PostgreSQL server of this script's own (embedded, so that it can be stopped), mailing a local
// SMTP server and posting back to a local HTTP receiver, under a steady load of JSON checkout
// submissions (half of them attributed to a partner). Each scenario breaks something in the
// middle of its load — kill -9 of the web process or the worker, pg_terminate_backend of every
// connection, PostgreSQL stopped and started, Redis stopped for 10 s (Redis backend, when a
// redis-server is on PATH), a graceful SIGTERM of both — then sends every unanswered submission
// again with its idempotency key, waits for the worker to catch up and checks that nothing was
// lost or doubled: orders, mails (at the SMTP server), postbacks (at the receiver), commissions.
//
// Options (environment): CHAOS_RATE (submissions/s, default 100), CHAOS_SECONDS (load per
// scenario, default 6), CHAOS_ONLY=web-kill,worker-kill,… (some scenarios), NEXT_DIST_DIR (the
// build; an existing one is reused as it is, else one is made). Traffic stays on 127.0.0.1.
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { Agent } from "node:http";
import path from "node:path";
import { spawnSync } from "node:child_process";
import pg from "pg";
import { findFreePort, leaveSignalsToCaller, recreateDatabase, startEmbeddedPostgres, withDatabase, type EmbeddedDatabase } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { BROWSER_UA, httpCall, LoadGenerator, type Submission } from "./chaos/load";
import { appProcesses, describe, sleep, startRedis, waitForHealthy, waitForListening, waitUntil } from "./chaos/processes";
import { startPostbackReceiver, startSmtpCapture } from "./chaos/receivers";
import { isClean, Verifier, type ScenarioCounts } from "./chaos/verify";
import { buildIfNeeded, DATA_DIR, ensureAuthSecret, ROOT } from "./lib/runtime";
import { seedDemo } from "./seed-demo";

const RATE = Number(process.env.CHAOS_RATE) || 100;
const SECONDS = Number(process.env.CHAOS_SECONDS) || 6;
const ONLY = process.env.CHAOS_ONLY?.split(",")
  .map((name) => name.trim())
  .filter(Boolean);
const PRODUCT = "casio-g-shock";
const PARTNER = "beta"; // recruited by alpha: two commission levels per order
const MAIL_FROM = "Lavka Chaos <shop@chaos.example>";
const WORK_DIR = path.join(DATA_DIR, "chaos");
const DATABASE = "lavka_chaos";
/** How long the worker may take to deliver everything after a scenario (lock expiry of jobs a killed worker held is 30 s). */
const CATCH_UP_MS = 90_000;
/** Retries of the submissions left without a 2xx: how long without progress, how many at once. */
const RETRY_MS = 60_000;
const RETRY_CONCURRENCY = 20;

const started = Date.now();
const log = (line: string) => console.log(`[chaos ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}`);
const runId = Date.now().toString(36);

interface Scenario {
  name: string;
  title: string;
  backend?: "redis";
  seconds?: number;
  faultAt?: number;
  fault(load: LoadGenerator): Promise<void>;
  /** Extra checks after the load (their failures are reported with the counts). */
  check?(): string[];
}

interface Outcome {
  scenario: Scenario;
  submissions: Submission[];
  sent: number;
  seconds: number;
  firstTry2xx: number;
  retried: number;
  counts?: ScenarioCounts;
  errors: string[];
}

let embedded: EmbeddedDatabase | undefined;
const cleanups: (() => Promise<unknown>)[] = [];
let exitCode = 0;

/** Stops everything started, last first; safe to call twice (a signal during the run, then the end). */
let cleaning: Promise<void> | undefined;
function cleanUp() {
  cleaning ??= (async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(`cleanup: ${describe(error)}`));
  })();
  return cleaning;
}
leaveSignalsToCaller();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping everything started`);
    void cleanUp().finally(() => process.exit(130));
  });
}

try {
  await rm(WORK_DIR, { recursive: true, force: true });
  const pgDataDir = path.join(WORK_DIR, "postgres");
  log("starting an embedded PostgreSQL (it is stopped and started in one scenario)");
  embedded = await startEmbeddedPostgres({ dataDir: pgDataDir, persistent: true });
  const pgPort = embedded.port;
  cleanups.push(async () => {
    await embedded?.stop();
    await rm(pgDataDir, { recursive: true, force: true });
  });
  const databaseUrl = withDatabase(embedded.serverUrl, DATABASE);
  await recreateDatabase(embedded.serverUrl, DATABASE);
  await migrate({ connectionString: databaseUrl });
  await seedDemo(databaseUrl);

  const smtp = await startSmtpCapture();
  cleanups.push(() => smtp.close());
  const postbacks = await startPostbackReceiver();
  cleanups.push(() => postbacks.close());

  // The load's product never runs out; both partners report to the receiver.
  const setup = new pg.Client({ connectionString: databaseUrl });
  await setup.connect();
  await setup.query(`UPDATE "Product" SET stock = 100000000, "confirmationMode" = 'EMAIL_LINK' WHERE slug = $1`, [PRODUCT]);
  await setup.query(`UPDATE "Partner" SET "postbackUrl" = $1 WHERE login IN ('alpha', 'beta')`, [postbacks.template]);
  const { rows: chain } = await setup.query<{ depth: number }>(
    `WITH RECURSIVE up AS (SELECT id, "parentId", 1 AS depth FROM "Partner" WHERE login = $1
       UNION ALL SELECT p.id, p."parentId", up.depth + 1 FROM "Partner" p JOIN up ON p.id = up."parentId")
     SELECT max(depth)::int AS depth FROM up`,
    [PARTNER],
  );
  await setup.end();
  const commissionLevels = chain[0]?.depth ?? 1;

  const port = await findFreePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: await ensureAuthSecret(),
    SMTP_URL: smtp.url,
    MAIL_FROM,
    REDIS_URL: "",
    LOG_LEVEL: "warn",
    TRUSTED_PROXIES: "127.0.0.1,::1",
    POSTBACK_ALLOW_PRIVATE_HOSTS: "true",
  };

  const distDir = path.join(ROOT, process.env.NEXT_DIST_DIR || ".next");
  if (existsSync(path.join(distDir, "BUILD_ID"))) log(`using the existing build in ${path.basename(distDir)}`);
  else await buildIfNeeded(baseEnv, log);

  const app = appProcesses(baseEnv, WORK_DIR);
  cleanups.push(async () => {
    await Promise.all([app.web.terminate(15_000), app.worker.terminate(30_000)]);
    app.web.closeLog();
    app.worker.closeLog();
  });
  const healthUrl = `${appUrl}/api/health`;
  const webUp = () => waitForHealthy(healthUrl, 120_000);
  const webListening = () => waitForListening(port, 120_000);
  await Promise.all([app.web.start(), app.worker.start()]);
  await webUp();
  log(`web app on ${appUrl}, worker running; SMTP capture ${smtp.url}; postbacks to ${new URL(postbacks.template).origin}`);

  const verifier = new Verifier(databaseUrl, MAIL_FROM, commissionLevels);
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  cleanups.push(async () => agent.destroy());

  /** Referral cookies from real clicks on the partner's link (as a shopper's browser gets them). */
  async function referralCookies(count: number): Promise<string[]> {
    const cookies: string[] = [];
    for (let index = 0; index < count; index++) {
      const result = await httpCall(agent, `${appUrl}/r/${PARTNER}?to=${PRODUCT}&sub1=chaos${index}`, {
        method: "GET",
        headers: { "user-agent": BROWSER_UA, "x-forwarded-for": `172.16.${index >> 8}.${index & 255}`, accept: "text/html" },
        timeoutMs: 30_000,
      });
      const setCookie = ([] as string[]).concat(result.headers?.["set-cookie"] ?? []).find((cookie) => cookie.startsWith("lavka_ref="));
      if (result.status !== 302 || !setCookie) throw new Error(`the referral link gave no cookie (HTTP ${result.status ?? result.error})`);
      cookies.push(setCookie.split(";")[0]!);
    }
    return cookies;
  }

  async function queueCounts(): Promise<Record<string, number> | null> {
    const response = await fetch(healthUrl, { signal: AbortSignal.timeout(5_000) });
    const health = (await response.json()) as { queue?: { ok: boolean; counts: Record<string, number> } };
    return health.queue?.ok ? health.queue.counts : null;
  }

  /** Everything the scenario's orders cause has arrived, and nothing is left to relay or run. */
  async function waitCaughtUp(submissions: Submission[]) {
    let last: ScenarioCounts | undefined;
    let lastQueue: Record<string, number> | null = null;
    let lastOutbox = -1;
    try {
      await waitUntil(
        "the worker to catch up",
        async () => {
          last = await verifier.count(submissions, smtp.received, postbacks.received);
          const waiting = [last.mails, last.postbacks, last.commissions].some((tally) => tally.missing > 0);
          lastOutbox = await verifier.outboxDue();
          lastQueue = await queueCounts();
          const busy = !lastQueue || (lastQueue.waiting ?? 0) + (lastQueue.active ?? 0) + (lastQueue.prioritized ?? 0) + (lastQueue.delayed ?? 0) > 0;
          return !waiting && lastOutbox === 0 && !busy;
        },
        CATCH_UP_MS,
        500,
      );
    } catch (error) {
      const pending = last ? `mails missing ${last.mails.missing}, postbacks missing ${last.postbacks.missing}, commissions missing ${last.commissions.missing}` : "no counts";
      throw new Error(`${describe(error)}; ${pending}; outbox ${lastOutbox}; queue ${JSON.stringify(lastQueue)}`);
    }
  }

  /**
   * Sends every submission without a 2xx again, with its key, a few at a time (as shoppers
   * pressing the button again would), until each has one or the time is up.
   */
  async function retryFailed(load: LoadGenerator): Promise<number> {
    const retried = new Set<Submission>();
    // Time runs out only when retries stop succeeding: a backlog that drains slowly still drains.
    let deadline = Date.now() + RETRY_MS;
    let answered = load.submissions.filter((submission) => submission.order).length;
    for (let round = 0; ; round++) {
      const failed = load.submissions.filter((submission) => !submission.order);
      if (load.submissions.length - failed.length > answered) {
        answered = load.submissions.length - failed.length;
        deadline = Date.now() + RETRY_MS;
      }
      if (failed.length === 0 || Date.now() > deadline) break;
      if (round > 0) {
        await sleep(Math.min(2_000, 250 * 2 ** round));
        await webUp();
      }
      let next = 0;
      const sender = async () => {
        while (next < failed.length && Date.now() < deadline) {
          const submission = failed[next++]!;
          retried.add(submission);
          await load.send(submission);
        }
      };
      await Promise.all(Array.from({ length: RETRY_CONCURRENCY }, sender));
    }
    return retried.size;
  }

  const redisServer = process.env.REDIS_SERVER || "redis-server";
  const hasRedis = spawnSync(redisServer, ["--version"], { stdio: "ignore" }).status === 0;
  let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
  const sigtermNotes: string[] = [];

  const scenarios: Scenario[] = [
    {
      name: "web-kill",
      title: "kill -9 of the web process, restarted",
      async fault() {
        await app.web.kill9();
        await app.web.start();
        // Back when it listens: under the load that piled up meanwhile it answers slowly at first.
        await webListening();
      },
    },
    {
      name: "worker-kill",
      title: "kill -9 of the worker, restarted",
      async fault() {
        await app.worker.kill9();
        await app.worker.start();
      },
    },
    {
      name: "pg-terminate",
      title: "pg_terminate_backend of every app connection",
      async fault() {
        const client = new pg.Client({ connectionString: embedded!.serverUrl });
        client.on("error", () => {});
        await client.connect();
        try {
          const { rows } = await client.query<{ n: number }>(`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [
            DATABASE,
          ]);
          log(`  terminated ${rows[0]?.n ?? 0} connections`);
        } finally {
          await client.end();
        }
      },
    },
    {
      name: "pg-restart",
      title: "PostgreSQL stopped (fast shutdown) for 3 s and started",
      async fault() {
        await embedded!.stop();
        await sleep(3_000);
        embedded = await startEmbeddedPostgres({ dataDir: pgDataDir, preferredPort: pgPort, persistent: true });
        if (embedded.port !== pgPort) throw new Error(`PostgreSQL came back on port ${embedded.port}, not ${pgPort} (taken meanwhile)`);
      },
    },
    ...(hasRedis
      ? [
          {
            name: "redis-outage",
            title: "Redis backend: redis-server stopped for 10 s and started",
            backend: "redis" as const,
            seconds: Math.max(SECONDS, 14),
            faultAt: 2,
            async fault() {
              await redis!.stop();
              await sleep(10_000);
              await redis!.start();
            },
          },
        ]
      : []),
    {
      name: "sigterm",
      title: "SIGTERM of web and worker under load (graceful), restarted",
      async fault(load) {
        const onTheWire = load.waiting();
        const [web, worker] = await Promise.all([app.web.terminate(15_000), app.worker.terminate(30_000)]);
        // The web app answers what it accepted; a request still in the kernel's queue, or written
        // on a kept-alive connection just as it was closed, finds the server gone (and is retried).
        const answered = onTheWire.filter((submission) => (submission.attempts[0]?.status ?? 0) >= 200 && (submission.attempts[0]?.status ?? 0) < 300).length;
        log(`  requests on the wire at SIGTERM: ${onTheWire.length}, answered 2xx ${answered}, refused or reset ${onTheWire.length - answered}`);
        for (const [name, result] of [
          ["web", web],
          ["worker", worker],
        ] as const) {
          if (result.forced || result.code !== 0)
            sigtermNotes.push(`${name} did not stop cleanly on SIGTERM: ${result.forced ? "killed after the timeout" : `exit ${result.code ?? result.signal}`}`);
          else log(`  ${name} stopped on SIGTERM in ${result.ms} ms`);
        }
        await Promise.all([app.web.start(), app.worker.start()]);
        await webListening();
      },
      check: () => sigtermNotes,
    },
  ];
  if (!hasRedis) log(`no ${redisServer} on PATH: the Redis scenario is skipped`);
  const selected = ONLY ? scenarios.filter((scenario) => ONLY.includes(scenario.name)) : scenarios;
  if (ONLY && selected.length !== ONLY.length) throw new Error(`unknown scenario in CHAOS_ONLY; known: ${scenarios.map((scenario) => scenario.name).join(", ")}`);

  const outcomes: Outcome[] = [];
  for (const scenario of selected) {
    const outcome: Outcome = { scenario, submissions: [], sent: 0, seconds: 0, firstTry2xx: 0, retried: 0, errors: [] };
    outcomes.push(outcome);
    log(`── ${scenario.name}: ${scenario.title}`);
    try {
      if (scenario.backend === "redis" && !redis) {
        redis = await startRedis(WORK_DIR, redisServer);
        cleanups.unshift(async () => redis?.server.terminate(10_000));
        log(`  switching the app to the Redis backend (${redis.url})`);
        await Promise.all([app.web.terminate(15_000), app.worker.terminate(30_000)]);
        app.setEnv({ ...baseEnv, REDIS_URL: redis.url });
        await Promise.all([app.web.start(), app.worker.start()]);
        await webUp();
      }
      const load = new LoadGenerator(() => appUrl, scenario.name, PRODUCT, await referralCookies(20), runId);
      cleanups.push(async () => load.close());
      const seconds = scenario.seconds ?? SECONDS;
      const faultAt = scenario.faultAt ?? seconds / 3;
      const result = await load.run({ rate: RATE, seconds, faultAt, fault: () => scenario.fault(load) });
      await load.drain();
      outcome.submissions = load.submissions;
      if (result.faultError) throw new Error(`the fault itself failed: ${describe(result.faultError)}`);
      outcome.sent = result.sent;
      outcome.seconds = result.seconds;
      outcome.firstTry2xx = load.submissions.filter((submission) => (submission.attempts[0]?.status ?? 0) >= 200 && (submission.attempts[0]?.status ?? 0) < 300).length;
      const firstAnswers = new Map<string, number>();
      for (const submission of load.submissions) {
        const first = submission.attempts[0];
        const label = first?.status !== undefined ? `HTTP ${first.status}` : (first?.error ?? "none");
        firstAnswers.set(label, (firstAnswers.get(label) ?? 0) + 1);
      }
      log(
        `  load: ${result.sent} submissions in ${result.seconds.toFixed(1)} s (${(result.sent / result.seconds).toFixed(0)}/s); first answers: ${[...firstAnswers].map(([label, n]) => `${label} × ${n}`).join(", ")}`,
      );
      for (const process of [app.web, app.worker]) if (!process.running) throw new Error(`${process.name} is not running after the fault`);
      await webUp();
      outcome.retried = await retryFailed(load);
      log(`  retried ${outcome.retried} submissions with their keys; waiting for the worker to catch up`);
      const caughtUp = Date.now();
      await waitCaughtUp(load.submissions);
      log(`  caught up in ${((Date.now() - caughtUp) / 1000).toFixed(1)} s`);
    } catch (error) {
      outcome.errors.push(describe(error));
      log(`  ✗ ${describe(error)}`);
    }
    outcome.errors.push(...(scenario.check?.() ?? []));
    for (const process of [app.web, app.worker]) {
      const exits = process.unexpectedExits.splice(0);
      if (exits.length > 0) outcome.errors.push(`unexpected exit: ${exits.join("; ")}`);
    }
    if (outcome.errors.length > 0) {
      for (const process of [app.web, app.worker]) console.error(`\n--- last lines of ${process.name}.log ---\n${await process.tail(15)}`);
    }
    // Back to health before the next scenario, whatever happened.
    for (const process of [app.web, app.worker]) if (!process.running) await process.start();
    await webUp().catch((error: unknown) => outcome.errors.push(`web app not healthy after the scenario: ${describe(error)}`));
  }

  // Counted once more at the end: a late resend of an earlier scenario would show here.
  for (const outcome of outcomes) outcome.counts = await verifier.count(outcome.submissions, smtp.received, postbacks.received);

  console.log("\nscenario       sent   /s  ack  present lost dup-ord | mails exp/recv/dup/miss (resent) | postbacks exp/recv/dup/miss (resent) | commissions exp/ok/dup/miss");
  for (const { scenario, sent, seconds, counts, errors } of outcomes) {
    const c = counts!;
    const tally = (t: typeof c.mails, resent = true) => `${t.expected}/${t.received}/${t.duplicate}/${t.missing}${resent ? ` (${t.resent})` : ""}`;
    console.log(
      `${scenario.name.padEnd(13)} ${String(sent).padStart(5)} ${(seconds ? sent / seconds : 0).toFixed(0).padStart(4)} ${String(c.acknowledged).padStart(5)} ${String(c.present).padStart(7)} ${String(c.lost).padStart(4)} ${String(c.duplicateOrders).padStart(7)} | ${tally(c.mails).padStart(30)} | ${tally(c.postbacks).padStart(34)} | ${tally(c.commissions, false).padStart(20)}`,
    );
    const clean = isClean(c) && errors.length === 0;
    if (!clean) {
      exitCode = 1;
      for (const problem of [...errors, ...c.problems]) console.log(`    ✗ ${problem}`);
      if (c.unanswered > 0) console.log(`    ✗ ${c.unanswered} submissions never got a 2xx`);
      if (c.attributionLost > 0) console.log(`    ✗ ${c.attributionLost} attributed submissions lost their partner`);
    }
  }
  console.log(
    "\n(resent = the same mail again with its Message-ID, or the same postback again, after a process or its database died between delivering and recording it: at-least-once delivery, recognisable by the receiver)",
  );
} catch (error) {
  exitCode = 1;
  console.error(`\n✗ chaos: ${describe(error)}`);
} finally {
  await cleanUp();
}
log(exitCode === 0 ? "✓ nothing lost, nothing doubled" : "✗ failed");
process.exit(exitCode);
