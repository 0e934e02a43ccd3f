// Commissions of a new attributed order, written in the order's own transaction (writeOrder):
// one row per paid level (compute-commissions.ts), with the rule that produced the amount copied
// in, then moved to the order's current status (an order placed CONFIRMED approves at once, one
// placed DUPLICATE is cancelled). The unique (orderId, level) makes a second call a no-op.
import type { DbTransaction } from "@/lib/db";
import { recordWebhookEvents } from "@/lib/webhooks/record-webhook-events";
import { applyOrderStatusToCommissions } from "./apply-order-status-to-commissions";
import { type ChainPartner, type CommissionRuleSet, commissionBase, planCommissions } from "./compute-commissions";
import { loadCommissionSettings } from "./load-commission-settings";
import { loadRatesMap } from "@/lib/pricing/get-rates-map";
import type { RatesMap } from "@/lib/pricing/rates-map";

export interface CreatedCommission {
  id: string;
  level: number;
  partnerId: string;
  amount: number;
  currency: string;
}

/** The partner and their recruiters up to `levels` deep; a cycle in the tree ends the walk. */
async function loadPartnerChain(tx: DbTransaction, partnerId: string, levels: number): Promise<ChainPartner[]> {
  const chain: ChainPartner[] = [];
  const seen = new Set<string>();
  let nextId: string | null = partnerId;
  while (nextId && chain.length < levels && !seen.has(nextId)) {
    seen.add(nextId);
    const partner: { id: string; status: string; parentId: string | null } | null = await tx.partner.findUnique({
      where: { id: nextId },
      select: { id: true, status: true, parentId: true },
    });
    if (!partner) break;
    chain.push({ id: partner.id, status: partner.status });
    nextId = partner.parentId;
  }
  return chain;
}

/**
 * `rates`: the snapshot the order was priced with (placeOrder has it); without it the rates are
 * read through `tx` — never through the shared pool, which a transaction holding its connection
 * must not wait on (see loadRatesMap).
 */
export async function createOrderCommissions(tx: DbTransaction, order: { id: string }, options: { rates?: RatesMap } = {}): Promise<CreatedCommission[]> {
  const loaded = await tx.order.findUnique({
    where: { id: order.id },
    select: {
      id: true,
      partnerId: true,
      productId: true,
      itemsTotal: true,
      discountTotal: true,
      currency: true,
      status: true,
      product: { select: { rewardTrigger: true } },
      discounts: { select: { shippingAmount: true } },
    },
  });
  if (!loaded?.partnerId) return [];

  const settings = await loadCommissionSettings(tx);
  const chain = await loadPartnerChain(tx, loaded.partnerId, settings.levels);
  // One after another: a transaction is one connection, which runs one query at a time.
  const overrides = await tx.partnerCommissionOverride.findMany({
    where: { partnerId: { in: chain.map((partner) => partner.id) }, OR: [{ productId: loaded.productId }, { productId: null }] },
    select: { partnerId: true, productId: true, level: true, kind: true, value: true },
  });
  const productRules = await tx.productCommission.findMany({ where: { productId: loaded.productId }, select: { level: true, kind: true, value: true } });
  const rules: CommissionRuleSet = { productId: loaded.productId, overrides, productRules, defaults: settings.commissionDefaults };
  const rates = options.rates ?? (await loadRatesMap(tx));

  // Percent commissions count what the customer pays for the goods: the discounted items total.
  const shippingDiscount = loaded.discounts.reduce((sum, discount) => sum + discount.shippingAmount, 0);
  const base = { itemsTotal: commissionBase({ itemsTotal: loaded.itemsTotal, discountTotal: loaded.discountTotal, shippingDiscount }), currency: loaded.currency };
  const planned = planCommissions({ chain, levels: settings.levels, order: base, rules, toOrderCurrency: (amount, from) => rates.convert(amount, from, loaded.currency) });
  if (planned.length === 0) return [];
  const inserted = await tx.commission.createManyAndReturn({
    data: planned.map((commission) => ({
      orderId: loaded.id,
      partnerId: commission.partnerId,
      level: commission.level,
      amount: commission.amount,
      currency: loaded.currency,
      ruleKind: commission.ruleKind,
      ruleValue: commission.ruleValue,
      trigger: loaded.product.rewardTrigger,
    })),
    skipDuplicates: true,
    select: { id: true },
  });
  await recordWebhookEvents(
    tx,
    inserted.map((commission) => ({ type: "commission.created" as const, objectId: commission.id })),
  );
  await applyOrderStatusToCommissions(tx, { orderId: loaded.id, status: loaded.status });

  return tx.commission.findMany({
    where: { orderId: loaded.id },
    select: { id: true, level: true, partnerId: true, amount: true, currency: true },
    orderBy: { level: "asc" },
  });
}
