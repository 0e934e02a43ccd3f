// Rate limits while Redis is down (found by the crash tests, npm run test:chaos): the limiters
// fall back to their in-memory insurance, and that must answer at once. The limiters' Redis
// client used to queue each command until its next reconnect attempt had failed, so during an
// outage every checkout, sign-in and API call waited 0.3–2 s for the limit. Needs a redis-server
// of its own to stop (on PATH); without one the file says so and tests nothing.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import type * as RateLimit from "@/lib/rate-limit";

const hasRedisServer = spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
if (!hasRedisServer) console.warn("\n⚠ Rate limits during a Redis outage were NOT tested: redis-server is not on PATH.\n");

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

describe.runIf(hasRedisServer)("rate limits with Redis stopped", () => {
  let redis: ChildProcess | undefined;
  let previousRedisUrl: string | undefined;
  let rateLimit: typeof RateLimit;

  beforeAll(async () => {
    const port = await freePort();
    redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    previousRedisUrl = process.env.REDIS_URL;
    process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
    resetEnvCache();
    rateLimit = await import("@/lib/rate-limit");
    // Up and counting in Redis first.
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        await rateLimit.consumeRateLimit("checkout", `outage-warmup-${port}`);
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });

  afterAll(() => {
    if (redis?.exitCode === null) redis.kill("SIGKILL");
    process.env.REDIS_URL = previousRedisUrl;
    resetEnvCache();
  });

  it("answers from the in-memory insurance at once, and still limits", async () => {
    const exited = new Promise((resolve) => redis!.once("exit", resolve));
    redis!.kill("SIGTERM");
    await exited;

    const key = `outage-${Date.now()}`;
    const started = Date.now();
    // The checkout allows 30 per minute and client: the 31st is refused, Redis or not.
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 31; attempt++) {
      outcomes.push(
        await rateLimit.consumeRateLimit("checkout", key).then(
          () => "ok",
          (error: { code?: string }) => error.code ?? "error",
        ),
      );
    }
    expect(outcomes).toEqual([...Array.from({ length: 30 }, () => "ok"), "RATE_LIMITED"]);
    // 31 answers without waiting for reconnect attempts (before: 0.3–2 s each).
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
