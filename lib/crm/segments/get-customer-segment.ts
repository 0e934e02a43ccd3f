// A customer's RFM scores, segment, ABC class and their history, for the customer card's panel.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { assertCrm } from "@/lib/crm/crm-access";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

export interface CustomerSegmentView {
  rfm: { r: number; f: number; m: number } | null;
  rfmSegment: string | null;
  abcClass: string | null;
  segmentedAt: Date | null;
  paidRevenue: bigint;
  paidOrdersCount: number;
  /** Newest first, at most `historyLimit`. */
  history: { id: string; at: Date; rfmSegment: string | null; abcClass: string | null; rfm: { r: number; f: number; m: number } | null }[];
}

export async function getCustomerSegment(actor: TSectionActor, customerId: string, historyLimit = 20): Promise<CustomerSegmentView> {
  const staff = assertSectionActor(actor, "customers");
  assertCrm(staff, "viewCustomers");
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: {
      rfmRecency: true,
      rfmFrequency: true,
      rfmMonetary: true,
      rfmSegment: true,
      abcClass: true,
      segmentedAt: true,
      paidRevenue: true,
      paidOrdersCount: true,
      segmentChanges: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: historyLimit,
        select: { id: true, createdAt: true, rfmSegment: true, abcClass: true, rfmRecency: true, rfmFrequency: true, rfmMonetary: true },
      },
    },
  });
  if (!customer) throw notFound("Customer");
  const scores = (r: number | null, f: number | null, m: number | null) => (r !== null && f !== null && m !== null ? { r, f, m } : null);
  return {
    rfm: scores(customer.rfmRecency, customer.rfmFrequency, customer.rfmMonetary),
    rfmSegment: customer.rfmSegment,
    abcClass: customer.abcClass?.trim() || null,
    segmentedAt: customer.segmentedAt,
    paidRevenue: customer.paidRevenue,
    paidOrdersCount: customer.paidOrdersCount,
    history: customer.segmentChanges.map((change) => ({
      id: change.id.toString(),
      at: change.createdAt,
      rfmSegment: change.rfmSegment,
      abcClass: change.abcClass?.trim() || null,
      rfm: scores(change.rfmRecency, change.rfmFrequency, change.rfmMonetary),
    })),
  };
}
