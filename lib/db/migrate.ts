// Applies the SQL migrations in prisma/migrations the way `prisma migrate deploy` does, without
// Prisma's schema engine (which cannot be downloaded everywhere Lavka runs). Rows in
// `_prisma_migrations` are identical to Prisma's, and the same advisory lock key is taken, so
// either tool can take over from the other.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/** Prisma Migrate's advisory lock key: our runner and `prisma migrate deploy` exclude each other. */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

export const DEFAULT_MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

export const checksumOf = (sql: string) => createHash("sha256").update(sql).digest("hex");

/** Like Prisma, accept a file that differs from the applied one only in line endings (git autocrlf). */
function matchesChecksum(sql: string, checksum: string) {
  const lf = sql.replace(/\r\n/g, "\n");
  return [sql, lf, lf.replace(/\n/g, "\r\n")].some((variant) => checksumOf(variant) === checksum);
}

/**
 * Prisma writes its own BEGIN; ... COMMIT; into some migrations (enum changes). Inside our
 * transaction that COMMIT would end it early, so such files run as Prisma runs them: unwrapped.
 */
const CONTROLS_OWN_TRANSACTION = /^\s*(BEGIN|COMMIT|ROLLBACK|START\s+TRANSACTION)\b/im;

export async function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    }),
  );
}

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies every pending migration, each in its own transaction. Refuses (changing nothing) when
 * an applied migration's file was edited or removed, or when an earlier run left one failed.
 */
export async function migrate(options: { connectionString: string; dir?: string; log?: (line: string) => void }): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const files = await readMigrations(options.dir);
  const client = new pg.Client({ connectionString: options.connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const { rows } = await client.query<AppliedRow>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`);
      const applied = new Map<string, AppliedRow>();
      for (const row of rows) {
        if (row.rolled_back_at) continue;
        if (!row.finished_at) {
          throw new MigrationError(
            `Migration ${row.migration_name} failed earlier and is recorded as unfinished. ` +
              `Fix the database by hand, then mark it with \`prisma migrate resolve\` before migrating again.`,
          );
        }
        applied.set(row.migration_name, row);
      }
      const byName = new Map(files.map((file) => [file.name, file]));
      for (const row of applied.values()) {
        const file = byName.get(row.migration_name);
        if (!file) {
          throw new MigrationError(`Migration ${row.migration_name} is applied to the database but its folder is missing from prisma/migrations.`);
        }
        if (!matchesChecksum(file.sql, row.checksum)) {
          throw new MigrationError(
            `Migration ${row.migration_name} was modified after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ` +
              `${file.checksum.slice(0, 12)}… on disk). Restore the file and put the change in a new migration.`,
          );
        }
      }

      const result: MigrateResult = { applied: [], alreadyApplied: [...applied.keys()] };
      for (const file of files) {
        if (applied.has(file.name)) continue;
        log(`applying migration ${file.name}`);
        const id = randomUUID();
        const record = () =>
          client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
             VALUES ($1, $2, $3, clock_timestamp(), 0)`,
            [id, file.checksum, file.name],
          );
        // By id: an earlier, rolled-back attempt of the same migration keeps its own record.
        const finish = () => client.query(`UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`, [id]);
        if (CONTROLS_OWN_TRANSACTION.test(file.sql)) {
          // Prisma's way: the record stays unfinished (with the error in `logs`) when the script
          // fails, so the next run stops until someone resolves it.
          await record();
          try {
            await client.query(file.sql);
          } catch (error) {
            const message = (error as Error).message;
            await client.query("ROLLBACK").catch(() => {}); // ends a transaction the script left open
            await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, message]);
            throw new MigrationError(
              `Migration ${file.name} failed and may be partly applied (it manages its own transactions): ${message}. ` +
                `Fix the database by hand, then mark it with \`prisma migrate resolve\` before migrating again.`,
            );
          }
          await finish();
        } else {
          await client.query("BEGIN");
          try {
            await record();
            await client.query(file.sql);
            await finish();
            await client.query("COMMIT");
          } catch (error) {
            await client.query("ROLLBACK");
            throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${(error as Error).message}`);
          }
        }
        result.applied.push(file.name);
      }
      return result;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end();
  }
}
