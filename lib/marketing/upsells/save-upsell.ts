// Creates or updates an upsell from the admin editor (/admin/advertising/upsells): the offered
// product, the trigger products, kind (checkout bump or thank-you offer), headline and text in
// ru/en, quantity, position, on/off, and its own price per currency — typed in major units
// ("490" or "490,00") and stored as minor units of that currency. One transaction with an audit
// row; the checkout's cached products are forgotten so a bump shows (or goes) at once.
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { clearCheckoutCaches } from "@/lib/checkout/load-checkout-context";
import { db } from "@/lib/db";
import { UpsellKind } from "@/lib/db/generated/enums";
import { AppError, zodFieldErrors, type FieldErrors } from "@/lib/errors";
import { parseMoneyInput } from "@/lib/money/parse-money-input";
import { recordAudit } from "@/lib/audit/record-audit";

const E = "adminUpsells.errors";
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${E}.tooLong` })
    .optional()
    .transform((value) => value || null);
const ZId = z.string().trim().min(1).max(64);

export const ZSaveUpsellInput = z.object({
  id: ZId.optional(),
  kind: z.enum(UpsellKind, { error: `${E}.kindInvalid` }),
  offerProductId: z
    .string({ error: `${E}.offerRequired` })
    .trim()
    .min(1, { error: `${E}.offerRequired` })
    .max(64, { error: `${E}.offerRequired` }),
  triggerProductIds: z
    .array(ZId, { error: `${E}.triggerRequired` })
    .min(1, { error: `${E}.triggerRequired` })
    .max(100, { error: `${E}.tooMany` }),
  title: z
    .string({ error: `${E}.titleRequired` })
    .trim()
    .min(1, { error: `${E}.titleRequired` })
    .max(200, { error: `${E}.tooLong` }),
  titleEn: optionalText(200),
  description: optionalText(1000),
  descriptionEn: optionalText(1000),
  quantity: z.coerce
    .number({ error: `${E}.quantityInvalid` })
    .int({ error: `${E}.quantityInvalid` })
    .min(1, { error: `${E}.quantityInvalid` })
    .max(99, { error: `${E}.quantityInvalid` }),
  position: z.coerce
    .number({ error: `${E}.positionInvalid` })
    .int({ error: `${E}.positionInvalid` })
    .min(0, { error: `${E}.positionInvalid` })
    .max(10_000, { error: `${E}.positionInvalid` }),
  isActive: z.boolean(),
  /** Amounts as typed, in major units; an empty one means "not offered in that currency". */
  prices: z
    .array(
      z.object({
        currency: z.string().regex(/^[A-Z]{3}$/, { error: `${E}.currencyInvalid` }),
        amount: z
          .string()
          .trim()
          .max(20, { error: `${E}.priceInvalid` }),
      }),
    )
    .max(50),
});
export type TSaveUpsellInput = z.input<typeof ZSaveUpsellInput>;

export async function saveUpsell(input: TSaveUpsellInput, actor: TSectionActor): Promise<{ id: string }> {
  const staff = assertSectionActor(actor, "advertising");
  const parsed = ZSaveUpsellInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Some fields are invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  const data = parsed.data;
  const triggerIds = [...new Set(data.triggerProductIds)];

  const fieldErrors: FieldErrors = {};
  const fail = (key: string, message: string) => (fieldErrors[key] ??= []).push(message);
  const [products, currencies] = await Promise.all([
    db.product.findMany({ where: { id: { in: [data.offerProductId, ...triggerIds] } }, select: { id: true } }),
    db.currency.findMany({ where: { code: { in: data.prices.map((price) => price.currency) } }, select: { code: true, minorUnitDigits: true } }),
  ]);
  const known = new Set(products.map((product) => product.id));
  if (!known.has(data.offerProductId)) fail("offerProductId", `${E}.offerRequired`);
  if (triggerIds.some((id) => !known.has(id))) fail("triggerProductIds", `${E}.triggerRequired`);
  if (triggerIds.includes(data.offerProductId)) fail("triggerProductIds", `${E}.triggerIsOffer`);
  const digits = new Map(currencies.map((currency) => [currency.code.trim(), currency.minorUnitDigits]));
  const prices: { currency: string; price: number }[] = [];
  for (const entry of data.prices) {
    if (!entry.amount) continue;
    const currencyDigits = digits.get(entry.currency);
    const price = currencyDigits === undefined ? null : parseMoneyInput(entry.amount, currencyDigits);
    if (price === null || price > 2_000_000_000) fail(`price.${entry.currency}`, `${E}.priceInvalid`);
    else prices.push({ currency: entry.currency, price });
  }
  if (prices.length === 0 && !fieldErrors.prices && !Object.keys(fieldErrors).some((key) => key.startsWith("price."))) fail("prices", `${E}.priceRequired`);
  if (Object.keys(fieldErrors).length > 0) throw new AppError("VALIDATION", "Some fields are invalid", { fieldErrors });

  const values = {
    kind: data.kind,
    offerProductId: data.offerProductId,
    title: data.title,
    titleEn: data.titleEn,
    description: data.description,
    descriptionEn: data.descriptionEn,
    quantity: data.quantity,
    position: data.position,
    isActive: data.isActive,
  };
  const saved = await db.$transaction(async (tx) => {
    let id: string;
    if (data.id) {
      const { count } = await tx.upsell.updateMany({ where: { id: data.id }, data: values });
      if (count === 0) throw new AppError("NOT_FOUND", `${E}.NOT_FOUND`);
      id = data.id;
      await tx.upsellTrigger.deleteMany({ where: { upsellId: id } });
      await tx.upsellPrice.deleteMany({ where: { upsellId: id } });
    } else {
      id = (await tx.upsell.create({ data: values, select: { id: true } })).id;
    }
    await tx.upsellTrigger.createMany({ data: triggerIds.map((productId) => ({ upsellId: id, productId })) });
    await tx.upsellPrice.createMany({ data: prices.map((price) => ({ upsellId: id, ...price })) });
    await recordAudit(tx, {
      actor: { type: "USER", id: staff.id },
      action: data.id ? "upsell.update" : "upsell.create",
      entity: { type: "Upsell", id },
      data: { ...values, triggerIds, prices },
    });
    return { id };
  });
  clearCheckoutCaches();
  return saved;
}
