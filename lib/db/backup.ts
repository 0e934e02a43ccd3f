// Backup and restore with PostgreSQL's own tools: pg_dump's custom format (compressed, restorable
// table by table) and pg_restore into an empty database in one transaction, then the migrations
// newer than the dump. pg_dump must be at least the server's major version, so the tools are
// looked up by version: PG_BIN_DIR, then PATH, then Debian's /usr/lib/postgresql/<major>/bin.
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { ensureDatabase, withDatabase } from "./embedded";
import { migrate } from "./migrate";

const run = promisify(execFile);

export class BackupError extends Error {}

/** The server's major version (e.g. 15, 18). */
export async function serverMajorVersion(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(rows[0]!.server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

async function toolMajorVersion(binary: string): Promise<number | null> {
  try {
    const { stdout } = await run(binary, ["--version"]);
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

function candidates(tool: "pg_dump" | "pg_restore"): string[] {
  const found: string[] = [];
  if (process.env.PG_BIN_DIR) found.push(path.join(process.env.PG_BIN_DIR, tool));
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) if (dir) found.push(path.join(dir, tool));
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    for (const version of readdirSync(debian).sort((a, b) => Number(b) - Number(a))) found.push(path.join(debian, version, "bin", tool));
  }
  return [...new Set(found)].filter((file) => existsSync(file));
}

/** A pg_dump / pg_restore able to work with a server of this major version, or a clear error. */
export async function findPgTool(tool: "pg_dump" | "pg_restore", serverMajor: number): Promise<string> {
  const seen: string[] = [];
  for (const binary of candidates(tool)) {
    const major = await toolMajorVersion(binary);
    if (major === null) continue;
    if (major >= serverMajor) return binary;
    seen.push(`${binary} (${major})`);
  }
  throw new BackupError(
    `${tool} ${serverMajor} or newer is needed for this PostgreSQL ${serverMajor} server` +
      (seen.length ? `; found only ${seen.join(", ")}` : `; none found`) +
      `. Install the PostgreSQL ${serverMajor} client tools (Debian: postgresql-client-${serverMajor}) or point PG_BIN_DIR at them.`,
  );
}

/** Dumps the database to `file` (pg_dump custom format); returns its size in bytes. */
export async function backupDatabase(options: { databaseUrl: string; file: string }): Promise<{ file: string; bytes: number }> {
  const pgDump = await findPgTool("pg_dump", await serverMajorVersion(options.databaseUrl));
  await mkdir(path.dirname(path.resolve(options.file)), { recursive: true });
  // No owners or grants: the dump restores into a database owned by whoever restores it.
  await run(pgDump, ["--format=custom", "--no-owner", "--no-privileges", `--file=${options.file}`, `--dbname=${options.databaseUrl}`], { maxBuffer: 16 * 1024 * 1024 });
  return { file: options.file, bytes: (await stat(options.file)).size };
}

async function tableCount(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number }>("SELECT count(*)::int AS count FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')");
    return rows[0]!.count;
  } finally {
    await client.end();
  }
}

/**
 * Restores a dump into `databaseUrl` (created when missing; refused when it already has tables,
 * so a restore never mixes with live data), all or nothing, then applies newer migrations.
 */
export async function restoreDatabase(options: { file: string; databaseUrl: string; log?: (line: string) => void }): Promise<{ migrationsApplied: string[] }> {
  if (!existsSync(options.file)) throw new BackupError(`no backup file at ${options.file}`);
  const target = new URL(options.databaseUrl);
  const database = decodeURIComponent(target.pathname.slice(1));
  if (!database) throw new BackupError("the target URL names no database");
  await ensureDatabase(withDatabase(options.databaseUrl, "postgres"), database);
  const existing = await tableCount(options.databaseUrl);
  if (existing > 0) throw new BackupError(`database "${database}" already has ${existing} table(s): restore into a new, empty database`);
  const pgRestore = await findPgTool("pg_restore", await serverMajorVersion(options.databaseUrl));
  await run(pgRestore, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${options.databaseUrl}`, options.file], { maxBuffer: 16 * 1024 * 1024 });
  const migrated = await migrate({ connectionString: options.databaseUrl, log: options.log });
  return { migrationsApplied: migrated.applied };
}
