// Creates or edits a promotion: a time-limited sale price, percent or fixed amount off some
// products, with a countdown on their checkout pages (admin → Advertising; MANAGER and OWNER).
// It needs an end and at least one product; a sale price or fixed amount needs its currency.
// Checkout pages of its products are revalidated by the caller. Audited.
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { checkDates, parseRuleValue, ZCurrencyCode, ZFormBoolean, ZProductIds, ZShopDateTime } from "./discount-form-input";
import { clearDiscountRulesCache } from "./load-discount-rules";
import { recordAudit } from "@/lib/audit/record-audit";

const E = (key: string) => `discounts.admin.errors.${key}`;

export const ZPromotionInput = z
  .object({
    id: z.preprocess((value) => (value === "" ? undefined : value), z.string().max(64).optional()),
    name: z
      .string({ error: E("name") })
      .trim()
      .min(1, { error: E("name") })
      .max(200, { error: E("tooLong") }),
    description: z
      .string()
      .trim()
      .max(1000, { error: E("tooLong") })
      .optional(),
    kind: z.enum(["PERCENT", "FIXED", "PRICE"], { error: E("kind") }),
    value: z
      .string()
      .trim()
      .max(20, { error: E("amount") }),
    currency: ZCurrencyCode,
    productIds: ZProductIds,
    startsAt: ZShopDateTime,
    endsAt: ZShopDateTime,
    showCountdown: ZFormBoolean,
    combinable: ZFormBoolean,
    isActive: ZFormBoolean,
  })
  .transform((input, ctx) => {
    const value = parseRuleValue(input.kind, input.value, input.currency, ctx);
    if (!input.startsAt) ctx.addIssue({ code: "custom", path: ["startsAt"], message: E("date") });
    if (!input.endsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: E("date") });
    if (input.productIds.length === 0) ctx.addIssue({ code: "custom", path: ["productIds"], message: E("productsRequired") });
    checkDates(input.startsAt, input.endsAt, ctx);
    return { ...input, value, startsAt: input.startsAt ?? new Date(0), endsAt: input.endsAt ?? new Date(0) };
  });

export async function savePromotion(input: unknown, actor: TSectionActor): Promise<{ id: string; productIds: string[] }> {
  const staff = assertSectionActor(actor, "advertising");
  const parsed = ZPromotionInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "The promotion is invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  const { id, productIds, ...data } = parsed.data;
  const products = [...new Set(productIds)];
  if ((await db.product.count({ where: { id: { in: products } } })) !== products.length) {
    throw new AppError("VALIDATION", "Unknown product", { fieldErrors: { productIds: [E("product")] } });
  }
  const row = { ...data, description: data.description || null, currency: data.currency ?? null };
  try {
    const saved = await db.$transaction(async (tx) => {
      const promotion = id ? await tx.promotion.update({ where: { id }, data: row, select: { id: true } }) : await tx.promotion.create({ data: row, select: { id: true } });
      await tx.promotionProduct.deleteMany({ where: { promotionId: promotion.id } });
      await tx.promotionProduct.createMany({ data: products.map((productId) => ({ promotionId: promotion.id, productId })) });
      await recordAudit(tx, {
        actor: { type: "USER", id: staff.id },
        action: id ? "promotion.update" : "promotion.create",
        entity: { type: "Promotion", id: promotion.id },
        data: { name: row.name },
      });
      return promotion;
    });
    return { id: saved.id, productIds: products };
  } catch (error) {
    if ((error as { code?: string }).code === "P2025") throw new AppError("NOT_FOUND", "No such promotion");
    throw error;
  } finally {
    clearDiscountRulesCache();
  }
}
