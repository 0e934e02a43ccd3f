// Backup and restore (lib/db/backup.ts) with the real pg_dump / pg_restore: the whole demo shop
// survives the round trip (every table's rows, the sequences behind the ids), a restore never
// writes into a database that has tables, and a broken dump leaves the target empty. Needs the
// PostgreSQL client tools of the server's version: without them the suite says so loudly.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { BackupError, backupDatabase, findPgTool, restoreDatabase, serverMajorVersion } from "@/lib/db/backup";
import { createMigratedDatabase } from "../helpers/test-database";
import { withDatabase } from "@/lib/db/embedded";
import { seedDemo } from "@/scripts/seed-demo";

const serverUrl = inject("serverUrl");
const run = `${process.pid}_${Date.now() % 100_000}`;
const sourceName = `lavka_backup_src_${run}`;
const created: string[] = [];
let dir = "";

async function query<T extends pg.QueryResultRow>(databaseUrl: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Every user table with its exact row count. */
async function rowCounts(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>("SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    if (tables.rows.length === 0) return {};
    const counts = await client.query<{ name: string; n: number }>(
      tables.rows.map(({ name }) => `SELECT '${name.replaceAll("'", "''")}' AS name, count(*)::int AS n FROM ${name}`).join(" UNION ALL "),
    );
    return Object.fromEntries(counts.rows.map(({ name, n }) => [name, n]));
  } finally {
    await client.end();
  }
}

const major = await serverMajorVersion(withDatabase(serverUrl, "postgres"));
const tools = await Promise.all([findPgTool("pg_dump", major), findPgTool("pg_restore", major)]).catch((error: unknown) => error);

if (tools instanceof Error) {
  console.warn(`\n⚠ Backup and restore were NOT tested: ${tools.message}\n`);
  it("backup and restore need the PostgreSQL client tools (reported above)", () => {
    expect(tools).toBeInstanceOf(BackupError);
  });
} else {
  describe("backup and restore", () => {
    let sourceUrl = "";
    let file = "";
    let bytes = 0;

    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), "lavka-backup-"));
      sourceUrl = await createMigratedDatabase(serverUrl, sourceName);
      created.push(sourceName);
      await seedDemo(sourceUrl);
      file = path.join(dir, "shop.dump");
      ({ bytes } = await backupDatabase({ databaseUrl: sourceUrl, file }));
    }, 180_000);

    afterAll(async () => {
      for (const name of created) await query(withDatabase(serverUrl, "postgres"), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    // pg_dump / pg_restore are processes of their own: slow on a busy machine.
    it("restores every row of every table into a new database, ids continuing after the restored ones", { timeout: 120_000 }, async () => {
      expect(bytes).toBeGreaterThan(10_000);

      const targetName = `lavka_backup_dst_${run}`;
      created.push(targetName);
      const targetUrl = withDatabase(serverUrl, targetName);
      const { migrationsApplied } = await restoreDatabase({ file, databaseUrl: targetUrl });
      expect(migrationsApplied).toEqual([]);

      const [before, after] = await Promise.all([rowCounts(sourceUrl), rowCounts(targetUrl)]);
      expect(Object.keys(after).length).toBeGreaterThan(50);
      expect(after).toEqual(before);
      expect(after['"Order"']).toBeGreaterThan(0);

      // The same orders, byte for byte where it matters.
      const orders = `SELECT number, total, currency, status::text, "createdAt" FROM "Order" ORDER BY id`;
      expect(await query(targetUrl, orders)).toEqual(await query(sourceUrl, orders));
      // Sequences came along: a new row gets the next id, not one already taken.
      const { max } = (await query<{ max: string }>(targetUrl, `SELECT max(id)::text AS max FROM "AuditLog"`))[0]!;
      const { id } = (await query<{ id: string }>(targetUrl, `INSERT INTO "AuditLog" ("actorType", action) VALUES ('system', 'restore-check') RETURNING id::text`))[0]!;
      expect(BigInt(id)).toBeGreaterThan(BigInt(max ?? "0"));
    });

    it("refuses a database that already has tables, and changes nothing in it", async () => {
      const before = await rowCounts(sourceUrl);
      await expect(restoreDatabase({ file, databaseUrl: sourceUrl })).rejects.toThrow(/already has \d+ table\(s\)/);
      expect(await rowCounts(sourceUrl)).toEqual(before);
    });

    it("restores all or nothing: a truncated dump leaves the new database without a table", { timeout: 120_000 }, async () => {
      const whole = await readFile(file);
      const broken = path.join(dir, "broken.dump");
      await writeFile(broken, whole.subarray(0, Math.floor(whole.length * 0.6)));
      const targetName = `lavka_backup_broken_${run}`;
      created.push(targetName);
      const targetUrl = withDatabase(serverUrl, targetName);
      await expect(restoreDatabase({ file: broken, databaseUrl: targetUrl })).rejects.toThrow();
      expect(await rowCounts(targetUrl)).toEqual({});
    });

    it("names a missing file", async () => {
      await expect(restoreDatabase({ file: path.join(dir, "nope.dump"), databaseUrl: withDatabase(serverUrl, `lavka_backup_none_${run}`) })).rejects.toThrow(/no backup file/);
    });
  });
}
