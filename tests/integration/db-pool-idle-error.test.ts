// The process's node-postgres pool (lib/db/pool.ts) when the server closes one of its idle
// connections — a restart, pg_terminate_backend, a network cut. Found by the crash tests (npm
// run test:chaos): the pool had no 'error' listener, so the event crashed the worker. Now the
// connection is dropped and the next query gets a fresh one.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { getPgPool } from "@/lib/db/pool";

afterAll(async () => {
  await disconnectDb();
});

it("survives the server closing an idle connection, and answers the next query", async () => {
  const pool = getPgPool();
  const client = await pool.connect();
  const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  client.release();
  const pid = rows[0]!.pid;
  expect(pool.idleCount).toBeGreaterThan(0);

  // The pool hears of it on its own schedule and drops the connection; no listener here, so an
  // unhandled 'error' event would be an uncaught exception failing this file.
  const before = pool.totalCount;
  await db.$queryRaw`SELECT pg_terminate_backend(${pid}::int)`;
  const deadline = Date.now() + 5_000;
  while (pool.totalCount >= before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(pool.totalCount).toBe(before - 1);

  const next = await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  expect(next.rows[0]!.pid).not.toBe(pid);
});

it("keeps idle connections for minutes, yet lets a process that is done exit at once", async () => {
  // Kept: a connection made anew costs a backend, SCRAM and every named statement planned again.
  expect(getPgPool().options.idleTimeoutMillis).toBe(5 * 60_000);
  // A script that used the pool and did not end it exits with its work, not minutes later.
  const pool = JSON.stringify(path.resolve(import.meta.dirname, "../../lib/db/pool.ts"));
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", `const pool = (await import(${pool})).getPgPool(); await pool.query("SELECT 1"); console.log("idle", pool.idleCount);`],
    { env: process.env, stdio: ["ignore", "pipe", "inherit"] },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = await new Promise<number | null | "still running">((resolve) => {
    const timer = setTimeout(() => resolve("still running"), 20_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  child.kill();
  expect(output.trim()).toBe("idle 1");
  expect(exited).toBe(0);
});
