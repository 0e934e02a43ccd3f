// Adds a shipping rule; checkout uses it from the next quote on.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { clearCheckoutCaches } from "@/lib/checkout/load-checkout-context";
import { db, type Prisma } from "@/lib/db";
import { resolveShippingRule, shippingRuleSelect } from "./shipping-rule-schema";

export async function createShippingRule(input: unknown, actor: TSectionActor, context: { ip?: string } = {}) {
  assertSectionActor(actor, "settings");
  const created = await db.$transaction(async (tx) => {
    const data = await resolveShippingRule(tx, input);
    const rule = await tx.shippingRule.create({ data, select: shippingRuleSelect });
    await tx.auditLog.create({
      data: {
        actorType: "USER",
        actorId: actor.id,
        action: "settings.shipping.create",
        entityType: "ShippingRule",
        entityId: rule.id,
        data: data as unknown as Prisma.InputJsonValue,
        ip: context.ip,
      },
      select: { id: true },
    });
    return rule;
  });
  clearCheckoutCaches();
  return created;
}
