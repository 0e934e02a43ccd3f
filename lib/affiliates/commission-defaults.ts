// The program's default commission per level (CommissionDefault), paid when neither the partner's
// override nor the product's table has a rate for the level (lib/affiliates/commissions). Edited
// on the program settings form, where people type rates as they read them: PERCENT as "10 %" or
// "12.5", FIXED as an amount in major units of the chosen currency ("150.00"), or of each order's
// own currency when none is chosen. Both are parsed as
// exact decimals (never a float) into what the rule stores: basis points, minor units. A level
// left without a rate has no default: it pays only where a product or an override says so.
import { z } from "zod";
import { db } from "@/lib/db";
import type { AmountKind } from "@/lib/db/generated/enums";
import { currencyMinorDigits } from "@/lib/money/format";
import { parseMoneyInput } from "@/lib/money/parse-money-input";

/** The most levels a program can pay (ZProgramSettings.levels). */
export const MAX_PROGRAM_LEVELS = 5;
/** 100 %: a default never pays more than the items sold. */
export const MAX_DEFAULT_BASIS_POINTS = 10_000;
/** The column is a 32-bit integer. */
export const MAX_DEFAULT_FIXED_MINOR = 2_147_483_647;

/** Message keys (messages/*.json), so the form shows each level's error in the staff's language. */
export const COMMISSION_DEFAULT_ERRORS = {
  kind: "adminPartners.program.defaults.errors.kind",
  percent: "adminPartners.program.defaults.errors.percent",
  amount: "adminPartners.program.defaults.errors.amount",
  currency: "adminPartners.program.defaults.errors.currency",
  level: "adminPartners.program.defaults.errors.level",
} as const;

export const ZCommissionDefault = z
  .object({
    level: z
      .number()
      .int()
      .min(0, { error: COMMISSION_DEFAULT_ERRORS.level })
      .max(MAX_PROGRAM_LEVELS - 1, { error: COMMISSION_DEFAULT_ERRORS.level }),
    kind: z.enum(["FIXED", "PERCENT"], { error: COMMISSION_DEFAULT_ERRORS.kind }),
    /** FIXED: minor units of `currency`; PERCENT: basis points of the order's items total. */
    value: z
      .number({ error: COMMISSION_DEFAULT_ERRORS.amount })
      .int({ error: COMMISSION_DEFAULT_ERRORS.amount })
      .min(0, { error: COMMISSION_DEFAULT_ERRORS.amount })
      .max(MAX_DEFAULT_FIXED_MINOR, { error: COMMISSION_DEFAULT_ERRORS.amount }),
    /** FIXED only (null: paid in each order's own currency); PERCENT has none. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { error: COMMISSION_DEFAULT_ERRORS.currency })
      .nullable(),
  })
  .superRefine((rate, context) => {
    if (rate.kind === "PERCENT" && rate.value > MAX_DEFAULT_BASIS_POINTS) context.addIssue({ code: "custom", path: ["value"], message: COMMISSION_DEFAULT_ERRORS.percent });
    if (rate.kind === "PERCENT" && rate.currency !== null) context.addIssue({ code: "custom", path: ["currency"], message: COMMISSION_DEFAULT_ERRORS.currency });
  });

/** One rate per level at most; levels without a rate have no default. */
export const ZCommissionDefaults = z
  .array(ZCommissionDefault)
  .max(MAX_PROGRAM_LEVELS)
  .superRefine((rates, context) => {
    const seen = new Set<number>();
    rates.forEach((rate, index) => {
      if (seen.has(rate.level)) context.addIssue({ code: "custom", path: [index, "level"], message: COMMISSION_DEFAULT_ERRORS.level });
      seen.add(rate.level);
    });
  });
export type TCommissionDefault = z.output<typeof ZCommissionDefault>;

/** One level's row of the form, as typed. kind "" (or "NONE") means no default for the level. */
export interface TypedCommissionDefault {
  kind: string;
  value: string;
  /** FIXED only; empty: paid in each order's own currency. */
  currency: string;
}

// A FIXED default in the order's currency is read with two minor digits: every currency the shop
// sells in has two (RUB, USD, EUR, KZT, BYN), as for an all-products override.
const ORDER_CURRENCY_MINOR_DIGITS = 2;

/** "10 %", "12,5" → basis points exactly; null unless a percentage from 0 to 100 with at most two decimals. */
export function parsePercentInput(text: string): number | null {
  // A percentage with two decimals is a whole number of basis points: the money parser's exact maths fits.
  const basisPoints = parseMoneyInput(text.trim().replace(/\s*%$/, ""), 2);
  return basisPoints !== null && basisPoints <= MAX_DEFAULT_BASIS_POINTS ? basisPoints : null;
}

/**
 * The form's rows (index = level) as rates, or the field errors keyed `commissionDefaults.<level>`
 * (the row's control names). Every row is checked, so all of a form's errors show at once.
 */
export function parseCommissionDefaultInputs(rows: readonly TypedCommissionDefault[]): { rates: TCommissionDefault[]; fieldErrors: Record<string, string[]> } {
  const rates: TCommissionDefault[] = [];
  const fieldErrors: Record<string, string[]> = {};
  rows.slice(0, MAX_PROGRAM_LEVELS).forEach((row, level) => {
    const kind = row.kind.trim().toUpperCase();
    const field = `commissionDefaults.${level}`;
    if (kind === "" || kind === "NONE") return;
    if (kind === "PERCENT") {
      const value = parsePercentInput(row.value);
      if (value === null) fieldErrors[field] = [COMMISSION_DEFAULT_ERRORS.percent];
      else rates.push({ level, kind, value, currency: null });
      return;
    }
    if (kind === "FIXED") {
      const currency = row.currency.trim().toUpperCase() || null;
      if (currency !== null && !/^[A-Z]{3}$/.test(currency)) {
        fieldErrors[field] = [COMMISSION_DEFAULT_ERRORS.currency];
        return;
      }
      const value = parseMoneyInput(row.value, currency ? currencyMinorDigits(currency) : ORDER_CURRENCY_MINOR_DIGITS);
      if (value === null || value > MAX_DEFAULT_FIXED_MINOR) fieldErrors[field] = [COMMISSION_DEFAULT_ERRORS.amount];
      else rates.push({ level, kind, value, currency });
      return;
    }
    fieldErrors[field] = [COMMISSION_DEFAULT_ERRORS.kind];
  });
  return { rates, fieldErrors };
}

export interface StoredCommissionDefault {
  level: number;
  kind: AmountKind;
  value: number;
  currency: string | null;
}

/** Every stored default, paid levels or not (the settings form shows them all), by level. */
export async function listCommissionDefaults(): Promise<StoredCommissionDefault[]> {
  const rows = await db.commissionDefault.findMany({ select: { level: true, kind: true, value: true, currency: true }, orderBy: { level: "asc" } });
  // Char(3) comes back padded on some paths.
  return rows.map((row) => ({ ...row, currency: row.currency?.trim() ?? null }));
}
