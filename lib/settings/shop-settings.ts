// The shop-wide settings of checkout and orders, one Setting row per field (`shop.<field>`), each
// validated on the way in and on the way out: a row that no longer validates (edited by hand, an
// older release) falls back to the default instead of breaking checkout.
import { z } from "zod";
import { PaymentMethod } from "@/lib/db/generated/enums";
import { LOCALES } from "@/lib/i18n/locales";

/** Prefix of the Setting keys owned here. */
export const SHOP_SETTING_PREFIX = "shop.";

// Messages are i18n keys (the settings page translates them), like checkout's field errors.
export const ZShopSettings = z.object({
  shopName: z.string().trim().min(1, { error: "checkoutErrors.required" }).max(120, { error: "checkoutErrors.tooLong" }),
  /** Where new-order notices go. */
  shopEmail: z.email({ error: "checkoutErrors.emailInvalid" }).max(254, { error: "checkoutErrors.tooLong" }),
  /** Language of the mails to the shop. */
  shopLocale: z.enum(LOCALES, { error: "checkoutErrors.invalid" }),
  /** Lifetime of the "confirm your order" link: up to a year. */
  confirmLinkTtlHours: z
    .number({ error: "checkoutErrors.numberInvalid" })
    .int({ error: "checkoutErrors.numberInvalid" })
    .min(1, { error: "checkoutErrors.outOfRange" })
    .max(8760, { error: "checkoutErrors.outOfRange" }),
  /** How far back a same-phone/email order of the same product makes a new one a duplicate; 0 turns the rule off. */
  duplicateWindowHours: z
    .number({ error: "checkoutErrors.numberInvalid" })
    .int({ error: "checkoutErrors.numberInvalid" })
    .min(0, { error: "checkoutErrors.outOfRange" })
    .max(720, { error: "checkoutErrors.outOfRange" }),
  /** Checkout's country when the visitor's is unknown or not served. */
  defaultCountry: z.string().regex(/^[A-Z]{2}$/, { error: "checkoutErrors.countryInvalid" }),
  /** Other currencies the checkout shows the price in, converted at the current rate. */
  checkoutCurrenciesShown: z.array(z.string().regex(/^[A-Z]{3}$/, { error: "checkoutErrors.currencyInvalid" })).max(10, { error: "checkoutErrors.tooMany" }),
  /** Payment methods the shop takes at all (each is further limited per product and country). */
  paymentMethodsEnabled: z.array(z.enum(PaymentMethod, { error: "checkoutErrors.invalid" })).max(3),
});

export type TShopSettings = z.output<typeof ZShopSettings>;
export type TShopSettingKey = keyof TShopSettings;

/** Defaults of every field but shopEmail (that one is the owner's address, looked up). */
export const SHOP_SETTING_DEFAULTS: Omit<TShopSettings, "shopEmail"> = {
  shopName: "Lavka",
  shopLocale: "ru",
  confirmLinkTtlHours: 168,
  duplicateWindowHours: 24,
  defaultCountry: "RU",
  checkoutCurrenciesShown: ["USD", "EUR"],
  paymentMethodsEnabled: ["COD", "COURIER", "PREPAID"],
};

export const FALLBACK_SHOP_EMAIL = "shop@lavka.local";

export const SHOP_SETTING_KEYS = Object.keys(ZShopSettings.shape) as TShopSettingKey[];

export const settingRowKey = (field: TShopSettingKey) => `${SHOP_SETTING_PREFIX}${field}`;
