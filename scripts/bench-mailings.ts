// `npm run bench:mailings`: mailing throughput to a local SMTP sink (smtp-server in a child
// process, scripts/bench/smtp-sink.ts, as a real MTA is another program), beside a baseline
// measured in the same run — nodemailer's pooled transport sending the same rendered message in a
// loop (the same pool options and mails in flight, no database at all).
// Lavka's figure is the whole sending run (lib/marketing/mailings/run-mailing): claiming
// recipients with FOR UPDATE SKIP LOCKED, the suppression check, personalising each mail
// (unsubscribe link, Message-ID), the List-Unsubscribe headers, and writing every outcome back to
// PostgreSQL — at the largest configurable rate (1,000/s) and unthrottled.
// BENCH_MAILS sets the number of recipients (default 10,000); the pool is the mailings' pool
// (mailingPoolOptions) of SMTP_MAILING_CONNECTIONS connections (default 10). Besides mails/s it
// prints what a shared, noisy machine does not blur as much: the time of one mail on one
// connection (wall time × connections / mails), the CPU per mail of this process and of the sink,
// and the load average. The database lavka_bench_mailings is left for a closer look; the next run
// recreates it.
import { fork } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { recreateDatabase, startEmbeddedPostgres, withDatabase } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { step } from "./lib/bench";
import { DATA_DIR, ensureAuthSecret } from "./lib/runtime";

const MAILS = Number(process.env.BENCH_MAILS) || 10_000;
const TARGET = 500;
const FROM = "Lavka Bench <shop@lavka.bench>";

const server = process.env.TEST_DATABASE_URL
  ? { serverUrl: process.env.TEST_DATABASE_URL, stop: async () => {} }
  : await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "bench-postgres"), persistent: false });
const databaseUrl = withDatabase(server.serverUrl, "lavka_bench_mailings");

