// Payouts for the shop's queue (staff of the payouts section) and for a partner's own history
// (scoped by the signed-in partner's id). Dates go out as ISO strings: the rows are handed to
// client components as they are.
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db, type Prisma } from "@/lib/db";
import { PayoutStatus } from "@/lib/db/generated/enums";
import { payoutValidationError } from "./lock-payout";

export const ZListPayoutsInput = z.object({
  status: z.enum(PayoutStatus).optional(),
  partnerId: z.string().trim().min(1).max(64).optional(),
  take: z.coerce.number().int().min(1).max(500).default(100),
  skip: z.coerce.number().int().min(0).default(0),
});

export interface PayoutRow {
  id: string;
  partner: { id: string; login: string; name: string };
  amount: number;
  currency: string;
  status: PayoutStatus;
  method: string | null;
  details: string | null;
  reference: string | null;
  reason: string | null;
  commissionCount: number;
  requestedAt: string;
  approvedAt: string | null;
  paidAt: string | null;
  rejectedAt: string | null;
}

const payoutSelect = {
  id: true,
  amount: true,
  currency: true,
  status: true,
  method: true,
  details: true,
  reference: true,
  reason: true,
  requestedAt: true,
  approvedAt: true,
  paidAt: true,
  rejectedAt: true,
  partner: { select: { id: true, login: true, name: true } },
  _count: { select: { commissions: true } },
} satisfies Prisma.PayoutSelect;

function toRow(payout: Prisma.PayoutGetPayload<{ select: typeof payoutSelect }>): PayoutRow {
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    id: payout.id,
    partner: payout.partner,
    amount: payout.amount,
    currency: payout.currency.trim(),
    status: payout.status,
    method: payout.method,
    details: payout.details,
    reference: payout.reference,
    reason: payout.reason,
    commissionCount: payout._count.commissions,
    requestedAt: payout.requestedAt.toISOString(),
    approvedAt: iso(payout.approvedAt),
    paidAt: iso(payout.paidAt),
    rejectedAt: iso(payout.rejectedAt),
  };
}

/** The shop's payout queue, oldest request first within a status filter (the order they are worked). */
export async function listPayouts(input: unknown, actor: TSectionActor): Promise<PayoutRow[]> {
  assertSectionActor(actor, "payouts");
  const parsed = ZListPayoutsInput.safeParse(input ?? {});
  if (!parsed.success) throw payoutValidationError(parsed.error);
  const { status, partnerId, take, skip } = parsed.data;
  const rows = await db.payout.findMany({
    where: { status, partnerId },
    select: payoutSelect,
    orderBy: status === "REQUESTED" || status === "APPROVED" ? [{ requestedAt: "asc" }, { id: "asc" }] : [{ requestedAt: "desc" }, { id: "desc" }],
    take,
    skip,
  });
  return rows.map(toRow);
}

/** A partner's own payouts, newest first. */
export async function listPartnerPayouts(partnerId: string, options: { take?: number } = {}): Promise<PayoutRow[]> {
  const rows = await db.payout.findMany({
    where: { partnerId },
    select: payoutSelect,
    orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
    take: Math.min(options.take ?? 100, 500),
  });
  return rows.map(toRow);
}
