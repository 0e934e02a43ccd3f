// Shared by `npm start`, `npm run dev` and `npm test`: the embedded defaults (database, secret),
// building when sources changed, and running the web app and the worker as child processes
// that stop together.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { closeSync, existsSync, openSync } from "node:fs";
import { mkdir, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { ensureDatabase, findFreePort, startEmbeddedPostgres, withDatabase, type EmbeddedDatabase } from "../../lib/db/embedded";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const DATA_DIR = path.join(ROOT, ".data");

export const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);

/** NEXTAUTH_SECRET from the environment, or one generated once and kept in .data/. */
export async function ensureAuthSecret(): Promise<string> {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  await mkdir(DATA_DIR, { recursive: true });
  const file = path.join(DATA_DIR, "nextauth-secret");
  if (!existsSync(file)) await writeFile(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return (await readFile(file, "utf8")).trim();
}

export interface DatabaseHandle {
  url: string;
  embedded?: EmbeddedDatabase;
}

/** DATABASE_URL when set; otherwise the embedded server with data in .data/postgres. */
export async function ensureDatabaseServer(log: (line: string) => void): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  log("DATABASE_URL is not set: starting the embedded PostgreSQL (data in .data/postgres)");
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "postgres"), preferredPort: 54329 });
  await ensureDatabase(embedded.serverUrl, "lavka");
  return { url: withDatabase(embedded.serverUrl, "lavka"), embedded };
}

const BUILD_INPUTS = ["app", "components", "lib", "emails", "messages", "public", "next.config.js", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

async function fingerprint(entry: string, hash: ReturnType<typeof createHash>) {
  const full = path.join(ROOT, entry);
  if (!existsSync(full)) return;
  const info = await stat(full);
  if (info.isDirectory()) {
    for (const child of (await readdir(full)).sort()) {
      if (child === "node_modules" || child.endsWith(".test.ts") || child.endsWith(".test.tsx")) continue;
      await fingerprint(path.join(entry, child), hash);
    }
  } else {
    hash.update(`${entry}:${info.size}:${info.mtimeMs}\n`);
  }
}

/**
 * Runs `next build` unless the last build was made from the same sources. `outputFile` takes the
 * build's output instead of the terminal (a build running beside other work).
 */
export async function buildIfNeeded(env: NodeJS.ProcessEnv, log: (line: string) => void, options: { outputFile?: string } = {}) {
  const hash = createHash("sha256");
  for (const entry of BUILD_INPUTS) await fingerprint(entry, hash);
  const digest = hash.digest("hex");
  const distDir = path.join(ROOT, env.NEXT_DIST_DIR || ".next");
  const marker = path.join(distDir, "lavka-build-fingerprint");
  if (existsSync(path.join(distDir, "BUILD_ID")) && existsSync(marker) && (await readFile(marker, "utf8")) === digest) {
    log("production build is up to date");
    return;
  }
  log("building the web app (next build)…");
  await run(bin("next"), ["build"], env, options);
  await writeFile(marker, digest);
}

/** Runs a command to completion, inheriting output (or writing it to `outputFile`); rejects on a non-zero exit. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env, options: { outputFile?: string } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const output = options.outputFile ? openSync(options.outputFile, "w") : undefined;
    const child = spawn(command, args, { cwd: ROOT, env, stdio: output === undefined ? "inherit" : ["ignore", output, output] });
    if (output !== undefined) closeSync(output);
    child.on("error", reject);
    child.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(" ")} exited with ${code ?? signal}`))));
  });
}

export interface AppProcesses {
  url: string;
  port: number;
  /** The web process's pid, and the worker's when there is one (the benchmarks read their CPU). */
  pids: number[];
  /** Resolves when a child exits on its own (a crash). */
  exited: Promise<{ name: string; code: number | null }>;
  stop(): Promise<void>;
}

function prefixOutput(child: ChildProcess, name: string) {
  const forward = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream) => {
    let buffer = "";
    stream?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) out.write(`[${name}] ${line}\n`);
    });
  };
  forward(child.stdout, process.stdout);
  forward(child.stderr, process.stderr);
}

/** Starts the web app (next start, or next dev) and the worker with the given environment. */
export async function startApp(options: { env: NodeJS.ProcessEnv; dev?: boolean; port?: number; quiet?: boolean; worker?: boolean }): Promise<AppProcesses> {
  const port = options.port ?? (await findFreePort(Number(options.env.PORT) || 3000));
  const url = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = { ...options.env, PORT: String(port), APP_URL: options.env.APP_URL ?? url, NEXTAUTH_URL: options.env.APP_URL ?? url };
  const stdio = options.quiet ? (["ignore", "ignore", "inherit"] as const) : (["ignore", "pipe", "pipe"] as const);
  // Production: server.ts (Next.js behind node:http with the fast paths). Pages cached by an
  // earlier run (ISR, on disk under the build) may show rows of another database — the tests
  // and the benchmark re-create theirs — so each start begins with an empty page cache.
  if (!options.dev) await rm(path.join(ROOT, options.env.NEXT_DIST_DIR || ".next", "server", "route-cache"), { recursive: true, force: true });
  const web = options.dev
    ? spawn(bin("next"), ["dev", "-p", String(port)], { cwd: ROOT, env: { ...env, LAVKA_SERVICE: "web" }, stdio: [...stdio] })
    : spawn(bin("tsx"), ["server.ts"], { cwd: ROOT, env: { ...env, NODE_ENV: "production", LAVKA_SERVICE: "web" }, stdio: [...stdio] });
  const worker = options.worker === false ? undefined : spawn(bin("tsx"), ["workers/index.ts"], { cwd: ROOT, env: { ...env, LAVKA_SERVICE: "worker" }, stdio: [...stdio] });
  if (!options.quiet) {
    prefixOutput(web, "web");
    if (worker) prefixOutput(worker, "worker");
  }
  let stopping = false;
  const exited = new Promise<{ name: string; code: number | null }>((resolve) => {
    web.on("exit", (code) => !stopping && resolve({ name: "web", code }));
    worker?.on("exit", (code) => !stopping && resolve({ name: "worker", code }));
  });
  const waitExit = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      child.on("exit", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  return {
    url,
    port,
    pids: [web.pid, worker?.pid].filter((pid): pid is number => pid !== undefined),
    exited,
    async stop() {
      stopping = true;
      web.kill("SIGTERM");
      worker?.kill("SIGTERM");
      await Promise.all([waitExit(web), worker ? waitExit(worker) : undefined]);
    },
  };
}

/** Polls a URL until it answers (any status below 500) or the time runs out. */
export async function waitForHttp(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
      lastError = new Error(`HTTP ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s: ${String(lastError)}`);
}
