// Changes a shipping rule; the audit row keeps what it was, since quotes of old orders used it.
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { clearCheckoutCaches } from "@/lib/checkout/load-checkout-context";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resolveShippingRule, shippingRuleSelect } from "./shipping-rule-schema";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZShippingRuleId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/);

export async function updateShippingRule(id: unknown, input: unknown, actor: TSectionActor, context: { ip?: string } = {}) {
  assertSectionActor(actor, "settings");
  const ruleId = ZShippingRuleId.safeParse(id);
  if (!ruleId.success) throw new AppError("NOT_FOUND", "Shipping rule not found");
  const updated = await db.$transaction(async (tx) => {
    const before = await tx.shippingRule.findUnique({ where: { id: ruleId.data }, select: shippingRuleSelect });
    if (!before) throw new AppError("NOT_FOUND", "Shipping rule not found");
    const data = await resolveShippingRule(tx, input);
    const after = await tx.shippingRule.update({ where: { id: ruleId.data }, data, select: shippingRuleSelect });
    await recordAudit(tx, {
      actor: { type: "USER", id: actor.id },
      action: "settings.shipping.update",
      entity: { type: "ShippingRule", id: after.id },
      before: { ...before },
      after: { ...after },
      ip: context.ip,
    });
    return after;
  });
  clearCheckoutCaches();
  return updated;
}
