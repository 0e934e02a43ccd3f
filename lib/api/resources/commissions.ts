// API commissions: one per order and level of the partner tree; list and get.
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import { AmountKind, CommissionStatus, RewardTrigger } from "@/lib/db/generated/enums";
import { notFound } from "@/lib/errors";
import { createdWhere, iso, isoOrNull, ZCreatedRange, ZCurrency, ZInstant, ZMoney } from "../objects";
import { keysetOrder, keysetWhere, paginate, ZListParams } from "../pagination";

export const ZCommissionObject = z
  .object({
    id: z.string(),
    object: z.literal("commission"),
    order: z.string(),
    partner: z.string(),
    level: z.int().meta({ description: "0: the partner of the order; 1: their recruiter; …" }),
    amount: ZMoney,
    currency: ZCurrency,
    rule: z.object({ kind: z.enum(AmountKind), value: z.int().meta({ description: "Minor units (FIXED) or basis points (PERCENT)." }) }),
    trigger: z.enum(RewardTrigger),
    status: z.enum(CommissionStatus),
    payout: z.string().nullable(),
    approved_at: ZInstant.nullable(),
    available_at: ZInstant.nullable(),
    cancelled_at: ZInstant.nullable(),
    paid_at: ZInstant.nullable(),
    created: ZInstant,
  })
  .meta({ id: "Commission" });
export type CommissionObject = z.infer<typeof ZCommissionObject>;

const commissionSelect = {
  id: true,
  orderId: true,
  partnerId: true,
  level: true,
  amount: true,
  currency: true,
  ruleKind: true,
  ruleValue: true,
  trigger: true,
  status: true,
  payoutId: true,
  approvedAt: true,
  availableAt: true,
  cancelledAt: true,
  paidAt: true,
  createdAt: true,
} as const satisfies Prisma.CommissionSelect;

function commissionObject(row: Prisma.CommissionGetPayload<{ select: typeof commissionSelect }>): CommissionObject {
  return {
    id: row.id,
    object: "commission",
    order: row.orderId,
    partner: row.partnerId,
    level: row.level,
    amount: row.amount,
    currency: row.currency.trim(),
    rule: { kind: row.ruleKind, value: row.ruleValue },
    trigger: row.trigger,
    status: row.status,
    payout: row.payoutId,
    approved_at: isoOrNull(row.approvedAt),
    available_at: isoOrNull(row.availableAt),
    cancelled_at: isoOrNull(row.cancelledAt),
    paid_at: isoOrNull(row.paidAt),
    created: iso(row.createdAt),
  };
}

export const ZListCommissionsQuery = ZListParams.extend({
  partner: z.string().max(64).optional(),
  order: z.string().max(64).optional(),
  status: z.enum(CommissionStatus).optional(),
  ...ZCreatedRange,
});

export async function listApiCommissions(query: z.output<typeof ZListCommissionsQuery>) {
  const filter: Prisma.CommissionWhereInput = {
    ...createdWhere(query),
    ...(query.partner ? { partnerId: query.partner } : {}),
    ...(query.order ? { orderId: query.order } : {}),
    ...(query.status ? { status: query.status } : {}),
  };
  const { rows, hasMore } = await paginate(query, {
    cursorOf: async (id) => {
      const row = await db.commission.findUnique({ where: { id }, select: { id: true, createdAt: true } });
      return row && { id: row.id, created: row.createdAt };
    },
    load: (after, direction, take) => db.commission.findMany({ where: { AND: [filter, keysetWhere(after, direction)] }, orderBy: keysetOrder(direction), take, select: commissionSelect }),
  });
  return { object: "list" as const, url: "/api/v1/commissions" as const, has_more: hasMore, data: rows.map(commissionObject) };
}

export async function getApiCommission(id: string): Promise<CommissionObject> {
  const row = await db.commission.findUnique({ where: { id }, select: commissionSelect });
  if (!row) throw notFound("Commission");
  return commissionObject(row);
}
