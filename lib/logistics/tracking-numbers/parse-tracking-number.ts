// Russian Post identifiers and their check digits. A parcel accepted in Russia gets a 14-digit
// domestic identifier (ШПИ: the accepting office's 6-digit postcode, 2 digits of month/batch, a
// 5-digit serial and a check digit); an international item gets a 13-character UPU S10 identifier
// (2 service letters, an 8-digit serial, a check digit, the 2-letter country). Pure: the order
// page, the pasted list, the CSV import and the Zod schemas below all read this one rule.
import { z } from "zod";

export type TrackingNumberKind = "RU_DOMESTIC" | "S10";

/** Why a typed number is not a tracking number (an i18n key under logistics.trackingErrors). */
export type TrackingNumberProblem = "empty" | "format" | "checkDigit";

export type ParsedTrackingNumber = { ok: true; value: string; kind: TrackingNumberKind } | { ok: false; problem: TrackingNumberProblem };

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/** The check digit of the first 13 digits of a domestic identifier: odd places ×3, even ×1, to the next ten. */
export function domesticCheckDigit(first13: string): number {
  let sum = 0;
  for (let index = 0; index < 13; index += 1) sum += Number(first13[index]) * (index % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

/** The UPU S10 check digit of an 8-digit serial: weights 8 6 4 2 3 5 9 7, 11 minus the remainder (10 → 0, 11 → 5). */
export function s10CheckDigit(serial: string): number {
  let sum = 0;
  for (let index = 0; index < 8; index += 1) sum += Number(serial[index]) * S10_WEIGHTS[index]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/**
 * Normalises what was typed or pasted (spaces and dashes dropped, letters upper-cased) and checks
 * it. People copy numbers from labels as "801 01234 56789 0" or "ra 1234 5678 5ru".
 */
export function parseTrackingNumber(input: string): ParsedTrackingNumber {
  const value = input.replace(/[\s\-‐‑–]/g, "").toUpperCase();
  if (!value) return { ok: false, problem: "empty" };
  if (/^\d{14}$/.test(value)) {
    return domesticCheckDigit(value.slice(0, 13)) === Number(value[13]) ? { ok: true, value, kind: "RU_DOMESTIC" } : { ok: false, problem: "checkDigit" };
  }
  const s10 = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/.exec(value);
  if (s10) {
    return s10CheckDigit(s10[2]!) === Number(s10[3]) ? { ok: true, value, kind: "S10" } : { ok: false, problem: "checkDigit" };
  }
  return { ok: false, problem: "format" };
}

/** A tracking number field: normalised on the way in, a bad one refused with its i18n key. */
export const ZTrackingNumber = z.string().transform((input, context) => {
  const parsed = parseTrackingNumber(input);
  if (parsed.ok) return parsed.value;
  context.addIssue({ code: "custom", message: `logistics.trackingErrors.${parsed.problem}` });
  return z.NEVER;
});
