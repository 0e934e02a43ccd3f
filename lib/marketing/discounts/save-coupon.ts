// Creates or edits a coupon (admin → Advertising → Coupons; MANAGER and OWNER). Codes are stored
// upper-case and unique; a FIXED coupon or a minimum order total needs the currency they are in;
// the products listed are the ones it applies to or, with productsExcluded, the ones it does not.
// Its uses so far are kept on edits; a coupon without a total limit counts them only when one is
// set (its uses are the orders holding it until then, see reserveStock). Audited.
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { amountToMinor, checkDates, parseRuleValue, ZCurrencyCode, ZFormBoolean, ZOptionalCount, ZProductIds, ZShopDateTime } from "./discount-form-input";
import { clearDiscountRulesCache } from "./load-discount-rules";
import { recordAudit } from "@/lib/audit/record-audit";

const E = (key: string) => `discounts.admin.errors.${key}`;

export const ZCouponInput = z
  .object({
    id: z.preprocess((value) => (value === "" ? undefined : value), z.string().max(64).optional()),
    code: z
      .string({ error: E("code") })
      .trim()
      .toUpperCase()
      .min(3, { error: E("code") })
      .max(40, { error: E("code") })
      .regex(/^[A-Z0-9_-]+$/, { error: E("code") }),
    description: z
      .string()
      .trim()
      .max(500, { error: E("tooLong") })
      .optional(),
    kind: z.enum(["PERCENT", "FIXED"], { error: E("kind") }),
    value: z
      .string()
      .trim()
      .max(20, { error: E("amount") }),
    currency: ZCurrencyCode,
    scope: z.enum(["ORDER", "ITEMS", "SHIPPING"], { error: E("scope") }),
    productIds: ZProductIds,
    productsExcluded: ZFormBoolean,
    minOrderTotal: z.string().trim().max(20).optional(),
    minQuantity: ZOptionalCount,
    maxUses: ZOptionalCount,
    maxUsesPerCustomer: ZOptionalCount,
    startsAt: ZShopDateTime,
    endsAt: ZShopDateTime,
    firstOrderOnly: ZFormBoolean,
    combinable: ZFormBoolean,
    isActive: ZFormBoolean,
  })
  .transform((input, ctx) => {
    const value = parseRuleValue(input.kind, input.value, input.currency, ctx);
    let minOrderTotal: number | null = null;
    if (input.minOrderTotal) {
      if (!input.currency) ctx.addIssue({ code: "custom", path: ["currency"], message: E("currencyRequired") });
      else {
        minOrderTotal = amountToMinor(input.minOrderTotal, input.currency);
        if (minOrderTotal === null) ctx.addIssue({ code: "custom", path: ["minOrderTotal"], message: E("amount") });
      }
    }
    checkDates(input.startsAt, input.endsAt, ctx);
    return { ...input, value, minOrderTotal };
  });

export async function saveCoupon(input: unknown, actor: TSectionActor): Promise<{ id: string }> {
  const staff = assertSectionActor(actor, "advertising");
  const parsed = ZCouponInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "The coupon is invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  const { id, productIds, ...data } = parsed.data;
  const row = {
    code: data.code,
    description: data.description || null,
    kind: data.kind,
    value: data.value,
    currency: data.currency ?? null,
    scope: data.scope,
    productsExcluded: data.productsExcluded,
    minOrderTotal: data.minOrderTotal,
    minQuantity: data.minQuantity ?? null,
    maxUses: data.maxUses ?? null,
    maxUsesPerCustomer: data.maxUsesPerCustomer ?? null,
    startsAt: data.startsAt ?? null,
    endsAt: data.endsAt ?? null,
    firstOrderOnly: data.firstOrderOnly,
    combinable: data.combinable,
    isActive: data.isActive,
  };
  const products = [...new Set(productIds)];
  const known = await db.product.count({ where: { id: { in: products } } });
  if (known !== products.length) throw new AppError("VALIDATION", "Unknown product", { fieldErrors: { productIds: [E("product")] } });
  try {
    const saved = await db.$transaction(async (tx) => {
      // The row first, FOR UPDATE: this waits for the orders in flight that claimed the coupon
      // without counting a use (an unlimited one, reserveStock) to commit, and orders arriving
      // meanwhile wait for this edit.
      const [before] = id ? await tx.$queryRaw<{ maxUses: number | null }[]>`SELECT "maxUses" FROM "Coupon" WHERE id = ${id} FOR UPDATE` : [];
      if (id && !before) throw new AppError("NOT_FOUND", "No such coupon");
      const coupon = id ? await tx.coupon.update({ where: { id }, data: row, select: { id: true } }) : await tx.coupon.create({ data: row, select: { id: true } });
      if (before && before.maxUses === null && row.maxUses !== null) {
        // An unlimited coupon counted no uses on its row: the limit counts the orders holding it,
        // every one of them committed now (a statement after the lock sees them all).
        await tx.$executeRaw`
          UPDATE "Coupon" SET "usedCount" = (
            SELECT count(DISTINCT o.id) FROM "OrderDiscount" d JOIN "Order" o ON o.id = d."orderId" AND o."couponId" = d."couponId"
            WHERE d."couponId" = ${coupon.id})
          WHERE id = ${coupon.id}`;
      }
      await tx.couponProduct.deleteMany({ where: { couponId: coupon.id } });
      if (products.length > 0) await tx.couponProduct.createMany({ data: products.map((productId) => ({ couponId: coupon.id, productId })) });
      await recordAudit(tx, { actor: { type: "USER", id: staff.id }, action: id ? "coupon.update" : "coupon.create", entity: { type: "Coupon", id: coupon.id }, data: { code: row.code } });
      return coupon;
    });
    return saved;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "P2002") throw new AppError("VALIDATION", "The code is taken", { fieldErrors: { code: [E("codeTaken")] } });
    if (code === "P2025") throw new AppError("NOT_FOUND", "No such coupon");
    throw error;
  } finally {
    clearDiscountRulesCache();
  }
}
