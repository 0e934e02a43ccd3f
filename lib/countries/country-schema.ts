// The rules a country's checkout settings must follow. Checkout renders the phone mask and tests
// postcodes with the pattern on every order, so nothing broken may be saved.
import { z } from "zod";
import { Region } from "@/lib/db/generated/enums";

export const ZCountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: "settings.errors.countryInvalid" });

const emptyToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

/** Whether a postcode pattern compiles the way checkout compiles it (Unicode mode). */
export function isValidPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

export const ZCountryUpdate = z.object({
  code: ZCountryCode,
  region: z.enum(Region, { error: "settings.errors.regionInvalid" }),
  phoneCode: z
    .string()
    .trim()
    .regex(/^\+\d{1,4}$/, { error: "settings.errors.phoneCodeInvalid" }),
  // "9" stands for a digit the shopper types; the rest are literal digits, spaces, "+", "(", ")" and "-".
  phoneMask: z.preprocess(
    emptyToNull,
    z
      .string()
      .trim()
      .max(40, { error: "settings.errors.tooLong" })
      .regex(/^[0-9+()\- ]+$/, { error: "settings.errors.maskChars" })
      .refine((mask) => mask.includes("9"), { error: "settings.errors.maskNoDigits" })
      .nullable(),
  ),
  postcodePattern: z.preprocess(emptyToNull, z.string().trim().max(200, { error: "settings.errors.tooLong" }).refine(isValidPattern, { error: "settings.errors.patternInvalid" }).nullable()),
  isEnabled: z.boolean(),
  sortOrder: z
    .number({ error: "settings.errors.numberInvalid" })
    .int({ error: "settings.errors.numberInvalid" })
    .min(0, { error: "settings.errors.outOfRange" })
    .max(9999, { error: "settings.errors.outOfRange" }),
});

export type TCountryUpdate = z.input<typeof ZCountryUpdate>;
