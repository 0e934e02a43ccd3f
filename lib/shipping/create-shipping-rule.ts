// Adds a shipping rule; checkout uses it from the next quote on.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { clearCheckoutCaches } from "@/lib/checkout/load-checkout-context";
import { db } from "@/lib/db";
import { resolveShippingRule, shippingRuleSelect } from "./shipping-rule-schema";
import { recordAudit } from "@/lib/audit/record-audit";

export async function createShippingRule(input: unknown, actor: TSectionActor, context: { ip?: string } = {}) {
  assertSectionActor(actor, "settings");
  const created = await db.$transaction(async (tx) => {
    const data = await resolveShippingRule(tx, input);
    const rule = await tx.shippingRule.create({ data, select: shippingRuleSelect });
    await recordAudit(tx, { actor: { type: "USER", id: actor.id }, action: "settings.shipping.create", entity: { type: "ShippingRule", id: rule.id }, data: { ...data }, ip: context.ip });
    return rule;
  });
  clearCheckoutCaches();
  return created;
}
