// Removes a shipping rule. Orders keep their shipping cost (copied at ordering), so nothing
// refers to the rule afterwards; the audit row keeps its last state.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { clearCheckoutCaches } from "@/lib/checkout/load-checkout-context";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { shippingRuleSelect } from "./shipping-rule-schema";
import { ZShippingRuleId } from "./update-shipping-rule";
import { recordAudit } from "@/lib/audit/record-audit";

export async function deleteShippingRule(id: unknown, actor: TSectionActor, context: { ip?: string } = {}): Promise<void> {
  assertSectionActor(actor, "settings");
  const ruleId = ZShippingRuleId.safeParse(id);
  if (!ruleId.success) throw new AppError("NOT_FOUND", "Shipping rule not found");
  await db.$transaction(async (tx) => {
    const before = await tx.shippingRule.findUnique({ where: { id: ruleId.data }, select: shippingRuleSelect });
    if (!before) throw new AppError("NOT_FOUND", "Shipping rule not found");
    await tx.shippingRule.delete({ where: { id: ruleId.data }, select: { id: true } });
    await recordAudit(tx, { actor: { type: "USER", id: actor.id }, action: "settings.shipping.delete", entity: { type: "ShippingRule", id: before.id }, data: before, ip: context.ip });
  });
  clearCheckoutCaches();
}
