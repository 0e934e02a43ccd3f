// The processes a crash test starts and breaks: the web app and the worker (each on its own, so
// that one can be killed while the other runs), a redis-server, and waiting helpers.
//
// scripts/lib/runtime.ts's startApp starts web and worker as one unit behind `tsx`, whose CLI
// runs the program in a child process: a SIGKILL to it would orphan the real server. Here each
// role is one `node --import tsx` process, so SIGKILL hits exactly the process that serves, and
// SIGTERM reaches its own shutdown handler once. Environment and entry points are startApp's.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";
import { connect } from "node:net";
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { findFreePort } from "../../lib/db/embedded";
import { ROOT } from "../lib/runtime";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a truthy value; throws with `what` and the last error at the deadline. */
export async function waitUntil<T>(what: string, check: () => Promise<T | false | null | undefined> | T | false | null | undefined, timeoutMs: number, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${(timeoutMs / 1000).toFixed(0)} s waiting for ${what}${lastError ? ` (last error: ${describe(lastError)})` : ""}`);
    await sleep(everyMs);
  }
}

export function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
}

/** One long-running child process that can be started again after it died or was killed. */
export class ManagedProcess {
  private child: ChildProcess | undefined;
  private log: WriteStream | undefined;
  /** Exits nobody asked for (a crash), with their code or signal. */
  readonly unexpectedExits: string[] = [];
  private expectingExit = false;

  constructor(
    readonly name: string,
    private readonly command: string,
    private readonly args: string[],
    private env: NodeJS.ProcessEnv,
    private readonly logFile: string,
  ) {}

  get pid() {
    return this.child?.pid;
  }

  get running() {
    return Boolean(this.child && this.child.exitCode === null && this.child.signalCode === null);
  }

  setEnv(env: NodeJS.ProcessEnv) {
    this.env = env;
  }

  async start() {
    if (this.running) throw new Error(`${this.name} is already running (pid ${this.pid})`);
    await mkdir(path.dirname(this.logFile), { recursive: true });
    this.log ??= createWriteStream(this.logFile, { flags: "a" });
    this.log.write(`\n----- ${new Date().toISOString()} start ${this.name} -----\n`);
    const child = spawn(this.command, this.args, { cwd: ROOT, env: this.env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    this.expectingExit = false;
    child.on("exit", (code, signal) => {
      this.log?.write(`----- ${new Date().toISOString()} ${this.name} exited with ${code ?? signal} -----\n`);
      if (!this.expectingExit) this.unexpectedExits.push(`${this.name} exited with ${code ?? signal}`);
    });
    this.child = child;
  }

  private exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
    return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  }

  /** kill -9: no handler runs, nothing is flushed. */
  async kill9() {
    const child = this.child;
    if (!child || !this.running) throw new Error(`${this.name} is not running`);
    this.expectingExit = true;
    child.kill("SIGKILL");
    await this.exited(child);
  }

  /** SIGTERM and the exit it leads to; SIGKILL after `timeoutMs` (then `forced` is true). */
  async terminate(timeoutMs = 30_000): Promise<{ code: number | null; signal: NodeJS.Signals | null; forced: boolean; ms: number }> {
    const child = this.child;
    const started = Date.now();
    if (!child || !this.running) return { code: child?.exitCode ?? null, signal: child?.signalCode ?? null, forced: false, ms: 0 };
    this.expectingExit = true;
    child.kill("SIGTERM");
    let forced = false;
    const timer = setTimeout(() => {
      forced = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    const result = await this.exited(child);
    clearTimeout(timer);
    return { ...result, forced, ms: Date.now() - started };
  }

  /** The last lines of the log, for a failure message. */
  async tail(lines = 30): Promise<string> {
    try {
      return (await readFile(this.logFile, "utf8")).split("\n").slice(-lines).join("\n");
    } catch {
      return "(no log)";
    }
  }

  closeLog() {
    this.log?.end();
    this.log = undefined;
  }
}

const nodeWithTsx = (entry: string) => [process.execPath, ["--import", "tsx", entry]] as const;

/** The web app (server.ts, as `npm start` runs it) and the worker (workers/index.ts). */
export function appProcesses(env: NodeJS.ProcessEnv, logDir: string) {
  const [node, webArgs] = nodeWithTsx("server.ts");
  const [, workerArgs] = nodeWithTsx("workers/index.ts");
  const web = new ManagedProcess("web", node, [...webArgs], { ...env, NODE_ENV: "production", LAVKA_SERVICE: "web" }, path.join(logDir, "web.log"));
  const worker = new ManagedProcess("worker", node, [...workerArgs], { ...env, LAVKA_SERVICE: "worker" }, path.join(logDir, "worker.log"));
  return {
    web,
    worker,
    setEnv(next: NodeJS.ProcessEnv) {
      web.setEnv({ ...next, NODE_ENV: "production", LAVKA_SERVICE: "web" });
      worker.setEnv({ ...next, LAVKA_SERVICE: "worker" });
    },
  };
}

/** Answers when the URL gives any status below 500 (the web app is up and reaches its database). */
export async function waitForHealthy(url: string, timeoutMs: number) {
  await waitUntil(
    `${url} to answer`,
    async () => {
      // A web process just restarted under load answers slowly at first: a generous per-try limit.
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      await response.body?.cancel();
      if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
      return true;
    },
    timeoutMs,
    250,
  );
}

/** Resolves once something accepts TCP connections on the port (a restarted server is back, if not yet fast). */
export async function waitForListening(port: number, timeoutMs: number) {
  await waitUntil(
    `a server listening on port ${port}`,
    () =>
      new Promise<boolean>((resolve) => {
        const socket = connect({ host: "127.0.0.1", port }, () => {
          socket.destroy();
          resolve(true);
        });
        socket.on("error", () => resolve(false));
      }),
    timeoutMs,
    100,
  );
}

/** A redis-server of our own on a free port, with AOF on (as DESIGN.md asks of production). */
export async function startRedis(logDir: string, redisServer = "redis-server") {
  const port = await findFreePort();
  const dir = path.join(logDir, "redis");
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const server = new ManagedProcess(
    "redis",
    redisServer,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes", "--dir", dir, "--maxmemory-policy", "noeviction"],
    process.env,
    path.join(logDir, "redis.log"),
  );
  const url = `redis://127.0.0.1:${port}`;
  const { Redis } = await import("ioredis");
  const ping = async () => {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1_000 });
    client.on("error", () => {});
    try {
      await client.connect();
      return (await client.ping()) === "PONG";
    } finally {
      client.disconnect();
    }
  };
  const up = async () => {
    await server.start();
    await waitUntil("redis-server to answer PING", ping, 10_000, 100);
  };
  await up();
  return {
    url,
    port,
    server,
    /** SHUTDOWN by SIGTERM: Redis writes its AOF and exits. */
    stop: () => server.terminate(10_000),
    start: up,
  };
}
