// Opens or closes checkout for a country: a disabled country is not offered on any checkout page.
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { clearCheckoutCaches } from "@/lib/checkout/load-checkout-context";
import { db } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { ZCountryCode } from "./country-schema";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZSetCountryEnabled = z.object({ code: ZCountryCode, isEnabled: z.boolean() });

export async function setCountryEnabled(input: unknown, actor: TSectionActor, context: { ip?: string } = {}): Promise<{ code: string; isEnabled: boolean }> {
  assertSectionActor(actor, "settings");
  const parsed = ZSetCountryEnabled.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "The country is invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  const { code, isEnabled } = parsed.data;

  await db.$transaction(async (tx) => {
    const { count } = await tx.country.updateMany({ where: { code }, data: { isEnabled } });
    if (count === 0) throw new AppError("NOT_FOUND", "Country not found");
    await recordAudit(tx, { actor: { type: "USER", id: actor.id }, action: "settings.country.update", entity: { type: "Country", id: code }, data: { isEnabled }, ip: context.ip });
  });
  clearCheckoutCaches();
  return { code, isEnabled };
}
