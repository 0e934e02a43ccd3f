// The checkout form as the constructor saves it, validated as a whole: keys unique, each
// standard field at most once, at most MAX_CUSTOM_FIELDS custom fields, validators that name a
// known rule or compile as a regular expression. Pure, so the rules are tested without a database.
import { z } from "zod";
import { NAMED_VALIDATORS } from "@/lib/checkout/validate-checkout-fields";
import { CheckoutFieldType } from "@/lib/db/generated/enums";

const E = (key: string) => ({ error: `products.errors.${key}` });

export const MAX_CUSTOM_FIELDS = 10;
export const MAX_OPTIONS = 30;

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, E("tooLong"))
    .nullable()
    .optional()
    .transform((value) => value || null);

/** A validator is the name of a lib/checkout rule or a regular expression that compiles. */
export function isValidValidator(validator: string): boolean {
  if (validator in NAMED_VALIDATORS) return true;
  try {
    new RegExp(validator, "u");
    return true;
  } catch {
    return false;
  }
}

export const ZFormField = z.object({
  type: z.enum(CheckoutFieldType, E("invalid")),
  // Keys name the value in orders and in the API: identifier-like, so they survive CSV and JSON.
  key: z
    .string(E("required"))
    .trim()
    .min(1, E("required"))
    .max(40, E("tooLong"))
    .regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, E("keyInvalid")),
  label: optional(200),
  placeholder: optional(200),
  isRequired: z.boolean().default(false),
  validator: optional(200).refine((value) => value === null || isValidValidator(value), E("validatorInvalid")),
  mask: optional(60),
  options: z
    .array(z.string().trim().min(1).max(200, E("tooLong")))
    .max(MAX_OPTIONS, E("tooMany"))
    .default([]),
});

export const ZFormFields = z
  .array(ZFormField)
  .max(40, E("tooMany"))
  .superRefine((fields, ctx) => {
    const keys = new Map<string, number>();
    const types = new Set<string>();
    let custom = 0;
    fields.forEach((field, index) => {
      const key = field.key.toLowerCase();
      if (keys.has(key)) ctx.addIssue({ code: "custom", message: "products.errors.duplicateKey", path: [index, "key"] });
      keys.set(key, index);
      if (field.type === "CUSTOM") {
        custom += 1;
        if (custom > MAX_CUSTOM_FIELDS) ctx.addIssue({ code: "custom", message: "products.errors.tooManyCustomFields", path: [index, "type"] });
        if (!field.label) ctx.addIssue({ code: "custom", message: "products.errors.labelRequired", path: [index, "label"] });
      } else {
        if (types.has(field.type)) ctx.addIssue({ code: "custom", message: "products.errors.duplicateType", path: [index, "type"] });
        types.add(field.type);
        if (field.options.length > 0) ctx.addIssue({ code: "custom", message: "products.errors.optionsOnlyCustom", path: [index, "options"] });
      }
    });
  });

export type TFormFieldInput = z.input<typeof ZFormField>;
