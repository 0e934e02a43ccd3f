// The embedded PostgreSQL (lib/db/embedded) and Ctrl-C: a terminal signals its whole foreground
// process group, here played by SIGINT to the group of a child script. The server runs in a group
// of its own, so it is stopped by the script — after what uses it, when the script says it stops
// its servers itself (`npm start`: web app and worker first) — and never by the signal directly.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const refusesConnections = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });

/** Runs the child script in a process group of its own; SIGINT to the group once its server is up. */
async function interruptGroup(mode: "own" | "default") {
  const parent = await mkdtemp(path.join(os.tmpdir(), "lavka-embedded-signals-"));
  dirs.push(parent);
  const dataDir = path.join(parent, "postgres");
  const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/embedded-signal-child.ts", mode, dataDir], { detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const lines: Record<string, unknown>[] = [];
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal)));
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split("\n");
      buffer = parts.pop() ?? "";
      for (const part of parts) {
        const line = JSON.parse(part) as Record<string, unknown>;
        lines.push(line);
        if (typeof line.port === "number") resolve(line.port);
      }
    });
    void exited.then((code) => reject(new Error(`child exited with ${code} before its server was up: ${stderr}`)));
  });
  process.kill(-child.pid!, "SIGINT");
  const code = await exited;
  return { code, port, dataDir, lines, stderr };
}

describe("the embedded PostgreSQL on Ctrl-C", () => {
  it("of a script that stops it itself: still answers in the script's handler, then is stopped", async () => {
    const { code, port, dataDir, lines, stderr } = await interruptGroup("own");
    expect(code, stderr).toBe(0);
    expect(lines.at(-1)).toEqual({ answered: true });
    expect(await refusesConnections(port)).toBe(true);
    expect(existsSync(dataDir)).toBe(false);
  }, 120_000);

  it("of any other script: stopped by lib/db/embedded, and the script ends as the signal would (130)", async () => {
    const { code, port, dataDir, stderr } = await interruptGroup("default");
    expect(code, stderr).toBe(130);
    expect(await refusesConnections(port)).toBe(true);
    expect(existsSync(dataDir)).toBe(false);
  }, 120_000);
});
