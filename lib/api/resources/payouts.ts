// API payouts to partners: list (newest request first).
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import { PayoutStatus } from "@/lib/db/generated/enums";
import { createdWhere, iso, isoOrNull, ZCreatedRange, ZCurrency, ZInstant, ZMoney } from "../objects";
import { keysetOrder, keysetWhere, paginate, ZListParams } from "../pagination";

export const ZPayoutObject = z
  .object({
    id: z.string(),
    object: z.literal("payout"),
    partner: z.string(),
    amount: ZMoney,
    currency: ZCurrency,
    status: z.enum(PayoutStatus),
    method: z.string().nullable(),
    reference: z.string().nullable().meta({ description: "The payment's reference, set when paid." }),
    reason: z.string().nullable().meta({ description: "Why it was rejected." }),
    created: ZInstant.meta({ description: "When the partner requested it." }),
    approved_at: ZInstant.nullable(),
    paid_at: ZInstant.nullable(),
    rejected_at: ZInstant.nullable(),
  })
  .meta({ id: "Payout" });
export type PayoutObject = z.infer<typeof ZPayoutObject>;

const payoutSelect = {
  id: true,
  partnerId: true,
  amount: true,
  currency: true,
  status: true,
  method: true,
  reference: true,
  reason: true,
  requestedAt: true,
  approvedAt: true,
  paidAt: true,
  rejectedAt: true,
} as const satisfies Prisma.PayoutSelect;

function payoutObject(row: Prisma.PayoutGetPayload<{ select: typeof payoutSelect }>): PayoutObject {
  return {
    id: row.id,
    object: "payout",
    partner: row.partnerId,
    amount: row.amount,
    currency: row.currency.trim(),
    status: row.status,
    method: row.method,
    reference: row.reference,
    reason: row.reason,
    created: iso(row.requestedAt),
    approved_at: isoOrNull(row.approvedAt),
    paid_at: isoOrNull(row.paidAt),
    rejected_at: isoOrNull(row.rejectedAt),
  };
}

export const ZListPayoutsQuery = ZListParams.extend({
  partner: z.string().max(64).optional(),
  status: z.enum(PayoutStatus).optional(),
  ...ZCreatedRange,
});

export async function listApiPayouts(query: z.output<typeof ZListPayoutsQuery>) {
  const filter: Prisma.PayoutWhereInput = {
    ...createdWhere(query, "requestedAt"),
    ...(query.partner ? { partnerId: query.partner } : {}),
    ...(query.status ? { status: query.status } : {}),
  };
  const { rows, hasMore } = await paginate(query, {
    cursorOf: async (id) => {
      const row = await db.payout.findUnique({ where: { id }, select: { id: true, requestedAt: true } });
      return row && { id: row.id, created: row.requestedAt };
    },
    load: (after, direction, take) =>
      db.payout.findMany({ where: { AND: [filter, keysetWhere(after, direction, "requestedAt")] }, orderBy: keysetOrder(direction, "requestedAt"), take, select: payoutSelect }),
  });
  return { object: "list" as const, url: "/api/v1/payouts" as const, has_more: hasMore, data: rows.map(payoutObject) };
}
