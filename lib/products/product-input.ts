// The editable fields of a product as the domain takes them: money already in minor units of the
// product currency, percentages in basis points. create-product and update-product share it, so
// a product can never be created in a shape it could not be saved in. Messages are i18n keys
// ("products.errors.*"), translated where the form shows them.
import { z } from "zod";
import { AmountKind, ConfirmationMode, ProductType, Region, RewardTrigger } from "@/lib/db/generated/enums";

const E = (key: string) => ({ error: `products.errors.${key}` });

/** Lowercase letters, digits and single dashes between them: the slug is part of /checkout/<slug>. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ZSlug = z.string(E("slugInvalid")).trim().min(1, E("required")).max(80, E("tooLong")).regex(SLUG_PATTERN, E("slugInvalid"));

/** Largest amount of money the admin panel accepts (minor units): far above any real price, far below 2^53. */
export const MAX_AMOUNT = 10_000_000_000_00;
const ZAmount = z.number(E("amountInvalid")).int(E("amountInvalid")).min(0, E("amountInvalid")).max(MAX_AMOUNT, E("amountTooLarge"));

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, E("tooLong"))
    .nullable()
    .optional()
    .transform((value) => value || null);

/** Only http(s): a javascript: or data: URL would run in the shopper's browser after ordering. */
const ZHttpUrl = z
  .string()
  .trim()
  .max(2000, E("tooLong"))
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, E("urlInvalid"));
const optionalUrl = ZHttpUrl.nullable()
  .optional()
  .or(z.literal("").transform(() => null))
  .transform((value) => value || null);

export const ZProductPrice = z
  .object({
    region: z.enum(Region, E("invalid")),
    price: ZAmount,
    compareAtPrice: ZAmount.nullable().default(null),
    minimumPrice: ZAmount.nullable().default(null),
  })
  .refine((price) => price.minimumPrice === null || price.minimumPrice <= price.price, { ...E("minimumAbovePrice"), path: ["minimumPrice"] });

export const ZPriceTier = z.object({
  region: z.enum(Region, E("invalid")),
  minQuantity: z.number(E("quantityInvalid")).int(E("quantityInvalid")).min(2, E("quantityInvalid")).max(99, E("quantityInvalid")),
  unitPrice: ZAmount,
});

export const ZCommission = z
  .object({
    kind: z.enum(AmountKind, E("invalid")),
    /** FIXED: minor units; PERCENT: basis points (100 % = 10000). */
    value: ZAmount,
  })
  .refine((commission) => commission.kind !== "PERCENT" || commission.value <= 10_000, { ...E("percentTooLarge"), path: ["value"] });

/** Affiliate levels: 0 = the partner, 1 = their parent, … */
export const MAX_COMMISSION_LEVELS = 10;

export const ZProductInput = z
  .object({
    name: z.string(E("required")).trim().min(1, E("required")).max(200, E("tooLong")),
    slug: ZSlug,
    type: z.enum(ProductType, E("invalid")),
    description: optionalText(10_000),
    imageUrl: optionalUrl,
    sku: optionalText(64),
    weightGrams: z.number(E("numberInvalid")).int(E("numberInvalid")).min(0, E("numberInvalid")).max(1_000_000, E("numberInvalid")).nullable().default(null),
    currency: z.string(E("currencyInvalid")).regex(/^[A-Z]{3}$/, E("currencyInvalid")),
    payWhatYouWant: z.boolean().default(false),
    baseCost: ZAmount.default(0),
    /** null: stock is not tracked. */
    stock: z.number(E("numberInvalid")).int(E("numberInvalid")).min(0, E("numberInvalid")).max(10_000_000, E("numberInvalid")).nullable().default(null),
    codAllowed: z.boolean().default(true),
    codCountries: z
      .array(z.string().regex(/^[A-Z]{2}$/, E("countryInvalid")))
      .max(300)
      .default([]),
    confirmationMode: z.enum(ConfirmationMode, E("invalid")),
    rewardTrigger: z.enum(RewardTrigger, E("invalid")),
    confirmPageUrl: optionalUrl,
    thankYouPageUrl: optionalUrl,
    prices: z.array(ZProductPrice).max(3),
    priceTiers: z.array(ZPriceTier).max(30, E("tooMany")),
    /** Index = affiliate level. */
    commissions: z.array(ZCommission).max(MAX_COMMISSION_LEVELS, E("tooMany")),
  })
  .superRefine((product, ctx) => {
    const regions = new Set<string>();
    product.prices.forEach((price, index) => {
      if (regions.has(price.region)) ctx.addIssue({ code: "custom", message: "products.errors.duplicate", path: ["prices", index, "region"] });
      regions.add(price.region);
      if (product.payWhatYouWant && price.minimumPrice === null) {
        ctx.addIssue({ code: "custom", message: "products.errors.minimumRequired", path: ["prices", index, "minimumPrice"] });
      }
    });
    const tiers = new Set<string>();
    product.priceTiers.forEach((tier, index) => {
      const key = `${tier.region}:${tier.minQuantity}`;
      if (tiers.has(key)) ctx.addIssue({ code: "custom", message: "products.errors.duplicateTier", path: ["priceTiers", index, "minQuantity"] });
      if (!regions.has(tier.region)) ctx.addIssue({ code: "custom", message: "products.errors.tierWithoutPrice", path: ["priceTiers", index, "region"] });
      tiers.add(key);
    });
  });

export type TProductInput = z.input<typeof ZProductInput>;
export type TProductValues = z.output<typeof ZProductInput>;
