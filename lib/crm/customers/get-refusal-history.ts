// The refusal history of phone numbers (the order-risk signal for operators): how often orders
// from these numbers were cancelled, returned, marked spam, or the number blacklisted, and the
// last few of them. Read by the customer card and by the order page. RefusalRecord rows are
// written by lib/orders/change-order-status.
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { assertCrm } from "@/lib/crm/crm-access";
import { db } from "@/lib/db";
import type { OrderStatus, RefusalKind } from "@/lib/db/generated/enums";

export const REFUSAL_KINDS = ["CANCELLED", "RETURNED", "SPAM", "BLACKLISTED"] as const satisfies readonly RefusalKind[];

export const ZRefusalHistoryInput = z.object({
  phones: z.array(z.string().trim().min(4).max(20)).max(50),
  limit: z.number().int().min(1).max(200).default(10),
});

export interface RefusalEntry {
  id: string;
  kind: RefusalKind;
  phoneNormalized: string;
  reason: string | null;
  /** ISO instant. */
  createdAt: string;
  order: { id: string; number: number; status: OrderStatus } | null;
}

export interface RefusalHistory {
  phones: string[];
  counts: Record<RefusalKind, number>;
  total: number;
  /** Newest first, at most `limit`. */
  recent: RefusalEntry[];
}

/** The history of these normalised phones (E.164). */
export async function getRefusalHistory(input: z.input<typeof ZRefusalHistoryInput>, actor: TSectionActor): Promise<RefusalHistory> {
  assertCrm(assertSectionActor(actor, "customers"), "viewCustomers");
  const { phones, limit } = ZRefusalHistoryInput.parse(input);
  const unique = [...new Set(phones)];
  const counts = Object.fromEntries(REFUSAL_KINDS.map((kind) => [kind, 0])) as Record<RefusalKind, number>;
  if (!unique.length) return { phones: [], counts, total: 0, recent: [] };
  const [groups, rows] = await Promise.all([
    db.refusalRecord.groupBy({ by: ["kind"], where: { phoneNormalized: { in: unique } }, _count: { _all: true } }),
    db.refusalRecord.findMany({
      where: { phoneNormalized: { in: unique } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: { id: true, kind: true, phoneNormalized: true, reason: true, createdAt: true, order: { select: { id: true, number: true, status: true } } },
    }),
  ]);
  let total = 0;
  for (const group of groups) {
    counts[group.kind] = group._count._all;
    total += group._count._all;
  }
  return { phones: unique, counts, total, recent: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })) };
}

/** The refusal history of an order's phone (the order page's risk panel), with the order's customer card. */
export async function getOrderRefusalHistory(orderId: string, actor: TSectionActor): Promise<{ phone: string | null; customerId: string; history: RefusalHistory } | null> {
  assertCrm(assertSectionActor(actor, "customers"), "viewCustomers");
  const order = await db.order.findUnique({ where: { id: z.string().min(1).max(64).parse(orderId) }, select: { phoneNormalized: true, customerId: true } });
  if (!order) return null;
  const history = await getRefusalHistory({ phones: order.phoneNormalized ? [order.phoneNormalized] : [], limit: 5 }, actor);
  return { phone: order.phoneNormalized, customerId: order.customerId, history };
}
