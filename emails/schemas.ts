// Building blocks of the emails' prop schemas. Props arrive from job payloads (JSON), so every
// schema accepts the JSON form (ISO strings for instants) and validates what a template trusts:
// links are http(s) only, money is integer minor units with an ISO 4217 code.
import { z } from "zod";

/** Shop time zone used for dates in emails when the caller does not know the recipient's. */
export const DEFAULT_EMAIL_TIME_ZONE = "Europe/Moscow";

const isTimeZone = (value: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
};

/** A link that is safe to put in an email: absolute http(s) only (no javascript:, mailto:, …). */
export const ZHttpUrl = z.url({ protocol: /^https?$/ }).max(2048);

/** Integer minor units (kopecks, cents); never a float. (zod's int() is a safe integer.) */
export const ZAmountMinor = z.number().int();

export const ZCurrency = z.string().regex(/^[A-Z]{3}$/, { message: "must be an ISO 4217 code like RUB" });

/** A moment in time: a Date from code, an ISO 8601 string with offset from a JSON payload. */
export const ZInstant = z.union([z.date(), z.iso.datetime({ offset: true })]).transform((value) => (typeof value === "string" ? new Date(value) : value));

export const ZTimeZone = z.string().refine(isTimeZone, { message: "must be an IANA time zone like Europe/Moscow" });

/** Who sends the mail, shown in the header and footer; every field optional. */
export const ZShopInfo = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  url: ZHttpUrl.optional(),
  supportEmail: z.email().optional(),
});
export type TShopInfo = z.output<typeof ZShopInfo>;

export const ZOrderLine = z.object({
  name: z.string().trim().min(1).max(300),
  /** Chosen options, e.g. "Black, 44 mm". */
  options: z.string().trim().max(300).optional(),
  quantity: z.number().int().positive().max(100_000),
  /** Line total (all units, after tier pricing) in minor units of the order's currency. */
  amount: ZAmountMinor.nonnegative(),
});

/** An order as the customer or the shop reads it; totals are computed by the order, not here. */
export const ZOrderSummary = z.object({
  orderNumber: z.string().trim().min(1).max(64),
  currency: ZCurrency,
  items: z.array(ZOrderLine).min(1).max(100),
  itemsTotal: ZAmountMinor.nonnegative().optional(),
  discount: ZAmountMinor.nonnegative().optional(),
  shipping: ZAmountMinor.nonnegative().optional(),
  total: ZAmountMinor.nonnegative(),
});
export type TOrderSummary = z.output<typeof ZOrderSummary>;

export const ZPaymentMethod = z.enum(["COD", "COURIER", "PREPAID"]);

/** A merchant-written text (e.g. a product's email text): paragraphs separated by blank lines. */
export const ZPlainText = z.string().trim().max(5_000);

/** A merchant-written subject line; one line, as mail headers need. */
export const ZCustomSubject = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((value) => !/[\r\n]/.test(value), { message: "must be one line" });
