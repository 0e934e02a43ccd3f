// Exact order counts per status over the whole shop, from the counters a trigger on "Order"
// keeps (prisma/migrations/20261206160000_order_rollups): one read of at most a few dozen rows
// whatever the number of orders, instead of counting them. The order list's unfiltered tabs and
// anything else that needs "how many orders are UNCONFIRMED now" (logistics queues) read this.
import { db } from "@/lib/db";
import type { OrderStatus } from "@/lib/db/generated/enums";
import { ORDER_STATUSES } from "./transitions";

export type OrderStatusTotals = Record<OrderStatus, number> & { all: number };

export async function getOrderStatusCounts(): Promise<OrderStatusTotals> {
  const groups = await db.orderStatusCount.groupBy({ by: ["status"], _sum: { count: true } });
  const counts = Object.fromEntries(ORDER_STATUSES.map((status) => [status, 0])) as OrderStatusTotals;
  counts.all = 0;
  for (const group of groups) {
    const count = Number(group._sum.count ?? 0n);
    counts[group.status] = count;
    counts.all += count;
  }
  return counts;
}
