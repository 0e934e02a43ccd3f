// Edits a country's checkout settings (price region, phone code and mask, postcode pattern,
// enabled, order). Countries are reference data: they are edited, never created from the panel.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { clearCheckoutCaches } from "@/lib/checkout/load-checkout-context";
import { db, type Prisma } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { ZCountryUpdate } from "./country-schema";

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
    await tx.auditLog.create({
      data: {
        actorType: "USER",
        actorId: actor.id,
        action: "settings.country.update",
        entityType: "Country",
        entityId: code,
        data: { from: { ...before, code }, to: { ...after, code } } as Prisma.InputJsonValue,
        ip: context.ip,
      },
      select: { id: true },
    });
    return after;
  });
  clearCheckoutCaches();
  return { ...updated, code: updated.code.trim() };
}
