// `npm run bench:mailings`: mailing throughput to a local SMTP sink (smtp-server in this process),
// beside a baseline measured in the same run — nodemailer's pooled transport sending the same
// rendered message in a loop (the same pool size and mails in flight, no database at all).
// Lavka's figure is the whole sending run (lib/marketing/mailings/run-mailing): claiming
// recipients with FOR UPDATE SKIP LOCKED, the suppression check, personalising each mail
// (unsubscribe link, Message-ID), the List-Unsubscribe headers, and writing every outcome back to
// PostgreSQL — at the largest configurable rate (1,000/s) and unthrottled.
// BENCH_MAILS sets the number of recipients (default 10,000). The database lavka_bench_mailings
// is left for a closer look; the next run recreates it.
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { SMTPServer } from "smtp-server";
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

// The sink: accepts every mail, keeps only a count (what a fast MTA's queue does first).
let accepted = 0;
const sink = new SMTPServer({
  disabledCommands: ["STARTTLS", "AUTH"],
  authOptional: true,
  logger: false,
  onData(stream, _session, callback) {
    stream.on("data", () => {});
    stream.on("end", () => {
      accepted += 1;
      callback();
    });
  },
});
await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
const sinkAddress = sink.server.address();
if (!sinkAddress || typeof sinkAddress === "string") throw new Error("the SMTP sink has no port");
const smtpUrl = `smtp://127.0.0.1:${sinkAddress.port}`;

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

  const { createMailTransport } = await import("../lib/mail/transport");
  const { saveMailing } = await import("../lib/marketing/mailings/save-mailing");
  const { startMailing } = await import("../lib/marketing/mailings/start-mailing");
  const { runMailing } = await import("../lib/marketing/mailings/run-mailing");
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

  const lavkaRun = async (label: string, rate: number) => {
    const { id } = await saveMailing({ name: label, audience: { kind: "customers", tag: "bench" }, ...content, ratePerSecond: 1000 }, owner);
    // Past the editor's ceiling for the capacity run: the rate is only a column.
    await client.query(`UPDATE "Mailing" SET "ratePerSecond" = $2 WHERE id = $1`, [id, rate]);
    await startMailing(id, owner);
    const transport = createMailTransport({ from: FROM, smtpUrl });
    accepted = 0;
    const before = performance.now();
    const result = await runMailing(id, { transport });
    const seconds = (performance.now() - before) / 1000;
    if (transport.kind === "SMTP") transport.transporter.close();
    const { rows } = await client.query<{ sent: number }>(`SELECT "sentCount" AS sent FROM "Mailing" WHERE id = $1`, [id]);
    if (result !== "finished" || rows[0]?.sent !== MAILS || accepted !== MAILS) throw new Error(`${label}: ${result}, ${rows[0]?.sent} sent, ${accepted} accepted`);
    return { seconds, perSecond: MAILS / seconds };
  };

  const baselineRun = async () => {
    const template = await renderMailingTemplate(content, "ru");
    const mail = personalizeMailing(template, "mrbaseline");
    const transport = createMailTransport({ from: FROM, smtpUrl });
    if (transport.kind !== "SMTP") throw new Error("SMTP expected");
    const inFlightLimit = 10; // what runMailing keeps in flight: twice the pool's 5 connections
    accepted = 0;
    const before = performance.now();
    const inFlight = new Set<Promise<unknown>>();
    for (let index = 0; index < MAILS; index += 1) {
      const sending = transport.transporter
        .sendMail({ from: FROM, to: `customer${index}@bench.example`, subject: mail.subject, html: mail.html, text: mail.text })
        .finally(() => inFlight.delete(sending));
      inFlight.add(sending);
      if (inFlight.size >= inFlightLimit) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    const seconds = (performance.now() - before) / 1000;
    transport.transporter.close();
    if (accepted !== MAILS) throw new Error(`baseline: ${accepted} accepted`);
    return { seconds, perSecond: MAILS / seconds };
  };

  // Warm-up: the transports' first connections, the renderer and the plans.
  await step("warm-up", baselineRun);

  const baseline = await step("baseline: nodemailer pooled transport, same message, in a loop", baselineRun);
  const capped = await step("Lavka at the largest configurable rate (1,000/s)", () => lavkaRun("bench 1000/s", 1000));
  const capacity = await step("Lavka unthrottled", () => lavkaRun("bench unthrottled", 1_000_000));

  const row = (label: string, figures: { seconds: number; perSecond: number }) =>
    console.log(`${label.padEnd(58)} ${figures.perSecond.toFixed(0).padStart(7)} mails/s  (${figures.seconds.toFixed(2)} s)`);
  console.log("");
  row("baseline: nodemailer pool, same rendered message", baseline);
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
  await new Promise<void>((resolve) => sink.close(() => resolve()));
  await server.stop();
}
