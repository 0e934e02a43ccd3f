// The migration runner (lib/db/migrate.ts) against a real PostgreSQL: each test gets a database
// and a migrations directory of its own, with small SQL files, and removes both afterwards.
// Bookkeeping is checked against what `prisma migrate deploy` writes, so either tool can take
// over a database the other one migrated.
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { recreateDatabase, withDatabase } from "@/lib/db/embedded";
import { MigrationError, migrate } from "@/lib/db/migrate";

const serverUrl = inject("serverUrl");

interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function dropDatabase(database: string) {
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

let sandboxCount = 0;

/** A fresh database and an empty migrations directory, both removed after the test. */
async function sandbox() {
  const database = `lavka_migrate_${process.pid}_${++sandboxCount}`;
  await recreateDatabase(serverUrl, database);
  const dir = await mkdtemp(path.join(os.tmpdir(), "lavka-migrations-"));
  cleanups.push(async () => {
    await rm(dir, { recursive: true, force: true });
    await dropDatabase(database);
  });
  const connectionString = withDatabase(serverUrl, database);

  return {
    connectionString,
    dir,
    run: () => migrate({ connectionString, dir }),
    async write(name: string, sql: string) {
      await mkdir(path.join(dir, name), { recursive: true });
      await writeFile(path.join(dir, name, "migration.sql"), sql);
    },
    async query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) {
      const client = new pg.Client({ connectionString });
      await client.connect();
      try {
        return (await client.query<T>(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    async rows() {
      return this.query<MigrationRow>(`SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name`);
    },
    async tableExists(table: string) {
      const [row] = await this.query<{ exists: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS exists`, [`"${table}"`]);
      return row!.exists;
    },
  };
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

const FIRST = "20260101000000_create_things";
const FIRST_SQL = `-- CreateTable
CREATE TABLE "Thing" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Thing_pkey" PRIMARY KEY ("id")
);
`;
const SECOND = "20260102000000_add_colour";
const SECOND_SQL = `-- AlterTable
ALTER TABLE "Thing" ADD COLUMN "colour" TEXT;
INSERT INTO "Thing" ("name", "colour") VALUES ('first', 'red');
`;

/** A version-4 UUID as Prisma writes into `id` (36 characters with hyphens). */
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("migrate (lib/db/migrate.ts)", () => {
  it("applies every migration to a fresh database in name order and records it as Prisma does", async () => {
    const db = await sandbox();
    // Written out of order, and next to a non-directory entry: both must not matter.
    await db.write(SECOND, SECOND_SQL);
    await db.write(FIRST, FIRST_SQL);
    await writeFile(path.join(db.dir, "migration_lock.toml"), 'provider = "postgresql"\n');

    const result = await db.run();

    expect(result).toEqual({ applied: [FIRST, SECOND], alreadyApplied: [] });
    expect(await db.query(`SELECT "name", "colour" FROM "Thing"`)).toEqual([{ name: "first", colour: "red" }]);

    const rows = await db.rows();
    expect(rows.map((row) => row.migration_name)).toEqual([FIRST, SECOND]);
    for (const [row, sql] of [
      [rows[0]!, FIRST_SQL],
      [rows[1]!, SECOND_SQL],
    ] as const) {
      expect(row.id).toMatch(UUID_V4);
      expect(row.checksum).toBe(sha256(sql));
      expect(row.started_at).toBeInstanceOf(Date);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);

    // The bookkeeping table itself is Prisma's, column for column.
    const columns = await db.query(
      `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '_prisma_migrations'
       ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", character_maximum_length: 36, is_nullable: "NO", column_default: null },
      { column_name: "checksum", data_type: "character varying", character_maximum_length: 64, is_nullable: "NO", column_default: null },
      { column_name: "finished_at", data_type: "timestamp with time zone", character_maximum_length: null, is_nullable: "YES", column_default: null },
      { column_name: "migration_name", data_type: "character varying", character_maximum_length: 255, is_nullable: "NO", column_default: null },
      { column_name: "logs", data_type: "text", character_maximum_length: null, is_nullable: "YES", column_default: null },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", character_maximum_length: null, is_nullable: "YES", column_default: null },
      { column_name: "started_at", data_type: "timestamp with time zone", character_maximum_length: null, is_nullable: "NO", column_default: "now()" },
      { column_name: "applied_steps_count", data_type: "integer", character_maximum_length: null, is_nullable: "NO", column_default: "0" },
    ]);
  });

  it("applies nothing on a re-run and leaves the records as they were", async () => {
    const db = await sandbox();
    await db.write(FIRST, FIRST_SQL);
    await db.write(SECOND, SECOND_SQL);
    await db.run();
    const before = await db.rows();

    const result = await db.run();

    expect(result).toEqual({ applied: [], alreadyApplied: [FIRST, SECOND] });
    expect(await db.rows()).toEqual(before);
    expect(await db.query(`SELECT count(*)::int AS count FROM "Thing"`)).toEqual([{ count: 1 }]);
  });

  it("applies only the new migration when one is added later", async () => {
    const db = await sandbox();
    await db.write(FIRST, FIRST_SQL);
    await db.run();
    await db.write(SECOND, SECOND_SQL);

    expect(await db.run()).toEqual({ applied: [SECOND], alreadyApplied: [FIRST] });
    expect((await db.rows()).map((row) => row.migration_name)).toEqual([FIRST, SECOND]);
  });

  it("lets concurrent runners on a fresh database apply every migration exactly once, and all succeed", async () => {
    const db = await sandbox();
    // The sleep keeps the first runner inside the lock long enough for the others to queue behind it;
    // without the lock they would all create "Thing" and all but one would fail.
    await db.write(FIRST, `${FIRST_SQL}SELECT pg_sleep(0.5);\n`);
    await db.write(SECOND, SECOND_SQL);

    const results = await Promise.all([db.run(), db.run(), db.run()]);

    const appliers = results.filter((result) => result.applied.length > 0);
    expect(appliers).toEqual([{ applied: [FIRST, SECOND], alreadyApplied: [] }]);
    expect(results.filter((result) => result.applied.length === 0)).toEqual([
      { applied: [], alreadyApplied: [FIRST, SECOND] },
      { applied: [], alreadyApplied: [FIRST, SECOND] },
    ]);
    expect((await db.rows()).map((row) => row.migration_name)).toEqual([FIRST, SECOND]);
    expect(await db.query(`SELECT count(*)::int AS count FROM "Thing"`)).toEqual([{ count: 1 }]);
  });

  it("refuses, naming the migration and changing nothing, when an applied migration's file was edited", async () => {
    const db = await sandbox();
    await db.write(FIRST, FIRST_SQL);
    await db.run();
    const before = await db.rows();
    await db.write(FIRST, `${FIRST_SQL}-- an afterthought\n`);
    await db.write(SECOND, SECOND_SQL); // pending: must not be applied either

    const error = await db.run().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toContain(FIRST);
    expect((error as Error).message).toMatch(/modified after it was applied/);
    expect(await db.rows()).toEqual(before);
    expect(await db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'Thing' AND column_name = 'colour'`)).toEqual([]);
  });

  it("refuses when an applied migration's folder is missing", async () => {
    const db = await sandbox();
    await db.write(FIRST, FIRST_SQL);
    await db.run();
    await rm(path.join(db.dir, FIRST), { recursive: true });

    const error = await db.run().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toContain(FIRST);
  });

  it("rolls back a failing migration, records nothing for it, and applies it once fixed", async () => {
    const db = await sandbox();
    await db.write(FIRST, FIRST_SQL);
    await db.run();
    const before = await db.rows();
    await db.write(SECOND, `CREATE TABLE "HalfDone" ("id" INTEGER);\nINSERT INTO "NoSuchTable" VALUES (1);\n`);

    const error = await db.run().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toContain(SECOND);
    expect((error as Error).message).toMatch(/NoSuchTable/);
    expect(await db.tableExists("HalfDone")).toBe(false);
    expect(await db.rows()).toEqual(before);

    // Nothing was recorded, so nothing blocks the corrected migration.
    await db.write(SECOND, SECOND_SQL);
    expect(await db.run()).toEqual({ applied: [SECOND], alreadyApplied: [FIRST] });
  });

  it("stops at a migration that an earlier run (or Prisma) recorded as started but never finished", async () => {
    const db = await sandbox();
    await db.write(FIRST, FIRST_SQL);
    await db.run(); // creates the bookkeeping table
    await db.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      ["00000000-0000-4000-8000-000000000000", sha256(SECOND_SQL), SECOND],
    );
    await db.write(SECOND, SECOND_SQL);

    const error = await db.run().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toContain(SECOND);
    expect(await db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'Thing' AND column_name = 'colour'`)).toEqual([]);
  });
});