// The sink: accepts every mail, keeps only a count.
const sink = fork(path.join(import.meta.dirname, "bench/smtp-sink.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
const sinkPort = await new Promise<number>((resolve, reject) => {
  sink.once("message", (message) => resolve((message as { port: number }).port));
  sink.once("exit", (code) => reject(new Error(`the SMTP sink exited with ${code}`)));
});
const sinkStats = () =>
  new Promise<{ accepted: number; cpuMicros: number }>((resolve) => {
    sink.once("message", (message) => resolve(message as { accepted: number; cpuMicros: number }));
    sink.send("stats");
  });
const smtpUrl = `smtp://127.0.0.1:${sinkPort}`;

interface Figures {
  seconds: number;
  perSecond: number;
  /** ms of one mail on one connection. */
  perConnectionMs: number;
  /** ms of CPU per mail: this process, the sink. */
  cpuMs: number;
  sinkCpuMs: number;
  load: string;
}

/** Times one sending run and checks that the sink accepted exactly `MAILS` mails. */
async function measure(label: string, connections: number, send: () => Promise<void>): Promise<Figures> {
  const sinkBefore = await sinkStats();
  const loadBefore = os.loadavg()[0]!;
  const cpuBefore = process.cpuUsage();
  const before = performance.now();
  await send();
  const seconds = (performance.now() - before) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const sinkAfter = await sinkStats();
  const accepted = sinkAfter.accepted - sinkBefore.accepted;
  if (accepted !== MAILS) throw new Error(`${label}: the sink accepted ${accepted} of ${MAILS}`);
  return {
    seconds,
    perSecond: MAILS / seconds,
    perConnectionMs: (seconds * 1000 * connections) / MAILS,
    cpuMs: (cpu.user + cpu.system) / 1000 / MAILS,
    sinkCpuMs: (sinkAfter.cpuMicros - sinkBefore.cpuMicros) / 1000 / MAILS,
    load: `${loadBefore.toFixed(1)}–${os.loadavg()[0]!.toFixed(1)}`,
  };
}

try {
  console.log(`Mailings benchmark: ${MAILS.toLocaleString("en")} recipients, SMTP sink ${smtpUrl}`);
  await recreateDatabase(server.serverUrl, "lavka_bench_mailings");
  await migrate({ connectionString: databaseUrl });
  process.env.DATABASE_URL = databaseUrl;
  process.env.NEXTAUTH_SECRET ??= await ensureAuthSecret();
  process.env.LOG_LEVEL ??= "warn";

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await step(`${MAILS.toLocaleString("en")} customers, half ru and half en`, () =>
    client.query(
      `INSERT INTO "Customer" (id, name, email, "emailNormalized", locale, tags, "updatedAt")
       SELECT 'bm' || g, 'Покупатель ' || g, 'customer' || g || '@bench.example', 'customer' || g || '@bench.example',
              CASE WHEN g % 2 = 0 THEN 'en' ELSE 'ru' END, ARRAY['bench'], now()
       FROM generate_series(1, $1) g`,
      [MAILS],
    ),
  );
  await client.query(`INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ('bench-owner', 'owner@bench.example', 'Bench', 'x', 'OWNER', now())`);

  const { createMailTransport, mailingPoolOptions } = await import("../lib/mail/transport");
  const { getEnv } = await import("../lib/env");
  const { messageIdFor } = await import("../lib/mail/send-mail");
  const { saveMailing } = await import("../lib/marketing/mailings/save-mailing");
  const { startMailing } = await import("../lib/marketing/mailings/start-mailing");
  const { mailingConcurrency, runMailing } = await import("../lib/marketing/mailings/run-mailing");
  const { personalizeMailing, renderMailingTemplate } = await import("../lib/marketing/mailings/render-mailing");
  const { disconnectDb } = await import("../lib/db");
  const { getPgPool } = await import("../lib/db/pool");
  const owner = { id: "bench-owner", role: "OWNER" as const };
  const content = {
    subject: "Распродажа до пятницы",
    body: "## Скидки до 30 %\n\nТолько до пятницы: **все часы** со скидкой. [В магазин](https://shop.example/sale)\n\n- бесплатная доставка\n- оплата при получении",
    subjectEn: "Sale until Friday",
    bodyEn: "## Up to 30 % off\n\nUntil Friday: **every watch** on sale. [Shop now](https://shop.example/sale)\n\n- free shipping\n- cash on delivery",
  };
  // One pool configuration for both: what a mailing run of the worker gets (getMailingTransport).
  const connections = getEnv().SMTP_MAILING_CONNECTIONS;
  const smtpTransport = () => {
    const transport = createMailTransport({ from: FROM, smtpUrl, smtp: mailingPoolOptions(connections) });
    if (transport.kind !== "SMTP") throw new Error("SMTP expected");
    return transport;
  };
  const probe = smtpTransport();
  const inFlightLimit = mailingConcurrency(probe);
  probe.transporter.close();
  console.log(`  pool: ${connections} connections, ${inFlightLimit} mails in flight (both runs)`);

  const lavkaRun = async (label: string, rate: number) => {
    const { id } = await saveMailing({ name: label, audience: { kind: "customers", tag: "bench" }, ...content, ratePerSecond: 1000 }, owner);
    // Past the editor's ceiling for the capacity run: the rate is only a column.
    await client.query(`UPDATE "Mailing" SET "ratePerSecond" = $2 WHERE id = $1`, [id, rate]);
    await startMailing(id, owner);
    const transport = smtpTransport();
    let result = "";
    const figures = await measure(label, connections, async () => {
      result = await runMailing(id, { transport });
    });
    transport.transporter.close();
    const { rows } = await client.query<{ sent: number }>(`SELECT "sentCount" AS sent FROM "Mailing" WHERE id = $1`, [id]);
    if (result !== "finished" || rows[0]?.sent !== MAILS) throw new Error(`${label}: ${result}, ${rows[0]?.sent} sent`);
    return figures;
  };

  // The same mails on the wire as the mailing's: the rendered mail of each reader's locale (en
  // for even customers, ru for odd, as generated above) with a personal unsubscribe link, the
  // List-Unsubscribe headers and a derived Message-ID — sent in a plain loop.
  const baselineRun = async () => {
    const mails = [personalizeMailing(await renderMailingTemplate(content, "en"), "mrbaseline"), personalizeMailing(await renderMailingTemplate(content, "ru"), "mrbaseline")];
    const transport = smtpTransport();
    const figures = await measure("baseline", connections, async () => {
      const inFlight = new Set<Promise<unknown>>();
      for (let index = 1; index <= MAILS; index += 1) {
        const mail = mails[index % 2]!;
        const sending = transport.transporter
          .sendMail({
            from: FROM,
            to: `customer${index}@bench.example`,
            subject: mail.subject,
            html: mail.html,
            text: mail.text,
            messageId: messageIdFor(`baseline:${index}`, FROM),
            list: { unsubscribe: mail.unsubscribeOneClick },
            headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", Precedence: "bulk" },
          })
          .finally(() => inFlight.delete(sending));
        inFlight.add(sending);
        if (inFlight.size >= inFlightLimit) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
    });
    transport.transporter.close();
    return figures;
  };

  // Warm-up: the transports' first connections, the renderer and the plans.
  await step("warm-up", baselineRun);

  const baseline = await step("baseline: nodemailer pooled transport, same message, in a loop", baselineRun);
  const capped = await step("Lavka at the largest configurable rate (1,000/s)", () => lavkaRun("bench 1000/s", 1000));
  const capacity = await step("Lavka unthrottled", () => lavkaRun("bench unthrottled", 1_000_000));

  console.log("");
  console.log(`${"run".padEnd(50)} ${"mails/s".padStart(8)} ${"s".padStart(7)} ${"ms/mail/conn".padStart(13)} ${"CPU ms/mail".padStart(12)} ${"sink CPU".padStart(9)}  load avg`);
  const row = (label: string, figures: Figures) =>
    console.log(
      `${label.padEnd(50)} ${figures.perSecond.toFixed(0).padStart(8)} ${figures.seconds.toFixed(2).padStart(7)} ${figures.perConnectionMs.toFixed(1).padStart(13)} ${figures.cpuMs.toFixed(2).padStart(12)} ${figures.sinkCpuMs.toFixed(2).padStart(9)}  ${figures.load}`,
    );
  row("baseline: nodemailer pool, same message", baseline);
  row("Lavka mailing run, rate 1,000/s", capped);
  row("Lavka mailing run, unthrottled", capacity);
  console.log("");
  console.log(`ratio Lavka unthrottled / baseline: ${(capacity.perSecond / baseline.perSecond).toFixed(2)}`);
  console.log(`ratio Lavka at 1,000/s / baseline: ${(capped.perSecond / baseline.perSecond).toFixed(2)}`);
  console.log(`target ≥ ${TARGET} mails/s: ${capacity.perSecond >= TARGET ? "met" : "NOT met"} (unthrottled), ${capped.perSecond >= TARGET ? "met" : "NOT met"} (at 1,000/s)`);

  await client.end();
  await getPgPool().end();
  await disconnectDb();
} finally {
  if (sink.connected) sink.send("stop");
  await server.stop();
}
