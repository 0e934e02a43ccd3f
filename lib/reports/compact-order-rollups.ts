// Folds the order counters' and daily rollups' deltas (one row per trigger call, see
// prisma/migrations/20261207100000_order_rollup_deltas) into one row per key, so readers sum a
// few hundred rows whatever the write rate. Only committed deltas are folded; a running
// transaction's stay for the next run. Safe to run anywhere, any number of times at once.
import type { PrismaClient } from "@/lib/db";

export async function compactOrderRollups(client: PrismaClient): Promise<{ folded: number }> {
  const [row] = await client.$queryRaw<Array<{ folded: number }>>`SELECT lavka_compact_order_rollups() AS "folded"`;
  return { folded: Number(row?.folded ?? 0) };
}
