// Turns a currency on or off for display and pricing choices. Its rates and the orders priced in
// it stay: turning off only hides it from new choices.
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { clearCheckoutCaches } from "@/lib/checkout/load-checkout-context";
import { db } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZSetCurrencyEnabled = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/, { error: "settings.errors.currencyInvalid" }),
  isEnabled: z.boolean(),
});

export async function setCurrencyEnabled(input: unknown, actor: TSectionActor, context: { ip?: string } = {}): Promise<{ code: string; isEnabled: boolean }> {
  assertSectionActor(actor, "settings");
  const parsed = ZSetCurrencyEnabled.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "The currency is invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  const { code, isEnabled } = parsed.data;

  await db.$transaction(async (tx) => {
    const { count } = await tx.currency.updateMany({ where: { code }, data: { isEnabled } });
    if (count === 0) throw new AppError("NOT_FOUND", "Currency not found");
    await recordAudit(tx, { actor: { type: "USER", id: actor.id }, action: "settings.currency.update", entity: { type: "Currency", id: code }, data: { isEnabled }, ip: context.ip });
  });
  clearCheckoutCaches();
  return { code, isEnabled };
}
