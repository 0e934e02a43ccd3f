// Edits a country's checkout settings (price region, phone code and mask, postcode pattern,
// enabled, order). Countries are reference data: they are edited, never created from the panel.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { clearCheckoutCaches } from "@/lib/checkout/load-checkout-context";
import { db } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { ZCountryUpdate } from "./country-schema";
import { recordAudit } from "@/lib/audit/record-audit";

const countrySelect = { code: true, region: true, phoneCode: true, phoneMask: true, postcodePattern: true, isEnabled: true, sortOrder: true } as const;

export async function updateCountry(input: unknown, actor: TSectionActor, context: { ip?: string } = {}) {
  assertSectionActor(actor, "settings");
  const parsed = ZCountryUpdate.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "The country is invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  const { code, ...data } = parsed.data;

  const updated = await db.$transaction(async (tx) => {
    const before = await tx.country.findUnique({ where: { code }, select: countrySelect });
    if (!before) throw new AppError("NOT_FOUND", "Country not found");
    const after = await tx.country.update({ where: { code }, data, select: countrySelect });
    await recordAudit(tx, {
      actor: { type: "USER", id: actor.id },
      action: "settings.country.update",
      entity: { type: "Country", id: code },
      before: { ...before, code },
      after: { ...after, code },
      ip: context.ip,
    });
    return after;
  });
  clearCheckoutCaches();
  return { ...updated, code: updated.code.trim() };
}
