// The logistics section's work queues: one per logistics status (to ship = CONFIRMED, shipped,
// at the post office = DELIVERED, handed, paid, returned), with the order list's filters (product,
// order dates, region, payment method, search — also by tracking number), keyset pages newest
// first and the counts of every queue. The filters, the cursor and the counts are the order
// list's own (lib/orders/list-orders): unfiltered counts come from the maintained per-status
// counters, filtered ones are bounded, so the tabs stay cheap at a million orders.
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db, type Prisma } from "@/lib/db";
import type { OrderStatus } from "@/lib/db/generated/enums";
import { countOrdersByStatus, decodeOrderCursor, encodeOrderCursor, olderThan, orderFilterWhere, ZOrderFilters } from "@/lib/orders/list-orders";

export const LOGISTICS_QUEUES = {
  toShip: "CONFIRMED",
  shipped: "SHIPPED",
  atPostOffice: "DELIVERED",
  handed: "HANDED",
  paid: "PAID",
  returned: "RETURNED",
} as const satisfies Record<string, OrderStatus>;
export type LogisticsQueue = keyof typeof LOGISTICS_QUEUES;
export const LOGISTICS_QUEUE_NAMES = Object.keys(LOGISTICS_QUEUES) as LogisticsQueue[];
const QUEUE_STATUSES = Object.values(LOGISTICS_QUEUES) as OrderStatus[];

export const LOGISTICS_PAGE_SIZE = 50;

const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const ZLogisticsQueueInput = ZOrderFilters.omit({ status: true, partnerId: true }).extend({
  queue: z.preprocess(blank, z.enum(LOGISTICS_QUEUE_NAMES as [LogisticsQueue, ...LogisticsQueue[]]).default("toShip")),
  cursor: z.preprocess(
    blank,
    z
      .string()
      .max(200)
      .refine((value) => {
        try {
          decodeOrderCursor(value);
          return true;
        } catch {
          return false;
        }
      }, "Invalid page cursor")
      .optional(),
  ),
});
export type TLogisticsQueueInput = z.input<typeof ZLogisticsQueueInput>;

const queueItemSelect = {
  id: true,
  number: true,
  createdAt: true,
  status: true,
  statusChangedAt: true,
  paymentMethod: true,
  customerName: true,
  phone: true,
  postcode: true,
  province: true,
  city: true,
  region: true,
  currency: true,
  total: true,
  trackingNumber: true,
  items: { select: { productName: true, quantity: true }, orderBy: { createdAt: "asc" } },
  shippingBatchEntries: { orderBy: { createdAt: "desc" }, take: 1, select: { batch: { select: { id: true, number: true, status: true } } } },
  parcelOperations: { orderBy: { operatedAt: "desc" }, take: 1, select: { typeName: true, attrName: true, operatedAt: true } },
} as const satisfies Prisma.OrderSelect;

export type LogisticsQueueItem = Prisma.OrderGetPayload<{ select: typeof queueItemSelect }>;

export async function listLogisticsQueue(input: TLogisticsQueueInput, actor: TSectionActor) {
  assertSectionActor(actor, "logistics");
  const { queue, cursor, ...filters } = ZLogisticsQueueInput.parse(input);
  const after = cursor ? decodeOrderCursor(cursor) : undefined;
  const status = LOGISTICS_QUEUES[queue];
  const [rows, counts] = await Promise.all([
    db.order.findMany({
      where: { AND: [orderFilterWhere({ ...filters, status: [status] }), after ? olderThan(after) : {}] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: LOGISTICS_PAGE_SIZE + 1,
      select: queueItemSelect,
    }),
    countOrdersByStatus({ ...filters, status: QUEUE_STATUSES }),
  ]);
  const items = rows.slice(0, LOGISTICS_PAGE_SIZE);
  const last = items.at(-1);
  return {
    queue,
    items,
    nextCursor: rows.length > LOGISTICS_PAGE_SIZE && last ? encodeOrderCursor(last) : null,
    counts: Object.fromEntries(LOGISTICS_QUEUE_NAMES.map((name) => [name, counts[LOGISTICS_QUEUES[name]]])) as Record<LogisticsQueue, number>,
    countLimit: counts.limit,
  };
}
