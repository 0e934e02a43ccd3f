// The partner cabinet's orders table: the orders attributed to the signed-in partner, newest
// first, with the status timeline and its reasons and the partner's own commission. Scoped by
// partnerId in the query itself, so asking for another partner's order number finds nothing.
// Customer data leaves this module masked (mask.ts); email and address are never selected.
import { z } from "zod";
import { db } from "@/lib/db";
import type { CommissionStatus, OrderStatus, PaymentMethod } from "@/lib/db/generated/enums";
import { resolvePeriod, type PeriodKind, type TPeriodInput } from "@/lib/reports/resolve-period";
import { maskName, maskPhone } from "./mask";

export const PARTNER_ORDERS_PAGE_SIZE = 50;

export const ZPartnerOrdersQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  /** An order number to look up; anything not a positive integer means "no filter". */
  number: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
});

export interface PartnerOrderRow {
  number: number;
  /** ISO instant: rendered by the page in the shop's time zone. */
  createdAt: string;
  productName: string;
  status: OrderStatus;
  paymentMethod: PaymentMethod;
  total: number;
  currency: string;
  subs: (string | null)[];
  customerName: string;
  customerPhone: string;
  timeline: { toStatus: OrderStatus; reason: string | null; at: string }[];
  /** This partner's commission on the order (level 0), if one was computed. */
  commission: { amount: number; currency: string; status: CommissionStatus } | null;
}

export interface PartnerOrders {
  period: { kind: PeriodKind; fromDay: string; toDay: string; timeZone: string };
  rows: PartnerOrderRow[];
  total: number;
  page: number;
  pageSize: number;
  /** The order number looked up, when the input held a valid one. */
  number: number | null;
}

/**
 * Orders placed in the period; with `number`, that one order in any period (still only if it is
 * this partner's). Throws a ZodError for a bad period.
 */
export async function listPartnerOrders(partnerId: string, input: TPeriodInput & { page?: unknown; number?: unknown }, now = new Date()): Promise<PartnerOrders> {
  const period = resolvePeriod({ period: input.period, from: input.from, to: input.to }, now);
  const query = ZPartnerOrdersQuery.parse({ page: input.page, number: input.number });
  const where = query.number !== undefined ? { partnerId, number: query.number } : { partnerId, createdAt: { gte: period.start, lt: period.end } };
  const [orders, total] = await Promise.all([
    db.order.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (query.page - 1) * PARTNER_ORDERS_PAGE_SIZE,
      take: PARTNER_ORDERS_PAGE_SIZE,
      select: {
        number: true,
        createdAt: true,
        status: true,
        paymentMethod: true,
        total: true,
        currency: true,
        sub1: true,
        sub2: true,
        sub3: true,
        sub4: true,
        sub5: true,
        customerName: true,
        phone: true,
        product: { select: { name: true } },
        statusChanges: { orderBy: { createdAt: "asc" }, select: { toStatus: true, reason: true, createdAt: true } },
        commissions: { where: { partnerId, level: 0 }, select: { amount: true, currency: true, status: true } },
      },
    }),
    db.order.count({ where }),
  ]);
  return {
    period: { kind: period.kind, fromDay: period.fromDay, toDay: period.toDay, timeZone: period.timeZone },
    rows: orders.map((order) => ({
      number: order.number,
      createdAt: order.createdAt.toISOString(),
      productName: order.product.name,
      status: order.status,
      paymentMethod: order.paymentMethod,
      total: order.total,
      currency: order.currency.trim(),
      subs: [order.sub1, order.sub2, order.sub3, order.sub4, order.sub5],
      customerName: maskName(order.customerName),
      customerPhone: maskPhone(order.phone),
      timeline: order.statusChanges.map((change) => ({ toStatus: change.toStatus, reason: change.reason, at: change.createdAt.toISOString() })),
      commission: order.commissions[0] ? { ...order.commissions[0], currency: order.commissions[0].currency.trim() } : null,
    })),
    total,
    page: query.page,
    pageSize: PARTNER_ORDERS_PAGE_SIZE,
    number: query.number ?? null,
  };
}
