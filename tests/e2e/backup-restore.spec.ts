// The documented backup procedure end to end: `npm run db:backup` of the running shop's database,
// `npm run db:restore` into a new database, and the app (web + worker) started on the restored
// copy — it is healthy, the owner signs in and sees the same newest order.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { BackupError, findPgTool, serverMajorVersion } from "../../lib/db/backup";
import { withDatabase } from "../../lib/db/embedded";
import { startApp, waitForHttp } from "../../scripts/lib/runtime";
import { DEMO, expect, signInThroughApi, test, withAppDatabase } from "./fixtures";

const run = promisify(execFile);

test("a backup restored into a new database runs the shop", async ({ playwright }) => {
  test.setTimeout(240_000);
  const sourceUrl = process.env.E2E_DATABASE_URL!;
  const major = await serverMajorVersion(sourceUrl);
  const missing = await Promise.all([findPgTool("pg_dump", major), findPgTool("pg_restore", major)]).then(
    () => null,
    (error: unknown) => error,
  );
  if (missing) {
    console.warn(`\n⚠ Backup and restore were NOT tested: ${(missing as Error).message}\n`);
    expect(missing).toBeInstanceOf(BackupError);
    return;
  }

  const dir = await mkdtemp(path.join(os.tmpdir(), "lavka-e2e-backup-"));
  const file = path.join(dir, "shop.dump");
  const restoredName = `lavka_e2e_restored_${process.pid}`;
  const restoredUrl = withDatabase(sourceUrl, restoredName);
  const tsx = path.resolve("node_modules/.bin/tsx");
  const env = { ...process.env, DATABASE_URL: sourceUrl };
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    await run(tsx, ["scripts/backup.ts", "--out", file], { env });
    const restored = await run(tsx, ["scripts/restore.ts", file, "--database-url", restoredUrl], { env });
    expect(restored.stdout).toContain("restored");

    const newest = await withAppDatabase(async (client) => (await client.query<{ number: number }>(`SELECT number FROM "Order" ORDER BY number DESC LIMIT 1`)).rows[0]!.number);
    const appEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: restoredUrl };
    delete appEnv.APP_URL;
    app = await startApp({ env: appEnv, quiet: true });
    await waitForHttp(`${app.url}/api/health`, 90_000);
    const health = await (await fetch(`${app.url}/api/health`)).json();
    expect(health).toMatchObject({ ok: true, database: { ok: true } });

    const owner = await playwright.request.newContext({ baseURL: app.url });
    await signInThroughApi(owner, DEMO.owner);
    const page = await owner.get("/admin/orders");
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain(String(newest));
    await owner.dispose();
  } finally {
    await app?.stop();
    await withAppDatabase((client) => client.query(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`));
    await rm(dir, { recursive: true, force: true });
  }
});
