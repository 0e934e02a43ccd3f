// Creates or edits an automatic discount (no code: it applies when its conditions hold) — admin →
// Advertising; MANAGER and OWNER. Same rules as a coupon's, plus region and the customer's RFM
// segment / ABC class from the CRM. Audited.
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { Region } from "@/lib/db/generated/enums";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { amountToMinor, checkDates, parseRuleValue, ZCurrencyCode, ZFormBoolean, ZOptionalCount, ZShopDateTime } from "./discount-form-input";
import { clearDiscountRulesCache } from "./load-discount-rules";
import { recordAudit } from "@/lib/audit/record-audit";

const E = (key: string) => `discounts.admin.errors.${key}`;
const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export const ZAutomaticDiscountInput = z
  .object({
    id: z.preprocess((value) => (value === "" ? undefined : value), z.string().max(64).optional()),
    name: z
      .string({ error: E("name") })
      .trim()
      .min(1, { error: E("name") })
      .max(200, { error: E("tooLong") }),
    kind: z.enum(["PERCENT", "FIXED"], { error: E("kind") }),
    value: z
      .string()
      .trim()
      .max(20, { error: E("amount") }),
    currency: ZCurrencyCode,
    scope: z.enum(["ORDER", "ITEMS", "SHIPPING"], { error: E("scope") }),
    productId: z.preprocess((value) => (value === "" ? undefined : value), z.string().max(64).optional()),
    region: z.preprocess((value) => (value === "" ? undefined : value), z.enum(Region, { error: E("region") }).optional()),
    rfmSegments: z.preprocess(list, z.array(z.string().trim().min(1).max(40)).max(20)),
    abcClasses: z.preprocess(list, z.array(z.enum(["A", "B", "C"], { error: E("abc") })).max(3)),
    minOrderTotal: z.string().trim().max(20).optional(),
    minQuantity: ZOptionalCount,
    startsAt: ZShopDateTime,
    endsAt: ZShopDateTime,
    priority: z.preprocess(
      (value) => (value === "" || value === undefined ? 0 : value),
      z.coerce
        .number()
        .int({ error: E("count") })
        .min(-1000)
        .max(1000),
    ),
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

export async function saveAutomaticDiscount(input: unknown, actor: TSectionActor): Promise<{ id: string }> {
  const staff = assertSectionActor(actor, "advertising");
  const parsed = ZAutomaticDiscountInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "The discount is invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  const { id, ...data } = parsed.data;
  if (data.productId && !(await db.product.findUnique({ where: { id: data.productId }, select: { id: true } }))) {
    throw new AppError("VALIDATION", "Unknown product", { fieldErrors: { productId: [E("product")] } });
  }
  const row = {
    name: data.name,
    kind: data.kind,
    value: data.value,
    currency: data.currency ?? null,
    scope: data.scope,
    productId: data.productId ?? null,
    region: data.region ?? null,
    rfmSegments: [...new Set(data.rfmSegments)],
    abcClasses: [...new Set(data.abcClasses)],
    minOrderTotal: data.minOrderTotal,
    minQuantity: data.minQuantity ?? null,
    startsAt: data.startsAt ?? null,
    endsAt: data.endsAt ?? null,
    priority: data.priority,
    firstOrderOnly: data.firstOrderOnly,
    combinable: data.combinable,
    isActive: data.isActive,
  };
  try {
    return await db.$transaction(async (tx) => {
      const saved = id ? await tx.automaticDiscount.update({ where: { id }, data: row, select: { id: true } }) : await tx.automaticDiscount.create({ data: row, select: { id: true } });
      await recordAudit(tx, {
        actor: { type: "USER", id: staff.id },
        action: id ? "automatic-discount.update" : "automatic-discount.create",
        entity: { type: "AutomaticDiscount", id: saved.id },
        data: { name: row.name },
      });
      return saved;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2025") throw new AppError("NOT_FOUND", "No such discount");
    throw error;
  } finally {
    clearDiscountRulesCache();
  }
}
