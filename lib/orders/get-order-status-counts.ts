// Exact order counts per status over the whole shop, from the counters a trigger on "Order"
// keeps (prisma/migrations/20261206160000_order_rollups): one read of at most a few dozen rows
// whatever the number of orders, instead of counting them. The order list's unfiltered tabs and
// anything else that needs "how many orders are UNCONFIRMED now" (logistics queues) read this.
import { getPgPool } from "@/lib/db/pool";
import type { OrderStatus } from "@/lib/db/generated/enums";
import { ORDER_STATUSES } from "./transitions";

export type OrderStatusTotals = Record<OrderStatus, number> & { all: number };

// Read on node-postgres rather than through Prisma: every view of the order list asks, and the
// statement is fixed (no query to build or result to map).
const STATUS_COUNTS_SQL = `SELECT "status", sum("count")::text AS "count" FROM "OrderStatusCount" GROUP BY "status"`;

export async function getOrderStatusCounts(): Promise<OrderStatusTotals> {
  const { rows } = await getPgPool().query<{ status: OrderStatus; count: string }>(STATUS_COUNTS_SQL);
  const counts = Object.fromEntries(ORDER_STATUSES.map((status) => [status, 0])) as OrderStatusTotals;
  counts.all = 0;
  for (const row of rows) {
    const count = Number(row.count);
    counts[row.status] = count;
    counts.all += count;
  }
  return counts;
}
