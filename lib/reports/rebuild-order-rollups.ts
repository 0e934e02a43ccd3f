// Rewrites the order counters and daily rollups from the orders themselves (the SQL function
// lavka_rebuild_order_rollups of prisma/migrations/20261206160000_order_rollups), then reports
// what it wrote. The triggers keep both exact on every write, so this is a repair tool (after a
// bulk load with triggers off, a restore, a hand edit): it also leaves one row per
// key. Order, item and commission writes wait while it runs (under a minute at a million orders).
import type { PrismaClient } from "@/lib/db";

export async function rebuildOrderRollups(client: PrismaClient): Promise<{ orders: number; rollupRows: number; ms: number }> {
  const started = Date.now();
  await client.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL statement_timeout = 0`;
      await tx.$executeRaw`SELECT lavka_rebuild_order_rollups()`;
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
  const [orders, rollupRows] = await Promise.all([client.orderStatusCount.aggregate({ _sum: { count: true } }), client.orderDailyRollup.count()]);
  return { orders: Number(orders._sum.count ?? 0n), rollupRows, ms: Date.now() - started };
}
