// A shipping rule as the owner enters it. Amounts arrive as typed ("300", "1 290,50") and become
// minor units of the rule's currency in resolveShippingRule, which knows the currency's digits.
import { z } from "zod";
import { Region, ShippingMethod } from "@/lib/db/generated/enums";
import type { DbTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseMoneyInput } from "@/lib/money/parse-money-input";

/** Where a rule applies: one country, one price region, or everywhere. */
export const SHIPPING_SCOPES = ["EVERYWHERE", "REGION", "COUNTRY"] as const;

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const ZShippingRuleInput = z
  .object({
    name: z.string({ error: "settings.errors.required" }).trim().min(1, { error: "settings.errors.required" }).max(120, { error: "settings.errors.tooLong" }),
    method: z.enum(ShippingMethod, { error: "settings.errors.methodInvalid" }),
    scope: z.enum(SHIPPING_SCOPES, { error: "settings.errors.scopeInvalid" }),
    country: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}$/, { error: "settings.errors.countryInvalid" })
        .optional(),
    ),
    region: z.preprocess(emptyToUndefined, z.enum(Region, { error: "settings.errors.regionInvalid" }).optional()),
    productId: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "settings.errors.productInvalid" })
        .optional(),
    ),
    cost: z.string({ error: "settings.errors.amountInvalid" }).trim().min(1, { error: "settings.errors.required" }).max(30, { error: "settings.errors.amountInvalid" }),
    currency: z
      .string({ error: "settings.errors.currencyInvalid" })
      .trim()
      .regex(/^[A-Z]{3}$/, { error: "settings.errors.currencyInvalid" }),
    freeFrom: z.preprocess(emptyToUndefined, z.string().trim().max(30, { error: "settings.errors.amountInvalid" }).optional()),
    priority: z
      .number({ error: "settings.errors.numberInvalid" })
      .int({ error: "settings.errors.numberInvalid" })
      .min(-1000, { error: "settings.errors.outOfRange" })
      .max(1000, { error: "settings.errors.outOfRange" }),
    isActive: z.boolean(),
  })
  .superRefine((input, context) => {
    if (input.scope === "COUNTRY" && !input.country) context.addIssue({ code: "custom", path: ["country"], message: "settings.errors.countryRequired" });
    if (input.scope === "REGION" && !input.region) context.addIssue({ code: "custom", path: ["region"], message: "settings.errors.regionRequired" });
  });

export type TShippingRuleInput = z.input<typeof ZShippingRuleInput>;

/** The columns of a rule, with the amounts in minor units and only the chosen scope kept. */
export interface ShippingRuleData {
  name: string;
  method: ShippingMethod;
  country: string | null;
  region: Region | null;
  productId: string | null;
  cost: number;
  currency: string;
  freeFrom: number | null;
  priority: number;
  isActive: boolean;
}

/**
 * Validates a rule against the database (the currency, country and product exist) and converts
 * its amounts with the currency's own minor digits; VALIDATION with field errors otherwise.
 */
export async function resolveShippingRule(tx: DbTransaction, input: unknown): Promise<ShippingRuleData> {
  const parsed = ZShippingRuleInput.safeParse(input);
  const fieldErrors: Record<string, string[]> = {};
  const fail = (field: string, message: string) => void (fieldErrors[field] ??= []).push(message);
  if (!parsed.success) for (const issue of parsed.error.issues) fail(String(issue.path[0] ?? "_"), issue.message);

  // Checked even when other fields are bad, so the form shows every problem at once.
  const raw = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const rule = parsed.data;
  const currencyCode = rule?.currency ?? (typeof raw.currency === "string" && /^[A-Z]{3}$/.test(raw.currency) ? raw.currency : null);
  const country = rule?.scope === "COUNTRY" ? (rule.country ?? null) : null;
  // One after another: a transaction is one connection, which runs one query at a time.
  const currency = currencyCode ? await tx.currency.findUnique({ where: { code: currencyCode }, select: { minorUnitDigits: true } }) : null;
  const countryRow = country ? await tx.country.findUnique({ where: { code: country }, select: { code: true } }) : null;
  const product = rule?.productId ? await tx.product.findUnique({ where: { id: rule.productId }, select: { id: true } }) : null;
  if (currencyCode && !currency) fail("currency", "settings.errors.currencyUnknown");
  if (country && !countryRow) fail("country", "settings.errors.countryUnknown");
  if (rule?.productId && !product) fail("productId", "settings.errors.productInvalid");

  const digits = currency?.minorUnitDigits ?? 2;
  const amount = (field: "cost" | "freeFrom", required: boolean): number | null => {
    const text = typeof raw[field] === "string" ? (raw[field] as string).trim() : "";
    if (!text) return null;
    const minor = text.length <= 30 ? parseMoneyInput(text, digits) : null;
    if (minor === null && !fieldErrors[field]) fail(field, "settings.errors.amountInvalid");
    if (minor === null && required) return null;
    return minor;
  };
  const cost = amount("cost", true);
  const freeFrom = amount("freeFrom", false);
  if (!rule || Object.keys(fieldErrors).length || cost === null) throw new AppError("VALIDATION", "The shipping rule is invalid", { fieldErrors });

  return {
    name: rule.name,
    method: rule.method,
    country,
    region: rule.scope === "REGION" ? (rule.region ?? null) : null,
    productId: rule.productId ?? null,
    cost,
    currency: rule.currency,
    freeFrom,
    priority: rule.priority,
    isActive: rule.isActive,
  };
}

export const shippingRuleSelect = {
  id: true,
  name: true,
  method: true,
  country: true,
  region: true,
  productId: true,
  cost: true,
  currency: true,
  freeFrom: true,
  priority: true,
  isActive: true,
} as const;
