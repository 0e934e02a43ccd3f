// The fields the admin's discount editors send (coupons, automatic discounts, promotions), as zod
// schemas over FormData strings: amounts typed as decimals in the rule's currency ("500", "12.50"),
// percentages with up to two decimals (basis points), dates as <input type="datetime-local"> in
// the shop's time zone (Moscow, UTC+3 all year). Messages are keys under "discounts.admin.errors".
import { z } from "zod";
import { currencyMinorDigits } from "@/lib/money/format";
import { parseMoneyInput } from "@/lib/money/parse-money-input";

const E = (key: string) => `discounts.admin.errors.${key}`;
const empty = (value: unknown) => (value === "" || value === null || value === undefined ? undefined : value);

export const ZOptionalCount = z.preprocess(
  empty,
  z.coerce
    .number({ error: E("count") })
    .int({ error: E("count") })
    .min(1, { error: E("count") })
    .max(1_000_000_000, { error: E("count") })
    .optional(),
);

/** A datetime-local value in Moscow time → the instant. */
export const ZShopDateTime = z.preprocess(
  empty,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: E("date") })
    .transform((value) => new Date(`${value}:00+03:00`))
    .refine((date) => !Number.isNaN(date.getTime()), { error: E("date") })
    .optional(),
);

export const ZCurrencyCode = z.preprocess(
  empty,
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, { error: E("currency") })
    .optional(),
);

export const ZFormBoolean = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

export const ZProductIds = z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.string().trim().min(1).max(64)).max(200));

/** "12.5" (percent) → 1250 basis points; 0.01–100 %. */
export function percentToBasisPoints(text: string): number | null {
  const value = parseMoneyInput(text, 2);
  return value !== null && value > 0 && value <= 10_000 ? value : null;
}

/** "500" in RUB → 50000 minor units; null when not an amount. */
export function amountToMinor(text: string, currency: string): number | null {
  const value = parseMoneyInput(text, currencyMinorDigits(currency));
  return value !== null && value >= 0 && value <= 2_000_000_000 ? value : null;
}

/** `value` of a PERCENT / FIXED / PRICE rule from what was typed; adds its error to ctx. */
export function parseRuleValue(kind: string, text: string, currency: string | undefined, ctx: z.RefinementCtx): number {
  if (kind === "PERCENT") {
    const value = percentToBasisPoints(text);
    if (value === null) ctx.addIssue({ code: "custom", path: ["value"], message: E("percent") });
    return value ?? 0;
  }
  if (!currency) {
    ctx.addIssue({ code: "custom", path: ["currency"], message: E("currencyRequired") });
    return 0;
  }
  const value = amountToMinor(text, currency);
  if (value === null || value === 0) ctx.addIssue({ code: "custom", path: ["value"], message: E("amount") });
  return value ?? 0;
}

/** The dates in order; adds its error to ctx. */
export function checkDates(startsAt: Date | undefined, endsAt: Date | undefined, ctx: z.RefinementCtx) {
  if (startsAt && endsAt && endsAt <= startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: E("endsBeforeStart") });
}
